"""The store: opening, pragmas, file mode, migrations step by step, backups."""

from __future__ import annotations

import os
import sqlite3

import pytest

from netkeep.store import migrations
from netkeep.store.database import DatabaseError, migrate_database, open_database, schema_version
from netkeep.store.models import ALL_MODELS


def test_open_sets_pragmas_and_private_mode(db, db_path):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert os.stat(db_path).st_mode & 0o777 == 0o600
    assert schema_version(db) == migrations.LATEST


def test_migrated_schema_matches_models(db):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in db.get_columns(table)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def test_migrated_indexes_match_models(db):
    created = {
        sql
        for (sql,) in db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            " AND tbl_name NOT IN ('change', 'change_row', 'journal_now')"
        ).fetchall()
    }
    declared = {
        db.get_sql_context().sql(index).query()[0]
        for model in ALL_MODELS
        for index in model._schema._create_indexes(safe=False)
    }
    assert created == declared


@pytest.mark.parametrize("step", sorted(migrations.STEPS))
def test_each_step_runs_from_the_version_before(tmp_path, step):
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=step - 1)
    names_before, sql_before = _schema(db)
    assert migrate_database(db, path, target=step) == step
    assert schema_version(db) == step
    names_after, sql_after = _schema(db)
    assert names_after >= names_before
    assert sql_after != sql_before
    db.close()


def _schema(db):
    rows = db.execute_sql("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {(kind, name) for kind, name, _ in rows}, {sql for _, _, sql in rows}


def test_step_five_keeps_companies_as_non_targets(tmp_path):
    path = tmp_path / "v4.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=4)
    db.execute_sql(
        "INSERT INTO company (name, key, notes, created_at) "
        "VALUES ('Acme', 'acme', '', '2026-01-01 10:00:00')"
    )
    migrate_database(db, path, target=5)
    assert db.execute_sql("SELECT name, stage, target_rank FROM company").fetchone() == ("Acme", "", None)
    db.close()


def test_step_six_indexes_the_contact_list_by_lower_case_name(tmp_path):
    path = tmp_path / "v5.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=5)
    db.execute_sql(
        "INSERT INTO contact (uid, full_name, given_name, family_name, title, website, location,"
        " linkedin_url, birthday, contact_type, job_search, how_met, met_at, needs, notes,"
        " follow_up_manual, archived, source, search_text, created_at, updated_at) VALUES"
        " ('u1', 'Ann Lee', 'Ann', 'Lee', '', '', '', '', '', 'peer', 0, '', '', '', '', 0, 0, '',"
        " 'ann lee', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
    )

    def contact_indexes():
        return {
            name
            for (name,) in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact'"
            ).fetchall()
        }

    assert "contact_archived_lower_full_name" not in contact_indexes()
    migrate_database(db, path, target=6)
    assert "contact_archived_lower_full_name" in contact_indexes()
    plan = db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM contact WHERE archived = 0 ORDER BY LOWER(full_name), id LIMIT 5"
    ).fetchall()
    assert "contact_archived_lower_full_name" in plan[0][-1]
    assert db.execute_sql("SELECT full_name FROM contact").fetchall() == [("Ann Lee",)]
    db.close()


def test_step_eight_marks_imported_contacts_and_adds_their_details_in_the_journal(tmp_path):
    path = tmp_path / "v7.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=7)
    for uid, source in (
        ("u1", "linkedin"),
        ("u2", "vcard"),
        ("u3", "google"),
        ("u4", "manual"),
        ("u5", "demo"),
    ):
        db.execute_sql(
            "INSERT INTO contact (uid, full_name, given_name, family_name, title, website, location,"
            " linkedin_url, birthday, contact_type, job_search, how_met, met_at, needs, notes,"
            " follow_up_manual, archived, source, search_text, created_at, updated_at) VALUES"
            f" ('{uid}', 'Ann Lee', 'Ann', 'Lee', '', '', '', '', '', 'peer', 0, '', '', '', '', 0, 0,"
            f" '{source}', 'ann lee', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    migrate_database(db, path, target=8)
    flags = db.execute_sql("SELECT uid, imported FROM contact ORDER BY uid").fetchall()
    assert flags == [("u1", 1), ("u2", 1), ("u3", 1), ("u4", 0), ("u5", 0)]
    db.execute_sql(
        "INSERT INTO contact_detail (contact_id, kind, label, value, position)"
        " VALUES (1, 'nickname', '', 'Annie', 0)"
    )
    db.execute_sql("DELETE FROM contact WHERE uid = 'u1'")
    assert db.execute_sql("SELECT COUNT(*) FROM contact_detail").fetchone() == (0,)
    triggers = {
        name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    }
    assert {"journal_contact_detail_insert", "journal_contact_detail_delete"} <= triggers
    contact_update = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'journal_contact_update'"
    ).fetchone()[0]
    assert 'OLD."imported"' in contact_update  # the journal records the new column too
    db.close()


def test_step_three_keeps_existing_interactions(tmp_path):
    path = tmp_path / "v2.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=2)
    db.execute_sql(
        "INSERT INTO interaction (kind, direction, occurred_at, location, summary, reply_owed, created_at)"
        " VALUES ('coffee', '', '2026-01-01 10:00:00', '', 'talked shop', 0, '2026-01-01 10:00:00')"
    )
    migrate_database(db, path, target=3)
    row = db.execute_sql("SELECT summary, points, resume_advice FROM interaction").fetchone()
    assert row == ("talked shop", "", 0)
    db.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(DatabaseError, match="newer netkeep"):
        open_database(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="cannot open"):
        open_database(path)
