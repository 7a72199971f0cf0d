"""The one-line syntax's later parts: phones, ``=type``, ``^met``, "Last, First", and bad lines."""

from __future__ import annotations

import pendulum
import pytest

from netkeep.cli import main
from netkeep.core import capture, contacts
from netkeep.core.errors import ValidationError
from netkeep.store.models import Contact

pytestmark = pytest.mark.frozen_at(pendulum.datetime(2026, 3, 4, 10, 0, tz="UTC"))  # a Wednesday


@pytest.mark.parametrize(
    ("text", "phones", "introducer"),
    [
        ("Sam Lee +1-415-555-0101", ("+1-415-555-0101",), ""),
        ("Sam Lee (415) 555-0101 #x", ("(415) 555-0101",), ""),
        ("Sam Lee +44 20 7946 0958 +Bob", ("+44 20 7946 0958",), "Bob"),
        ("Sam Lee 415.555.0101 +bob smith", ("415.555.0101",), "bob smith"),
        ("Sam Lee +Bob 2", (), "Bob 2"),
    ],
)
def test_phones_are_recognised_and_plus_name_is_still_the_introducer(text, phones, introducer):
    fields = capture.parse_line(text)
    assert (fields.name, fields.phones, fields.introduced_by) == ("Sam Lee", phones, introducer)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("O'Neil, Sam", "Sam O'Neil", ""),
        ("O'Neil, Sam, Product Designer", "Sam O'Neil", "Product Designer"),
        ("Doe, CEO", "Doe", "CEO"),
        ("Smith, Engineer", "Smith", "Engineer"),
        ("Jane Doe, Staff Engineer", "Jane Doe", "Staff Engineer"),
        ("Prince, Musician and Producer", "Prince", "Musician and Producer"),
        ("Cher, sam", "Cher", "sam"),
    ],
)
def test_last_first_only_when_unambiguous(text, name, title):
    fields = capture.parse_line(text)
    assert (fields.name, fields.title) == (name, title)


def test_type_and_day_met_are_saved(db, frozen):
    new_id, data = capture.capture_line("Ana Silva =rec ^last friday (415) 555-0101 @Acme")
    card = contacts.get_card(new_id)
    assert card.contact_type == "recruiter"
    assert card.met_on == pendulum.date(2026, 2, 27)
    assert [m.value for m in card.phones] == ["(415) 555-0101"]
    assert capture.parse_line("Ana =friend").contact_type == "friend"
    assert capture.build_input(capture.parse_line("Ana =friend")).contact_type == "friend/family"


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("#tag only", "name", "Start with the person's name"),
        ("@Acme #x", "name", "Start with the person's name"),
        ("Jane =boss", "type", "not a contact type"),
        ("Jane =f", "type", "not a contact type"),  # friend/family or faculty
        ("Jane =mentor =peer", "type", "given twice"),
        ("Jane =", "type", "needs a word"),
        ("Jane +12", "phone", "does not look like a phone number"),
        ("Jane ^tomorrow", "met_on", "in the future"),
        ("Jane ^someday", "met_on", "not a date"),
        ("Jane ^", "met_on", "needs something"),
        ("Jane >3/4", "follow_up", "could be"),
    ],
)
def test_bad_parts_are_named(db, text, field, words, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    with pytest.raises(ValidationError) as info:
        capture.build_input(capture.parse_line(text))
    assert words in info.value.errors[field]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#only @markers", "Start with the person's name"),
        ("Jane +1", "does not look like a phone number"),
        ("Jane ^not a day", "not a date"),
        ("x" * 5000, "too long"),
        ("Jane\x1b[2J", "control characters"),
    ],
)
def test_bad_lines_save_nothing(db_path, capsys, text, message):
    assert main(["capture", "--db", str(db_path), text]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    from netkeep.store.database import open_database

    with open_database(db_path):
        assert Contact.select().count() == 0


def test_db_after_the_subcommand(db_path, capsys):
    assert main(["capture", "--db", str(db_path), "Jane Doe =mentor"]) == 0
    assert capsys.readouterr().out.startswith("Saved Jane Doe")
    assert main(["find", "--db", str(db_path), "jane"]) == 0
    assert "Jane Doe" in capsys.readouterr().out
