"""Quick capture: the one-line syntax, `netkeep capture TEXT`, and the capture form."""

from __future__ import annotations

import pendulum
import pytest

from netkeep.cli import main
from netkeep.core import capture, contacts
from netkeep.core.errors import ValidationError
from netkeep.core.records import ContactInput
from netkeep.store.models import Contact

FROZEN = pendulum.datetime(2026, 3, 4, 10, 0, tz="UTC")

pytestmark = pytest.mark.frozen_at(FROZEN)  # for the `frozen` fixture


# ------------------------------------------------------------------ parsing (no database)


def test_parse_every_part():
    fields = capture.parse_line(
        "Jane Doe, Staff Engineer jane@stripe.com @Stripe Inc #alumni #PyCon +Bob Smith "
        "!PyCon 2026 >in 2 weeks -- wants a designer -- for her side project"
    )
    assert fields.name == "Jane Doe"
    assert fields.title == "Staff Engineer"
    assert fields.emails == ("jane@stripe.com",)
    assert fields.company == "Stripe Inc"
    assert fields.tags == ("alumni", "PyCon")
    assert fields.introduced_by == "Bob Smith"
    assert fields.met_at == "PyCon 2026"
    assert fields.follow_up == "in 2 weeks"
    assert fields.note == "wants a designer -- for her side project"


def test_parse_markers_in_any_order_and_email_anywhere():
    fields = capture.parse_line("Ana Silva >friday #data @Acme ana@acme.io Labs !Data Meetup")
    assert (fields.name, fields.follow_up, fields.company, fields.met_at) == (
        "Ana Silva",
        "friday",
        "Acme Labs",
        "Data Meetup",
    )
    assert fields.emails == ("ana@acme.io",)
    assert fields.tags == ("data",)


def test_parse_name_only_and_symbols_inside_words():
    fields = capture.parse_line("  Li   Wei  ")
    assert fields.name == "Li Wei" and fields.company == "" and fields.note == ""
    fields = capture.parse_line("Sam O'Neil @C# Guild")
    assert fields.name == "Sam O'Neil" and fields.company == "C# Guild"


def test_parse_note_only_has_no_name():
    assert capture.parse_line("-- just a thought").name == ""


@pytest.mark.parametrize(
    "text, field",
    [
        ("Jane @", "company"),
        ("Jane +", "introduced_by"),
        ("Jane # x", "tags"),
        ("Jane @A @B", "company"),
        ("Jane\x1b[31m Doe", "name"),
    ],
)
def test_parse_rejects_bad_markers_and_control_characters(text, field):
    with pytest.raises(ValidationError) as caught:
        capture.parse_line(text)
    assert field in caught.value.errors


# ------------------------------------------------------------------ checking and saving


def test_build_input_defaults_and_follow_up(db, frozen):
    data = capture.build_input(capture.parse_line("Jane Doe !PyCon 2026 >2w"))
    assert data.met_on == pendulum.date(2026, 3, 4)
    assert data.how_met == "PyCon 2026" and data.met_at == "PyCon 2026"
    assert data.next_follow_up == pendulum.date(2026, 3, 18)
    assert data.source == "capture"


def test_introducer_exact_unique_ambiguous_unknown(db):
    bob = contacts.create_contact(ContactInput(full_name="Bob Smith", company="Acme"))
    contacts.create_contact(ContactInput(full_name="Bobby Tables"))
    contacts.create_contact(ContactInput(full_name="Ann Lee"))
    contacts.create_contact(ContactInput(full_name="Ann Leeds"))
    assert capture.resolve_introducer("bob smith") == (bob, "Bob Smith")
    assert capture.resolve_introducer("smith")[0] == bob
    assert capture.resolve_introducer("Ann Lee")[1] == "Ann Lee"  # exact beats a longer name
    with pytest.raises(ValidationError, match="Bob Smith \\(Acme\\); Bobby Tables"):
        capture.resolve_introducer("bob")
    with pytest.raises(ValidationError, match="No contact called 'Zelda'"):
        capture.resolve_introducer("Zelda")


def test_capture_line_saves_everything(db, frozen):
    bob = contacts.create_contact(ContactInput(full_name="Bob Smith"))
    new_id, _ = capture.capture_line(
        "Jane Doe, CTO jane@stripe.com @Stripe #alumni +Bob !PyCon >2026-04-01 -- wants a designer"
    )
    card = contacts.get_card(new_id)
    assert (card.full_name, card.title, card.company) == ("Jane Doe", "CTO", "Stripe")
    assert [m.value for m in card.emails] == ["jane@stripe.com"]
    assert card.tags == ("alumni",)
    assert card.introduced_by_id == bob and card.how_met == "introduced by Bob Smith"
    assert card.met_at == "PyCon" and card.met_on == pendulum.date(2026, 3, 4)
    assert card.next_follow_up == pendulum.date(2026, 4, 1) and card.follow_up_manual
    assert card.notes == "wants a designer"


def test_markup_name_is_kept_literally(db):
    new_id, _ = capture.capture_line("[bold]Mallory[/] @[red]Evil[/]")
    card = contacts.get_card(new_id)
    assert card.full_name == "[bold]Mallory[/]" and card.company == "[red]Evil[/]"


# ------------------------------------------------------------------ the command line


def test_cli_capture_prints_one_line(db_path, capsys, frozen):
    assert main(["--db", str(db_path), "capture", "Jane Doe @Stripe #alumni >2w"]) == 0
    out = capsys.readouterr().out
    assert out == "Saved Jane Doe (Stripe) #alumni, follow up 18 Mar 2026.\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("-- only a note", "A name is required"),
        ("Jane jane@nowhere", "does not look like an email address"),
        ("Jane >someday", "is not a date netkeep understands"),
        ("Jane >3 days ago", "in the past"),
        ("Jane +Nobody", "No contact called 'Nobody'"),
        ("Jane\x1b]0;pwned\x07", "control characters"),
        ("x" * 300, "too long"),
    ],
)
def test_cli_capture_bad_input_fails_and_saves_nothing(db_path, capsys, text, message):
    assert main(["--db", str(db_path), "capture", text]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkeep: ") and message in err and err.count("\n") == 1
    from netkeep.store.database import open_database

    with open_database(db_path):
        assert Contact.select().count() == 0


def test_cli_capture_long_note_is_fine(db_path, capsys):
    assert main(["--db", str(db_path), "capture", "Jane -- " + "n" * 5000]) == 0
    from netkeep.store.database import open_database

    with open_database(db_path):
        assert len(Contact.get().notes) == 5000


def test_blank_capture_text_is_refused_without_opening_the_form(capsys, db_path):
    from netkeep.cli import main

    assert main(["capture", "   "]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkeep: nothing to capture") and err.count("\n") == 1
    assert not db_path.exists() or _count(db_path) == 0


def _count(db_path) -> int:
    from netkeep.store.database import open_database
    from netkeep.store.models import Contact

    with open_database(db_path):
        return Contact.select().count()
