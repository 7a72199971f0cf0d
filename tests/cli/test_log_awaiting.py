"""``netkeep log … --awaiting`` starts a chase that ``netkeep due`` lists."""

from __future__ import annotations

import json

import pendulum

from helpers.people import person
from netkeep.cli import main
from netkeep.store.models import Chase, Interaction


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_awaiting_starts_a_chase_that_due_lists(db, frozen, capsys):
    person("Jane Roe", company="Stripe")
    person("Bob Smith", company="Stripe")
    code, out, err = run(
        capsys, "log", "jane", "asked about the platform team", "--kind", "email", "--awaiting"
    )
    assert (code, err) == (0, "")
    assert "Awaiting their reply: after 3 business days" in out
    assert Interaction.get().direction == "out" and Chase.select().count() == 1
    frozen.travel_to(pendulum.datetime(2026, 3, 11, 9))
    code, out, _ = run(capsys, "due")
    assert "To chase (2)" in out
    assert "Bob Smith" in out and "send a polite follow-up" in out
    code, out, _ = run(capsys, "due", "--json")
    items = json.loads(out)["sections"]["chase"]
    assert {i["kind"] for i in items} == {"chase", "chase-other"}
    assert any((i["note"] or "").startswith("Hi Jane") for i in items)


def test_log_awaiting_with_in_is_refused(db, frozen, capsys):
    person("Jane Roe")
    code, out, err = run(capsys, "log", "jane", "hello", "--awaiting", "--in")
    assert (code, out) == (1, "")
    assert err == "netkeep: --awaiting is for something you sent; it does not go with --in or --reply-owed\n"
    assert Interaction.select().count() == 0
