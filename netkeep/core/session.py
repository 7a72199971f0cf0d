"""The one seam between the layers above the store and the database.

Every write transaction goes through :func:`writing` (the place where locking and, later,
the change journal hang); reads that must agree with each other use :func:`snapshot`; any
thread that is not the one that opened the database wraps its work in :func:`connected`.
A storage failure inside any of them (locked, read-only, full disk, damaged file) comes
out as a :class:`StorageError` naming its first cause in plain words.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from netkeep.store import failures
from netkeep.store.database import (
    DatabaseError,
    data_version,
    is_read_only_open,
    live_files,
    open_database,
    opened_path,
)
from netkeep.store.failures import StorageError
from netkeep.store.models import database

__all__ = [
    "DatabaseError",
    "StorageError",
    "changes_seen",
    "connected",
    "database_files",
    "open_at",
    "read_only",
    "snapshot",
    "storage_error",
    "writing",
]


def open_at(path: str | os.PathLike[str], *, create: bool = True, write: bool = True) -> SqliteDatabase:
    """Open (migrating) the database at ``path`` for this process.

    ``create``: make a new database when there is none (the app, capture, log, import,
    demo); the commands that only read refuse a missing file instead. ``write=False``: a
    read-only file is opened read-only rather than refused.
    """
    return open_database(path, create=create, write=write)


def read_only() -> bool:
    """True when the open database could only be opened read-only."""
    return is_read_only_open()


def database_files() -> tuple[Path, ...]:
    """The open database's file and the journal files SQLite keeps beside it (none in memory)."""
    return live_files()


def storage_error(error: BaseException) -> StorageError | None:
    """``error`` as a storage failure of the open database, or None when it is none."""
    return failures.storage_error(error, opened_path())


def changes_seen() -> int:
    """A number that changes whenever another connection commits (for live refresh)."""
    with failures.translated(opened_path()):
        return data_version(database.obj)


@contextmanager
def connected() -> Iterator[None]:
    """This thread's connection for the block: opened and closed here when it had none."""
    with failures.translated(opened_path()):
        if database.is_closed():
            with database.connection_context():
                yield
        else:
            yield


@contextmanager
def writing() -> Iterator[None]:
    """One write transaction (a savepoint when nested), committed when the block ends.

    It begins IMMEDIATE: the write lock is taken up front, so a writer in another process
    makes this one wait (up to the busy timeout) instead of failing with "database is
    locked" when a read inside the transaction is upgraded to a write.
    """
    with connected(), database.atomic("IMMEDIATE"):
        yield


@contextmanager
def snapshot() -> Iterator[None]:
    """One read transaction: every query in the block sees the same committed state."""
    with connected(), database.atomic():
        yield
