"""Storage failures named by their first cause, in plain words, from real SQLite errors."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest

from helpers.people import person
from helpers.storage import zero_index_page
from netkeep.core import session
from netkeep.store import failures
from netkeep.store.database import open_database
from netkeep.store.failures import StorageError, cause_of


def _error(run) -> BaseException:
    try:
        run()
    except BaseException as error:  # the error is what the test looks at
        return error
    raise AssertionError("it did not fail")


def test_a_full_disk_is_named(db):
    person("Ada Lovelace")
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "database or disk is full"

    def fill():
        with session.writing():
            for number in range(2000):
                person(f"Person {number} " + "x" * 150)

    error = _error(fill)
    assert isinstance(error, StorageError) and error.cause == failures.FULL
    assert str(error) == f"{db.database}: the disk is full"


def test_the_first_cause_is_named_when_the_rollback_after_it_fails(tmp_path):
    raw = sqlite3.connect(tmp_path / "full.db", isolation_level=None)
    raw.execute("CREATE TABLE t (x)")
    raw.execute(f"PRAGMA max_page_count = {raw.execute('PRAGMA page_count').fetchone()[0] + 1}")

    def import_then_roll_back():
        raw.execute("BEGIN IMMEDIATE")
        try:
            for _ in range(100):
                raw.execute("INSERT INTO t VALUES (?)", ("x" * 2000,))
        except sqlite3.OperationalError:
            raw.execute("ROLLBACK")  # SQLite already ended the transaction: "cannot rollback"

    error = _error(import_then_roll_back)
    assert "cannot rollback" in str(error)
    assert cause_of(error) == failures.FULL


def test_a_writer_holding_the_lock_is_named(db, db_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    db.execute_sql("PRAGMA busy_timeout = 50")
    try:
        error = _error(lambda: person("Ada Lovelace"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert isinstance(error, StorageError) and error.cause == failures.LOCKED


def test_a_damaged_page_is_named_with_the_way_to_look_closer(db, db_path):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path)
    open_database(db_path)
    error = _error(lambda: person("Person 7"))
    assert isinstance(error, StorageError)
    assert error.cause == "the database file is damaged (run netkeep doctor)"


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes, not a database\n" * 50)
    connection = sqlite3.connect(path)
    error = _error(lambda: connection.execute("PRAGMA user_version").fetchone())
    assert cause_of(error, path) == failures.NOT_A_DATABASE


def test_a_read_only_file_and_a_read_only_folder_are_told_apart(tmp_path, monkeypatch):
    path = tmp_path / "kept.db"
    open_database(path).close()
    os.chmod(path, 0o444)
    db = open_database(path, write=False)
    error = _error(lambda: db.connection().execute("INSERT INTO tag (name) VALUES ('x')"))
    db.close()
    assert cause_of(error, path) == failures.READ_ONLY_FILE
    # A folder nobody may write to (as a read-only disk is): SQLite cannot make its -shm file.
    monkeypatch.setattr(failures, "folder_is_read_only", lambda _path: True)
    cannot_open = sqlite3.OperationalError("unable to open database file")
    assert cause_of(cannot_open, tmp_path / "new.db") == failures.READ_ONLY_FOLDER
    assert cause_of(OSError(errno.EROFS, "Read-only file system"), path) == failures.READ_ONLY_FOLDER
    assert cause_of(OSError(errno.ENOSPC, "No space left on device"), path) == failures.FULL


def test_what_is_no_storage_failure_is_left_alone():
    assert cause_of(ValueError("a bug")) is None
    assert cause_of(sqlite3.IntegrityError("UNIQUE constraint failed: tag.name")) is None
    with pytest.raises(ValueError), failures.translated(None):
        raise ValueError("a bug")
