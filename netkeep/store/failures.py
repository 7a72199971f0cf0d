"""Storage failures in plain words: what went wrong with the database file, in one line.

SQLite says "unable to open database file" for a read-only folder and "cannot rollback"
when a full disk has already ended the transaction. :func:`cause_of` finds the first
cause in an exception's chain (peewee wraps sqlite3's errors; a failed rollback hides the
error that made it) and names it the way a person would, looking at the file and its
folder where SQLite's code alone is ambiguous.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCKED = "another program holds the database (locked); try again in a moment"
READ_ONLY_FILE = "the database file is read-only"
READ_ONLY_FOLDER = "the folder holding the database is read-only"
FULL = "the disk is full"
DAMAGED_FILE = "the database file is damaged"
DAMAGED = f"{DAMAGED_FILE} (run netkeep doctor)"
NOT_A_DATABASE = "the file is not a database"
NO_FOLDER = "the folder for the database does not exist"
CANNOT_OPEN = "the database file cannot be opened"
DENIED = "permission denied"
IO_ERROR = "the disk could not be read or written (I/O error)"
NO_MEMORY = "out of memory"


class StorageError(Exception):
    """Reading or writing the database failed; the message names the cause in plain words."""

    def __init__(self, message: str, cause: str = "") -> None:
        super().__init__(message)
        self.cause = cause or message


def is_read_only(path: Path) -> bool:
    """True for a file its owner made read-only (mode bits, even for root) or one we may not write."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def folder_is_read_only(path: Path) -> bool:
    folder = path.parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


def disk_is_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False


def _read_only(path: Path | None) -> str:
    if path is not None and folder_is_read_only(path):
        return READ_ONLY_FOLDER
    return READ_ONLY_FILE


def _cannot_open(path: Path | None) -> str:
    if path is None:
        return CANNOT_OPEN
    if not path.parent.is_dir():
        return NO_FOLDER
    if folder_is_read_only(path):
        return READ_ONLY_FOLDER
    if path.exists() and not os.access(path, os.R_OK):
        return DENIED
    return CANNOT_OPEN


def _sqlite_cause(error: sqlite3.Error, path: Path | None) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).casefold()
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return LOCKED
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return READ_ONLY_FOLDER if code == sqlite3.SQLITE_READONLY_DIRECTORY else _read_only(path)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return FULL
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return DAMAGED
    if primary == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return NOT_A_DATABASE
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return _cannot_open(path)
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return FULL if path is not None and disk_is_full(path) else IO_ERROR
    if primary == sqlite3.SQLITE_PERM:
        return DENIED
    if primary == sqlite3.SQLITE_NOMEM:
        return NO_MEMORY
    return None


def _os_cause(error: OSError, path: Path | None) -> str | None:
    if error.errno == errno.ENOSPC:
        return FULL
    if error.errno == errno.EROFS:
        return READ_ONLY_FOLDER
    if error.errno in (errno.EACCES, errno.EPERM):
        return _read_only(path) if path is not None and is_read_only(path) else DENIED
    return None


def _chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what led to it: what it wraps (peewee keeps sqlite3's error in its args),
    its cause and its context, newest first."""
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [arg for arg in current.args if isinstance(arg, BaseException)]
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]


def cause_of(error: BaseException, path: Path | None = None) -> str | None:
    """The first storage failure in ``error``'s chain, in plain words; None when it is no
    storage failure (a bug, a refused value). ``path`` is the database file, to tell a
    read-only file from a read-only folder."""
    if isinstance(error, StorageError):
        return error.cause
    first = None
    for link in _chain(error):
        if isinstance(link, StorageError):
            first = link.cause
        elif isinstance(link, sqlite3.Error):
            first = _sqlite_cause(link, path) or first
        elif isinstance(link, OSError):
            first = _os_cause(link, path) or first
    return first


def storage_error(error: BaseException, path: Path | None = None) -> StorageError | None:
    """``error`` as a :class:`StorageError` naming its first cause, or None if it is none."""
    if isinstance(error, StorageError):
        return error
    cause = cause_of(error, path)
    if cause is None:
        return None
    return StorageError(f"{path}: {cause}" if path is not None else cause, cause)


def _is_storage_kind(error: BaseException) -> bool:
    """sqlite3's errors, the OS's, and peewee's wrappers of sqlite3's (peewee is not imported
    here: ``netkeep find`` reads without it)."""
    return isinstance(error, (sqlite3.Error, OSError)) or type(error).__module__ == "peewee"


@contextmanager
def translated(path: Path | None) -> Iterator[None]:
    """Raise a storage failure in the block as a :class:`StorageError`; anything else as it is."""
    try:
        yield
    except StorageError:
        raise
    except Exception as error:
        failure = storage_error(error, path) if _is_storage_kind(error) else None
        if failure is None:
            raise
        raise failure from error
