"""Text already in the database (from before the rule, a restored backup, another program)
never drives the terminal: the commands show its control characters as symbols."""

from __future__ import annotations

import json

import pendulum

from helpers.people import person
from netkeep.cli import main
from netkeep.core import session
from netkeep.store.models import Contact

ESCAPES = "\x1b]0;pwned\x07Eve\x1b[2J\x9b"
SHOWN = "␛]0;pwned␇Eve␛[2J\ufffd"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored_with_escapes(**fields) -> int:
    """A contact whose name holds escape codes, written past the rule as old data would be."""
    contact_id = person("Eve Placeholder", **fields)
    with session.writing():
        Contact.update(full_name=ESCAPES, search_text="eve").where(Contact.id == contact_id).execute()
    return contact_id


def test_find_shows_escape_codes_as_symbols(capsys, db):
    stored_with_escapes(company="Acme")
    code, out, _ = run(capsys, "find", "eve")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert out.startswith(SHOWN)
    code, out, _ = run(capsys, "find", "eve", "--json")
    assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(out)[0]["name"] == ESCAPES  # for scripts: escaped, and exactly what is stored


def test_due_and_log_show_escape_codes_as_symbols(capsys, db, frozen):
    eve = stored_with_escapes(next_follow_up=pendulum.date(2026, 2, 20))
    code, out, _ = run(capsys, "due")
    assert code == 0 and SHOWN in out and "\x1b" not in out
    code, out, _ = run(capsys, "due", "--json")
    assert "\x1b" not in out and json.loads(out)["sections"]["overdue"][0]["contact"] == ESCAPES
    code, out, _ = run(capsys, "log", f"#{eve}", "we met")
    assert code == 0 and SHOWN in out and "\x1b" not in out


def test_history_shows_escape_codes_as_symbols(capsys, db):
    from netkeep.core import contacts

    contacts.set_archived(stored_with_escapes())
    code, out, _ = run(capsys, "history")
    assert code == 0 and f"Archived {SHOWN}" in out and "\x1b" not in out
    code, out, _ = run(capsys, "history", "--json")
    assert "\x1b" not in out and json.loads(out)[0]["summary"] == f"Archived {ESCAPES}"
