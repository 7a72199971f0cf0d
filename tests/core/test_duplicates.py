"""Capturing someone who may already be here: the same email, phone, LinkedIn or name."""

from __future__ import annotations

import pendulum
import pytest

from helpers.people import log, person
from netkeep.cli import main
from netkeep.core import capture
from netkeep.core.duplicates import DuplicateFound, likely_duplicates, linkedin_key, name_key, phone_key
from netkeep.core.records import ContactInput, Method
from netkeep.store.models import Contact

pytestmark = pytest.mark.frozen_at(pendulum.datetime(2026, 3, 10, 10, 0, tz="UTC"))


def test_keys():
    assert name_key("  Sam  O'Néil ") == name_key("sam oneil") == "sam oneil"
    assert phone_key("+1 (415) 555-0101") == phone_key("415.555.0101") == "4155550101"
    assert linkedin_key("https://www.linkedin.com/in/Priya/?x=1") == "linkedin.com/in/priya"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (ContactInput(full_name="P. R.", emails=(Method("email", "PRIYA@stripe.com"),)), "same email"),
        (ContactInput(full_name="P. R.", phones=(Method("phone", "(415) 555-0101"),)), "same phone"),
        (ContactInput(full_name="P. R.", linkedin_url="linkedin.com/in/priya"), "same LinkedIn profile"),
        (ContactInput(full_name="priya  raman"), "same name"),
    ],
)
def test_each_key_finds_the_match(db, frozen, data, reason):
    priya = person(
        "Priya Raman",
        "priya@stripe.com",
        company="Stripe",
        phones=(Method("phone", "+1-415-555-0101"),),
        linkedin_url="https://www.linkedin.com/in/priya/",
    )
    person("Priya Ramanathan", "p@other.org", phones=(Method("phone", "+1-415-555-0199"),))
    [match] = likely_duplicates(data)
    assert (match.id, match.reason) == (priya, reason)


def test_nobody_alike_is_no_duplicate(db):
    person("Priya Raman", "priya@stripe.com")
    assert likely_duplicates(ContactInput(full_name="Wei Chen", emails=(Method("email", "w@x.io"),))) == []


def test_capture_line_refuses_a_duplicate_unless_new(db, frozen):
    priya = person("Priya Raman", "priya@stripe.com", company="Stripe")
    log(priya, occurred_at=pendulum.datetime(2026, 3, 3, 12, tz="UTC"))
    with pytest.raises(DuplicateFound) as info:
        capture.capture_line("Priya Raman #x")
    assert str(info.value) == "Priya Raman (Stripe, last contact 3 Mar) is already here (same name)"
    capture.capture_line("Priya Raman #x", new=True)
    assert Contact.select().count() == 2


def test_cli_names_the_match_and_saves_nothing_off_a_terminal(db_path, capsys, frozen):
    assert main(["--db", str(db_path), "capture", "Priya Raman priya@stripe.com @Stripe"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "capture", "P Raman PRIYA@stripe.com"]) == 1
    err = capsys.readouterr().err
    assert err == ("netkeep: Priya Raman (Stripe) is already here (same email); add --new to save another.\n")
    assert main(["--db", str(db_path), "capture", "--new", "P Raman PRIYA@stripe.com"]) == 0
    assert capsys.readouterr().out == "Saved P Raman.\n"


def test_add_to_fills_the_gaps_and_keeps_theirs(db, frozen):
    from netkeep.core import contacts
    from netkeep.core.duplicates import add_to

    priya = person("Priya Raman", "priya@stripe.com", company="Stripe", tags=("alumni",), notes="old")
    data = capture.build_input(
        capture.parse_line("P Raman PRIYA@stripe.com p2@x.io @Other #alumni #pycon !PyCon >2w -- new")
    )
    add_to(priya, data)
    card = contacts.get_card(priya)
    assert (card.full_name, card.company, card.met_at) == ("Priya Raman", "Stripe", "PyCon")
    assert [m.value for m in card.emails] == ["priya@stripe.com", "p2@x.io"]
    assert card.tags == ("alumni", "pycon") and card.notes == "old\n\nnew"
    assert card.next_follow_up == pendulum.date(2026, 3, 24)
