"""The one seam between the layers above the store and the database.

Every write transaction goes through :func:`writing` (the place where locking and, later,
the change journal hang); reads that must agree with each other use :func:`snapshot`; any
thread that is not the one that opened the database wraps its work in :func:`connected`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from netkeep.store.database import DatabaseError, data_version, live_files, open_database
from netkeep.store.models import database

__all__ = [
    "DatabaseError",
    "changes_seen",
    "connected",
    "database_files",
    "open_at",
    "snapshot",
    "writing",
]


def open_at(path: str | os.PathLike[str]) -> SqliteDatabase:
    """Open (creating or migrating) the database at ``path`` for this process."""
    return open_database(path)


def database_files() -> tuple[Path, ...]:
    """The open database's file and the journal files SQLite keeps beside it (none in memory)."""
    return live_files()


def changes_seen() -> int:
    """A number that changes whenever another connection commits (for live refresh)."""
    return data_version(database.obj)


@contextmanager
def connected() -> Iterator[None]:
    """This thread's connection for the block: opened and closed here when it had none."""
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
