"""Hostile input through every importer, from the command line: a file with one hostile value
in one field (and a neighbour row with plain accented text). Never a traceback; the value is
kept (after the importer's documented tidying: control characters out, white space runs as
one space in one-line fields) or the import is refused with a last line saying why; the
neighbour comes through exactly."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from trust import importfiles
from trust.corpus import CORPUS, SURROGATE
from trust.hostile import cells, judge
from trust.oracle import FIELD_MAX, NAME_MAX, REFUSED, block, one_line, verdict
from trust.procs import run_main
from trust.scale import SCALE

TEXT_MAX = 100_000


@pytest.fixture(scope="module")
def backup_template(tmp_path_factory):
    return importfiles.backup_template(tmp_path_factory.mktemp("template") / "netkeep.db")


def _query(db, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql).fetchall()


def _stored(db, fmt: str) -> str | None:
    """What the database holds of the hostile value (None: Trust Import is not there). A value
    too long for its field is kept whole on a line of the notes (docs/import-export.md)."""
    if fmt == "vcard":
        rows = _query(
            db, f"SELECT full_name, notes FROM contact WHERE full_name != '{importfiles.NEIGHBOUR}'"
        )
        field = "Name"
    elif fmt == "linkedin":
        rows = _query(
            db,
            "SELECT coalesce(co.name, ''), c.notes FROM contact c "
            "LEFT JOIN company co ON c.company_id = co.id WHERE c.full_name = 'Trust Import'",
        )
        field = "Company"
    else:
        rows = _query(db, "SELECT notes, '' FROM contact WHERE full_name = 'Trust Import'")
        field = ""
    if not rows:
        return None
    value, notes = rows[0]
    kept = f"{field}, kept as typed: "
    whole = [line[len(kept) :] for line in notes.split("\n") if field and line.startswith(kept)]
    return whole[0] if whole else value


#: format -> (what the importer keeps of a value, one line?, the field's limit)
FIELDS = {
    "linkedin": (one_line, False, FIELD_MAX),
    "google": (block, True, TEXT_MAX),
    "vcard": (lambda text: one_line(text.replace("\r", "")), False, NAME_MAX),
    "backup": (str, True, TEXT_MAX),
}


@pytest.mark.parametrize(("fmt", "name"), cells(FIELDS, SCALE.full_corpus))
def test_a_hostile_value_in_an_import_file_is_kept_or_refused(fmt, name, tmp_path, backup_template):
    value = CORPUS[name]
    path = tmp_path / f"import.{fmt}"
    write = {"linkedin": importfiles.linkedin, "google": importfiles.google, "vcard": importfiles.vcard}
    path.write_bytes(importfiles.backup(backup_template, value) if fmt == "backup" else write[fmt](value))
    db = tmp_path / "netkeep.db"
    result = run_main(["--db", str(db), "import", fmt, str(path)])
    expected, multiline, limit = FIELDS[fmt]
    typed = importfiles.as_decoded(value)  # bytes that are not UTF-8 become U+FFFD
    stored = _stored(db, fmt) if db.exists() else None
    said = verdict(stored, typed, expected, multiline=multiline, limit=limit, exact_copy=fmt == "backup")
    problems = judge(result, None if said == REFUSED else said)
    if said == REFUSED and not _refused_in_words(result):
        problems.append("refused, but without a last line saying why (and exit status 1)")
    if stored is not None:
        neighbour = _query(db, f"SELECT count(*) FROM contact WHERE full_name = '{importfiles.NEIGHBOUR}'")
        if neighbour[0][0] != 1:
            problems.append(f"the neighbour row was mangled: {_query(db, 'SELECT full_name FROM contact')}")
    assert not problems, f"{problems}\n{result}"
    assert not SURROGATE.search(stored or "")


def _refused_in_words(result) -> bool:
    lines = result.err_lines
    return result.code == 1 and not result.traceback and bool(lines) and lines[-1].startswith("netkeep: ")
