"""Hostile input through every argument of the command line: capture, log, find.

Each string of the corpus goes through each argument (in this process, through
``netkeep.cli.main``: the command's own code). Never a traceback; a value is stored as
typed (after the field's tidying) or without its control characters, or refused with one
line; nothing the command prints sends a control character to the terminal. A few strings
that are not UTF-8 go through a real ``netkeep`` process as bytes.
"""

from __future__ import annotations

import json

import pytest

from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from trust.corpus import CORPUS, SURROGATE, has_controls
from trust.hostile import cells, judge, last_id, new_rows
from trust.oracle import REFUSED, verdict
from trust.procs import run_main, run_netkeep
from trust.scale import SCALE


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """A database per surface (what one surface saves never meets another's strings), each
    with one contact to log against: surface -> (path, "#id")."""
    made: dict[str, tuple] = {}

    def database_for(surface: str):
        if surface not in made:
            db = tmp_path_factory.mktemp(surface) / "netkeep.db"
            database = open_database(db)
            contact_id = contacts.create_contact(ContactInput(full_name="Trusty Target"))
            database.close()
            made[surface] = db, f"#{contact_id}"
        return made[surface]

    return database_for


def capture_note(db, contact, text):
    before = last_id(db, "contact")
    result = run_main(["--db", str(db), "capture", f"Trust Note -- {text}"])
    stored = new_rows(db, "contact", "notes", before)
    return result, verdict(stored[0] if stored else None, text, str.strip, multiline=True)


def capture_line(db, contact, text):
    """The whole one-line capture is the string: whatever it parses to, saved or refused."""
    before = last_id(db, "contact")
    result = run_main(["--db", str(db), "capture", text])
    stored = new_rows(db, "contact", "full_name || title || notes || how_met || met_at", before)
    if not stored:
        return result, REFUSED
    return result, verdict(stored[0], stored[0], str, multiline=True)  # no controls kept


def log_text(db, contact, text):
    before = last_id(db, "interaction")
    result = run_main(["--db", str(db), "log", contact, text])
    stored = new_rows(db, "interaction", "summary", before)
    return result, verdict(stored[0] if stored else None, text, str.strip, multiline=True)


def log_contact(db, contact, text):
    """A contact named by the string: nobody matches, said in one line."""
    before = last_id(db, "interaction")
    result = run_main(["--db", str(db), "log", text, "hello"])
    return result, REFUSED if not new_rows(db, "interaction", "id", before) else "logged for a stranger"


def log_when(db, contact, text):
    before = last_id(db, "interaction")
    result = run_main(["--db", str(db), "log", contact, "hello", "--when", text])
    return result, REFUSED if not new_rows(db, "interaction", "id", before) else "logged at a date it made up"


def log_kind(db, contact, text):
    before = last_id(db, "interaction")
    result = run_main(["--db", str(db), "log", contact, "hello", "--kind", text])
    return result, REFUSED if not new_rows(db, "interaction", "id", before) else "logged with a made-up kind"


def find(db, contact, text):
    """A search finds nobody, or is refused in one line (too many words)."""
    result = run_main(["--db", str(db), "find", text])
    return result, None if result.code == 0 else REFUSED


def find_json(db, contact, text):
    result = run_main(["--db", str(db), "find", "--json", text])
    if result.code != 0:
        return result, REFUSED
    try:
        json.loads(result.out)
    except ValueError:
        return result, "not JSON"
    return result, None


SURFACES = {
    "capture-note": capture_note,
    "capture-line": capture_line,
    "log-text": log_text,
    "log-contact": log_contact,
    "log-when": log_when,
    "log-kind": log_kind,
    "find": find,
    "find-json": find_json,
}


NOT_UTF8_SURFACES = ("capture-note", "capture-line", "log-text", "log-contact", "find", "find-json")


def known_defect(surface: str, name: str) -> str | None:
    """The cells that fail on main because of a defect being fixed on the trustfix branch."""
    text = CORPUS[name]
    if SURROGATE.search(text) and surface in NOT_UTF8_SURFACES:
        return "an argument that is not UTF-8 ends in a traceback"
    if surface == "log-text" and has_controls(text):
        return "netkeep log stores control characters"
    if surface in ("log-contact", "log-when", "log-kind") and (has_controls(text) or "\n" in text):
        return "an error message echoes control characters and line breaks as typed"
    return None


@pytest.mark.parametrize(("surface", "name"), cells(SURFACES, known_defect, SCALE.full_corpus))
def test_a_hostile_argument_is_kept_or_refused_in_one_line(databases, surface, name):
    # Each capture gets a database of its own: two captures of one name are duplicates.
    db, contact = databases(f"{surface}-{name}" if surface.startswith("capture") else surface)
    result, stored = SURFACES[surface](db, contact, CORPUS[name])
    problems = judge(result, stored)
    assert not problems, f"{problems}\n{result}"


NOT_UTF8 = b"NK \xff\xfe caf\xe9"
BYTE_ARGUMENTS = {
    "capture": lambda db: ["--db", db, "capture", NOT_UTF8],
    "log-contact": lambda db: ["--db", db, "log", NOT_UTF8, "hello"],
    "log-text": lambda db: ["--db", db, "log", "Trusty", NOT_UTF8],
    "find": lambda db: ["--db", db, "find", NOT_UTF8],
    "db-path": lambda db: ["--db", db.encode() + b"-\xff.db", "find", "x"],
}


@pytest.mark.parametrize(
    "surface",
    [
        pytest.param(
            surface,
            marks=[
                pytest.mark.xfail(
                    strict=True, reason="trustfix: an argument that is not UTF-8 ends in a traceback"
                )
            ]
            if surface != "db-path"
            else [],
        )
        for surface in (BYTE_ARGUMENTS if SCALE.full_corpus else ["capture", "log-text"])
    ],
)
def test_an_argument_that_is_not_utf8_is_one_line_in_a_real_process(databases, surface):
    db, _ = databases("bytes")
    result = run_netkeep(BYTE_ARGUMENTS[surface](str(db)))
    problems = judge(result, None)
    if result.code != 0 and not result.one_line_failure:
        problems.append("failed, but not with one line and exit status 1")
    assert not problems, f"{problems}\n{result}"
    assert not SURROGATE.search(result.out), "wrote text that is not UTF-8"
