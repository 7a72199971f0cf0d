"""Looking at a database file without changing it: integrity, schema version, size.

Everything here opens its own read-only connection (``mode=ro``) or uses the one it is
given, so it works on a damaged file, on a read-only one, and beside the app.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from netkeep.store import migrations
from netkeep.store.failures import DAMAGED, DAMAGED_FILE, cause_of

#: Problems an integrity check lists at most (the first ones say enough).
PROBLEMS_SHOWN = 10


@dataclass(frozen=True)
class Examination:
    """What a look at one database file found."""

    path: Path
    #: The file and its write-ahead log, in bytes.
    size: int
    wal_size: int
    #: None when the file could not be read at all (``error`` says why).
    schema: int | None = None
    contacts: int | None = None
    #: The integrity check's findings; empty when it found the file sound.
    problems: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def sound(self) -> bool:
        return not self.error and not self.problems

    @property
    def latest_schema(self) -> int:
        return migrations.LATEST


def integrity_problems(connection: sqlite3.Connection, *, quick: bool) -> list[str]:
    """What SQLite's check finds wrong (``quick_check``: the pages and rows, O(size);
    ``integrity_check``: the indexes against the rows too); empty when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    found = [row[0] for row in connection.execute(f"PRAGMA {pragma}({PROBLEMS_SHOWN})")]
    if found == ["ok"]:
        return []
    lines = [line.strip() for row in found for line in row.splitlines()]  # a row may hold several
    return [line for line in lines if line and line != "*** in database main ***"]


def _why(error: sqlite3.Error, path: Path) -> str:
    """The cause in plain words (not "run netkeep doctor": this is what the doctor says)."""
    cause = cause_of(error, path) or str(error)
    return DAMAGED_FILE if cause == DAMAGED else cause


def examine(path: Path, *, quick: bool = False) -> Examination:
    """Look at the database file at ``path`` (which must exist): read-only, changing nothing."""
    wal = path.with_name(path.name + "-wal")
    size, wal_size = path.stat().st_size, wal.stat().st_size if wal.exists() else 0
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return Examination(path, size, wal_size, error=_why(error, path))
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        schema = connection.execute("PRAGMA user_version").fetchone()[0]
        try:
            problems = integrity_problems(connection, quick=quick)
        except sqlite3.DatabaseError:
            if quick:
                raise
            # The full check can stop at a broken index page; the quick one lists such pages.
            problems = integrity_problems(connection, quick=True) or ["the integrity check could not finish"]
        contacts = None
        if schema and not problems:
            contacts = connection.execute("SELECT count(*) FROM contact").fetchone()[0]
        return Examination(path, size, wal_size, schema=schema, contacts=contacts, problems=problems)
    except sqlite3.Error as error:
        return Examination(path, size, wal_size, error=_why(error, path))
    finally:
        connection.close()
