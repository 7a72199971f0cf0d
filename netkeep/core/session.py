"""The one seam between the layers above the store and the database.

Every write transaction goes through :func:`writing` (the place where locking and the change
journal hang: each outermost write is one :class:`Change`, recorded with what it did so it
can be undone, see ``core.history``); reads that must agree with each other use :func:`snapshot`; any
thread that is not the one that opened the database wraps its work in :func:`connected`.
A storage failure inside any of them (locked, read-only, full disk, damaged file) comes
out as a :class:`StorageError` naming its first cause in plain words.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from netkeep.store import failures, journal
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
    "Change",
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


class Change:
    """The change a :func:`writing` block makes, as the journal will list it."""

    def __init__(self, summary: str, kind: str, contacts: Iterable[int]) -> None:
        self.summary, self.kind = summary, kind
        self.undoes: int | None = None  # for an undo, the change it undoes
        self.contacts: list[int] = list(dict.fromkeys(contacts))
        self.id: int | None = None  # None when the block is not journalled
        self.kept = False  # whether it wrote anything (known when the block ends)
        self._dirty = False  # described after it began

    def describe(self, summary: str = "", *, kind: str = "", contacts: Iterable[int] | None = None) -> None:
        """Say (or say better) what this change is, e.g. once the block knows how many it added."""
        self.summary, self.kind = summary or self.summary, kind or self.kind
        if contacts is not None:
            self.contacts = list(dict.fromkeys(contacts))
        self._dirty = True

    def default(self, summary: str) -> None:
        """Say what the change is, unless a block around this one already did (a merge
        that edits the contact it keeps stays "Merged …")."""
        if not self.summary:
            self.describe(summary)

    def concern(self, contact_ids: Iterable[int]) -> None:
        """Add contacts to those the change is listed with."""
        fresh = [cid for cid in contact_ids if cid not in self.contacts]
        if fresh:
            self.contacts += fresh
            self._dirty = True


#: Contacts listed for a change that did not name its own (the contacts it wrote).
LISTED_CONTACTS = 50

#: How old the newest change may be for a ``coalesce`` write to join it.
COALESCE_MINUTES = 10

_open = threading.local()


@contextmanager
def writing(
    summary: str = "",
    *,
    kind: str = "edit",
    contacts: Iterable[int] = (),
    journal_it: bool = True,
    coalesce: bool = False,
) -> Iterator[Change]:
    """One write transaction (a savepoint when nested), committed when the block ends.

    It begins IMMEDIATE: the write lock is taken up front, so a writer in another process
    makes this one wait (up to the busy timeout) instead of failing with "database is
    locked" when a read inside the transaction is upgraded to a write.

    The outermost block is one change in the journal, in the same transaction, described by
    ``summary`` ("Archived Ana Silva"), ``kind`` and the ``contacts`` it concerns; a nested
    block joins it (its description fills in only what the outer one left blank). A change
    that wrote nothing leaves no trace. ``coalesce=True`` joins the newest change when it
    has the same kind and summary and is a few minutes old at most (autosaves while typing
    are one change); ``journal_it=False`` writes without a record (the demo network, which
    no one undoes, and upkeep such as follow-ups recomputed from the settings).
    """
    outer: Change | None = getattr(_open, "change", None)
    if outer is not None:
        if summary and not outer.summary:
            outer.describe(summary, kind=kind)
        outer.concern(contacts)
        with database.atomic():
            yield outer
        return
    change = Change(summary, kind, contacts)
    with connected(), database.atomic("IMMEDIATE"):
        _open.change = change
        try:
            if journal_it:
                joins = _stamp(COALESCE_MINUTES) if coalesce else None
                change.id = journal.begin(_stamp(), kind, summary, change.contacts, joins_since=joins)
            yield change
            if change.id is not None:
                _finish(change)
        finally:
            _open.change = None


def _finish(change: Change) -> None:
    assert change.id is not None
    change.kept = journal.finish(change.id)
    if change.kept and (change._dirty or not change.contacts):
        contacts = change.contacts or journal.touched_contacts(change.id, LISTED_CONTACTS)
        journal.describe(change.id, change.kind, change.summary or "A change", contacts, change.undoes)


def _stamp(minutes_ago: int = 0) -> str:
    import pendulum

    return pendulum.now("UTC").subtract(minutes=minutes_ago).format("YYYY-MM-DD HH:mm:ss")


@contextmanager
def snapshot() -> Iterator[None]:
    """One read transaction: every query in the block sees the same committed state."""
    with connected(), database.atomic():
        yield
