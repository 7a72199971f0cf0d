"""Databases in trouble: not a database, cut short, a zeroed page, from a newer netkeep,
read-only, in a read-only folder, on a full disk, not there at all."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

from netkeep.core import bulk, contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from netkeep.store.migrations import LATEST

PAGE = 4096


def pristine(db: Path) -> Path:
    """A healthy netkeep database of 300 people (its tables span many pages), closed cleanly."""
    database = open_database(db)
    try:
        bulk.add_contacts(
            [
                ContactInput(full_name=f"Person {n:03} Example", company="Acme", notes="x" * 50)
                for n in range(300)
            ]
        )
        contacts.create_contact(ContactInput(full_name="Logan Target"))
    finally:
        database.close()
    return db


def fingerprint(path: Path) -> tuple[str, int] | None:
    """The file's bytes (a hash) and permission bits; None when there is no file."""
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mode & 0o777


def _root_page(db: Path, name: str) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]


def _zero_page(db: Path, page: int) -> None:
    with open(db, "r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(bytes(PAGE))


def make(case: str, source: Path, folder: Path) -> Path:
    """The database file of ``case`` in ``folder`` (made from the pristine ``source``)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "netkeep.db"
    if case == "missing":
        return folder / "mistyped" / "netkeep.db"
    if case == "not-a-database":
        db.write_text("These are my notes, not a database.\n" * 200, encoding="utf-8")
        return db
    shutil.copyfile(source, db)
    if case == "truncated":
        with open(db, "r+b") as file:
            file.truncate(db.stat().st_size // 2)
    elif case == "zeroed-table-page":
        _zero_page(db, _root_page(db, "contact"))
    elif case == "zeroed-index-page":
        _zero_page(db, _root_page(db, "contact_full_name"))
    elif case == "newer-schema":
        with closing(sqlite3.connect(db)) as connection:
            connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    elif case == "read-only-file":
        db.chmod(0o444)
    return db


@contextmanager
def small_disk(folder: Path, size: str = "1m"):
    """A tmpfs of ``size`` mounted at ``folder``, or None when this machine cannot mount one
    (not root, no mount): the caller then simulates a full disk."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system under ``folder`` to the last byte, but ``leave`` bytes."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        size = 1 << 20
        while size:
            try:
                os.write(fd, bytes(size))
            except OSError:
                size //= 2
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)


@contextmanager
def read_only_folder(folder: Path):
    """``folder`` made read-only for the block: a read-only remount of a tmpfs as root (root
    ignores permission bits), else the folder's permission bits. None: neither works here."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, timeout=30)
    if done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True, timeout=30)
