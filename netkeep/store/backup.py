"""Database files copied whole with SQLite's online backup API, checked, and swapped back in.

Each function opens its own connections to the files, so it can run in a worker thread
while the app goes on using the database (SQLite copies a consistent state).
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from netkeep.store import failures, migrations
from netkeep.store.failures import cause_of

#: A backup's file name: when it was made (UTC) and why ("daily", "before-import", …), with a
#: serial number when two were made in one second.
NAME = re.compile(r"^netkeep-(\d{8}-\d{6})-([a-z-]+?)(?:-\d+)?\.db$")


class BackupError(Exception):
    """A backup could not be made, or a file is not a sound netkeep database."""


def folder(live: Path) -> Path:
    """Where the backups of the database at ``live`` go."""
    return live.parent / "backups"


def new_file(live: Path, reason: str, at: datetime) -> Path:
    """A name no file has yet for a backup of ``live`` made at ``at`` (UTC) for ``reason``,
    in its backups folder (made private when missing)."""
    directory = folder(live)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path, serial = directory / f"netkeep-{at:%Y%m%d-%H%M%S}-{reason}.db", 1
    while path.exists():
        serial += 1
        path = directory / f"netkeep-{at:%Y%m%d-%H%M%S}-{reason}-{serial}.db"
    return path


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        connection = sqlite3.connect(path)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows in every table (the journal's too), by name."""
    names = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for (name,) in names}


def copy(source: Path, destination: Path) -> dict[str, int]:
    """Copy the database at ``source`` to the new file ``destination`` (mode 0600), then
    reopen the copy and check it (``PRAGMA integrity_check``, the same row counts as the
    source had). Returns the row counts; a copy that fails its check is removed."""
    if destination.exists():
        raise BackupError(f"{destination} is already there")
    os.close(os.open(destination, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    try:
        source_db = _connect(source)
        try:
            source_db.execute("BEGIN")  # one read snapshot for the counts and the copy
            counts = row_counts(source_db)
            target = sqlite3.connect(destination)
            try:
                source_db.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                target.close()
            source_db.execute("COMMIT")
        finally:
            source_db.close()
        try:
            found = check(destination)[1]
        except BackupError:  # the copy holds the live file's own pages: the damage is the live file's
            raise BackupError(f"{failures.DAMAGED}; no backup was made") from None
        if found != counts:
            raise BackupError(f"the copy in {destination.name} does not hold the same rows")
    except (sqlite3.Error, OSError, BackupError) as error:
        destination.unlink(missing_ok=True)
        if isinstance(error, BackupError):
            raise
        raise BackupError(f"could not back up to {destination}: {cause_of(error, source) or error}") from None
    return counts


def check(path: Path) -> tuple[int, dict[str, int]]:
    """The schema version and row counts of a sound netkeep database file, or BackupError."""
    if not path.is_file():
        raise BackupError(f"{path} is not there")
    try:
        connection = _connect(path, read_only=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"{path.name} is damaged ({result})")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            counts = row_counts(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} is not a netkeep database ({error})") from None
    if "contact" not in counts or not 0 < version <= migrations.LATEST:
        raise BackupError(f"{path.name} is not a netkeep database this version can read")
    return version, counts


def put_back(backup: Path, live: Path) -> None:
    """Replace the contents of the database at ``live`` with those of ``backup`` (checked
    first), in place, so connections to ``live`` see the restored data."""
    check(backup)
    source = _connect(backup, read_only=True)
    try:
        target = _connect(live)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BackupError(f"could not restore {backup.name}: {error}") from None
    finally:
        source.close()
