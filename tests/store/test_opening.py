"""Opening a database without surprises: only a new file is made private, a read-only one
stays read-only, a missing one is created only when asked."""

from __future__ import annotations

import os
import sqlite3

import pytest

from netkeep.store import database as store_database
from netkeep.store import migrations
from netkeep.store.database import DatabaseError, migrate_database, open_database
from netkeep.store.models import Tag


def _mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def _old_database(path, version: int = 1) -> None:
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=version)
    db.close()


def test_a_new_file_is_private_and_an_existing_one_keeps_its_mode(tmp_path):
    new = tmp_path / "new.db"
    open_database(new).close()
    assert _mode(new) == 0o600
    shared = tmp_path / "shared.db"
    open_database(shared).close()
    os.chmod(shared, 0o640)
    open_database(shared).close()
    assert _mode(shared) == 0o640


def test_a_missing_file_is_refused_unless_the_command_creates_one(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(DatabaseError, match=f"no netkeep database at {path}"):
        open_database(path, create=False)
    assert not path.exists()


def test_a_read_only_file_is_read_but_never_written_nor_made_writable(tmp_path):
    path = tmp_path / "kept.db"
    db = open_database(path)
    Tag.create(name="alumni")
    db.close()
    os.chmod(path, 0o444)
    with pytest.raises(DatabaseError, match="read-only"):
        open_database(path)  # a command that writes is refused up front
    db = open_database(path, write=False)
    assert [t.name for t in Tag.select()] == ["alumni"]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.connection().execute("INSERT INTO tag (name) VALUES ('x')")
    db.close()
    assert _mode(path) == 0o444


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"this is not sqlite" * 100, "not a database"),
        (None, "newer netkeep"),
    ],
)
def test_a_refused_file_is_left_as_it_was(tmp_path, content, match):
    path = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(path) as raw:
            raw.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    else:
        path.write_bytes(content)
    os.chmod(path, 0o644)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=match):
        open_database(path)
    assert _mode(path) == 0o644 and path.read_bytes() == before


def test_another_programs_database_is_not_turned_into_netkeeps(tmp_path):
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="another program"):
        open_database(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT name FROM sqlite_master").fetchall() == [("photo",)]


def test_two_netkeeps_migrating_one_file_run_each_step_once(tmp_path, monkeypatch):
    path = tmp_path / "race.db"
    _old_database(path, version=2)
    first = open_database(path, migrate=False)
    _old_database(path, version=3)  # another netkeep migrates it meanwhile
    reads = []
    real = store_database.schema_version

    def stale_first(db):  # what this one read before the other finished
        reads.append(real(db))
        return 2 if len(reads) == 1 else reads[-1]

    monkeypatch.setattr(store_database, "schema_version", stale_first)
    assert migrate_database(first, path, target=3) == 3  # step 3 seen done inside its transaction
    first.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
