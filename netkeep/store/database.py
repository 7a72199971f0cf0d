"""Opening a netkeep database: pragmas, file mode, backups and migrations."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from peewee import SqliteDatabase

from netkeep.store import backup, migrations
from netkeep.store.failures import (
    READ_ONLY_FILE,
    READ_ONLY_FOLDER,
    StorageError,
    cause_of,
    folder_is_read_only,
    is_read_only,
)
from netkeep.store.models import database

#: Set on every connection (each thread has its own). The journal mode (WAL) is the file's
#: own, set once it is known to be a netkeep database this version may write.
PRAGMAS = {
    "busy_timeout": 5000,
    "foreign_keys": 1,
    # FULL: a commit is on the disk when it returns, even if the machine loses power then
    # (NORMAL may lose the last commits; tests/bench/bench_sync.py measures the cost).
    "synchronous": "full",
    "cache_size": -16000,
}

#: The open database's file (the models' database may be opened through a ``file:`` URI).
_opened: dict[str, object] = {"path": None, "read_only": False}


class DatabaseError(StorageError):
    """The database could not be opened or brought up to date."""


def open_database(
    path: str | os.PathLike[str], *, migrate: bool = True, create: bool = True, write: bool = True
) -> SqliteDatabase:
    """Open the database at ``path`` and bind the models to it.

    ``create``: a missing file is created, private to the user (mode 0600); otherwise a
    missing file is refused ("no netkeep database at PATH"). An existing file keeps its
    mode: one its owner made read-only is opened read-only, unless ``write`` says the
    caller will write (then it is refused). When an existing database is older than this
    version of netkeep, a verified backup is made (in ``backups/`` beside it) before it is migrated.
    """
    path = Path(path).expanduser()
    created = _prepare(path, create=create)
    read_only = not created and is_read_only(path)
    if read_only and write:
        cause = READ_ONLY_FOLDER if folder_is_read_only(path) else READ_ONLY_FILE
        raise DatabaseError(f"cannot open {path}: {cause} (netkeep needs to write to it)", cause)
    if read_only:
        from urllib.parse import quote

        db = SqliteDatabase(f"file:{quote(str(path.resolve()))}?mode=ro", pragmas=PRAGMAS, uri=True)
    else:
        db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.initialize(db)
    _opened.update(path=path, read_only=read_only)
    try:
        db.connect(reuse_if_open=True)
        check_database(db, path)  # before anything is written to the file
        if not read_only:
            db.execute_sql("PRAGMA journal_mode = wal")
        if migrate:
            migrate_database(db, path, read_only=read_only)
    except DatabaseError:
        db.close()
        raise
    except Exception as error:
        db.close()
        found = cause_of(error, path)
        if found is None:
            raise
        raise DatabaseError(f"cannot open {path}: {found}", found) from None
    return db


def _prepare(path: Path, *, create: bool) -> bool:
    """Check what is at ``path``, creating the file when allowed; True if it was created here."""
    if path.is_dir():
        raise DatabaseError(f"cannot open {path}: it is a folder, not a database file")
    if path.exists():
        return False
    if not create:
        raise DatabaseError(f"no netkeep database at {path}", "no netkeep database there")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:  # another netkeep created it meanwhile
        return False
    except OSError as error:
        cause = cause_of(error, path) or error.strerror or str(error)
        raise DatabaseError(f"cannot create {path}: {cause}", cause) from None
    return True


def opened_path() -> Path | None:
    """The file of the open database (None before one is opened)."""
    return _opened["path"] if database.obj is not None else None  # type: ignore[return-value]


def is_read_only_open() -> bool:
    """True when the open database was opened read-only (its file is read-only)."""
    return bool(_opened["read_only"]) and database.obj is not None


def live_files() -> tuple[Path, ...]:
    """The open database file and the journal files SQLite keeps beside it."""
    path = opened_path()
    if path is None or str(path) == ":memory:":
        return ()
    path = path.resolve()
    return tuple(path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def data_version(db: SqliteDatabase) -> int:
    """A number that changes whenever another connection commits (for live refresh)."""
    return db.execute_sql("PRAGMA data_version").fetchone()[0]


def migrate_database(
    db: SqliteDatabase, path: Path | None = None, target: int | None = None, *, read_only: bool = False
) -> int:
    """Run every step from the database's version up to ``target``; return the version.

    Each step is one transaction begun IMMEDIATE that checks the version again inside it,
    so two netkeeps opening one old (or new) file at once migrate it once.
    """
    target = migrations.LATEST if target is None else target
    current = check_database(db, path)
    if current >= target:
        return current
    if read_only:
        raise DatabaseError(
            f"cannot open {path}: it was written by an older netkeep and must be updated, "
            f"but {READ_ONLY_FILE}",
            READ_ONLY_FILE,
        )
    if current > 0 and path is not None:
        _back_up_first(path, current)
    for step in range(current + 1, target + 1):
        with db.atomic("IMMEDIATE"):
            if schema_version(db) >= step:  # another process ran it meanwhile
                continue
            for statement in migrations.statements(step, db):
                db.execute_sql(statement)
            db.execute_sql(f"PRAGMA user_version = {step}")
    return target


def check_database(db: SqliteDatabase, path: Path | None) -> int:
    """The schema version of a database this netkeep can use; refuses a newer netkeep's and
    another program's (which has tables but no version)."""
    current = schema_version(db)
    if current > migrations.LATEST:
        raise DatabaseError(
            f"this database was written by a newer netkeep (schema {current}); please upgrade"
        )
    if current == 0 and _has_tables(db):
        raise DatabaseError(f"{path or 'this file'} is a database of another program, not netkeep's")
    return current


def _has_tables(db: SqliteDatabase) -> bool:
    return db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _back_up_first(path: Path, version: int) -> Path:
    """The backup made before a migration, verified like every other (reopened,
    ``PRAGMA integrity_check``, the same row counts, mode 0600) and listed with them; no
    step runs without it."""
    destination = backup.new_file(path, "before-migration", datetime.now(UTC))
    try:
        backup.copy(path, destination)
    except backup.BackupError as error:
        raise DatabaseError(
            f"cannot update {path} from schema {version}: {error}; nothing was changed", str(error)
        ) from None
    return destination
