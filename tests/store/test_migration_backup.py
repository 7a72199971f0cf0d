"""The backup made before a schema migration is a verified backup like the others: reopened,
``PRAGMA integrity_check``, the same row counts, private (0600), listed by ``restore --list``;
when it cannot be made, the migration does not run."""

from __future__ import annotations

import os
import sqlite3

import pytest

from netkeep.cli import main
from netkeep.core import backups
from netkeep.store import backup
from netkeep.store.database import DatabaseError, migrate_database, open_database


@pytest.fixture
def old(tmp_path):
    """A database at schema 2 holding one contact and one reminder, readable by all (0644)."""
    path = tmp_path / "netkeep.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=2)
    db.execute_sql(
        "INSERT INTO contact (uid, full_name, given_name, family_name, title, website, location,"
        " linkedin_url, birthday, contact_type, job_search, how_met, met_at, needs, notes,"
        " follow_up_manual, archived, source, search_text, created_at, updated_at) VALUES"
        " ('u1', 'Ana Silva', 'Ana', 'Silva', '', '', '', '', '', '', 0, '', '', '', '', 0, 0, '',"
        " 'ana silva', '2026-01-01', '2026-01-01')"
    )
    db.execute_sql(
        "INSERT INTO reminder (contact_id, due_on, reason, created_at)"
        " VALUES (1, '2026-03-01', 'call', '2026-01-01')"
    )
    db.close()
    os.chmod(path, 0o644)
    with sqlite3.connect(path) as raw:
        counts = backup.row_counts(raw)
    return path, counts


def test_the_copy_before_a_migration_is_verified_private_and_listed(old, capsys):
    path, counts = old
    open_database(path).close()
    [made] = backups.listing(backups.folder(path), check=True)
    assert made.reason == "before-migration" and made.contacts == 1
    assert os.stat(made.path).st_mode & 0o777 == 0o600
    assert backup.check(made.path) == (2, counts)  # integrity_check ok, schema 2, every row
    assert not list(path.parent.glob("*.bak"))
    assert main(["--db", str(path), "restore", "--list"]) == 0
    assert "before-migration" in capsys.readouterr().out


def test_a_fresh_database_needs_no_backup(tmp_path):
    open_database(tmp_path / "new.db").close()
    assert not (tmp_path / "backups").exists()


def test_no_migration_runs_when_its_backup_fails_its_check(old, monkeypatch):
    path, _ = old

    def damaged(file):
        raise backup.BackupError(f"{file.name} is damaged (page 2 is never used)")

    monkeypatch.setattr(backup, "check", damaged)
    with pytest.raises(DatabaseError, match=r"cannot update .* from schema 2: .* nothing was changed"):
        open_database(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    assert list((path.parent / "backups").iterdir()) == []  # the failed copy is gone
