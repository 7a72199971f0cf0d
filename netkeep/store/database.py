"""Opening a netkeep database: pragmas, file mode, backups and migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from netkeep.store import migrations
from netkeep.store.models import database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -16000,
}


class DatabaseError(Exception):
    """The database could not be opened or brought up to date."""


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database at ``path`` and bind the models to it.

    The file is private to the user (mode 0600). When an existing database is older
    than this version of netkeep, a copy is kept beside it before it is migrated.
    """
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        else:
            os.chmod(path, 0o600)
    except OSError as error:
        raise DatabaseError(f"cannot open {path}: {error.strerror}") from None
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if migrate:
            migrate_database(db, path)
    except (PeeweeDatabaseError, sqlite3.DatabaseError, OSError) as error:
        db.close()
        raise DatabaseError(f"cannot open {path}: {error}") from None
    return db


def live_files() -> tuple[Path, ...]:
    """The open database file and the journal files SQLite keeps beside it."""
    if database.obj is None or database.obj.database == ":memory:":
        return ()
    path = Path(database.obj.database).expanduser().resolve()
    return tuple(path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def data_version(db: SqliteDatabase) -> int:
    """A number that changes whenever another connection commits (for live refresh)."""
    return db.execute_sql("PRAGMA data_version").fetchone()[0]


def migrate_database(db: SqliteDatabase, path: Path | None = None, target: int | None = None) -> int:
    """Run every step from the database's version up to ``target``; return the version."""
    target = migrations.LATEST if target is None else target
    current = schema_version(db)
    if current > migrations.LATEST:
        raise DatabaseError(
            f"this database was written by a newer netkeep (schema {current}); please upgrade"
        )
    if current >= target:
        return current
    if current > 0 and path is not None:
        backup_database(db, path.with_name(f"{path.name}.v{current}-{int(time.time())}.bak"))
    for step in range(current + 1, target + 1):
        with db.atomic():
            for statement in migrations.statements(step, db):
                db.execute_sql(statement)
            db.execute_sql(f"PRAGMA user_version = {step}")
    return target


def backup_database(db: SqliteDatabase, destination: Path) -> Path:
    """Copy the live database to ``destination`` with SQLite's online backup."""
    target = sqlite3.connect(destination)
    try:
        db.connection().backup(target)
    finally:
        target.close()
    os.chmod(destination, 0o600)
    return destination
