"""``netkeep log NAME TEXT --with NAME2 [--with NAME3]``: one entry with several people."""

from __future__ import annotations

import pendulum

from helpers.people import person
from netkeep.cli import main
from netkeep.core import contacts, interactions
from netkeep.store.models import Interaction


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_with_others_puts_one_entry_on_each_timeline(db, frozen, capsys):
    li, jane, ann = person("Li Wei"), person("Jane Roe"), person("Ann Lee")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    code, out, err = run(
        capsys,
        "log",
        "li",
        "lunch",
        "with",
        "the",
        "team",
        "--kind",
        "meeting",
        "--with",
        "jane roe",
        "--with",
        "Ann",
    )
    assert (code, err) == (0, "")
    assert out.startswith("Logged meeting with Li Wei, Jane Roe and Ann Lee")
    [entry] = interactions.timeline_for(jane)
    assert [c for c, _ in entry.contacts] == [li, jane, ann]
    for contact_id in (li, jane, ann):
        assert interactions.timeline_for(contact_id)[0].id == entry.id
        assert contacts.get_card(contact_id).next_follow_up == pendulum.date(2026, 6, 1)


def test_log_with_an_unknown_name_says_which_and_saves_nothing(db, frozen, capsys):
    person("Li Wei")
    code, out, err = run(capsys, "log", "Li Wei", "hello", "--with", "Zebulon")
    assert code == 1 and out == ""
    assert err.startswith("netkeep: no contact matches 'Zebulon'") and err.count("\n") == 1
    assert Interaction.select().count() == 0


def test_log_with_the_same_person_twice_is_refused(db, frozen, capsys):
    person("Li Wei")
    code, out, err = run(capsys, "log", "Li Wei", "hello", "--with", "li wei")
    assert (code, out) == (1, "")
    assert err == "netkeep: Li Wei is named twice; nothing was logged\n"
    assert Interaction.select().count() == 0
