"""The journal's tables and triggers: what they record, and only while a change is open."""

from __future__ import annotations

import json

from netkeep.store import journal
from netkeep.store.database import migrate_database, open_database
from netkeep.store.models import ALL_MODELS

_CONTACT = (
    "INSERT INTO contact (uid, full_name, given_name, family_name, title, website, location,"
    " linkedin_url, birthday, contact_type, job_search, how_met, met_at, needs, notes,"
    " follow_up_manual, archived, source, search_text, created_at, updated_at) VALUES"
    " (?, ?, '', '', '', '', '', '', '', 'peer', 0, '', '', '', '', 0, 0, '', '',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)


def rows(db):
    return db.execute_sql("SELECT change_id, tbl, row_id, op, old FROM change_row ORDER BY id").fetchall()


def test_every_user_table_has_its_three_triggers(db):
    triggers = {
        name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    }
    for model in ALL_MODELS:
        table = model._meta.table_name
        assert {f"journal_{table}_{e}" for e in ("insert", "update", "delete")} <= triggers


def test_nothing_is_recorded_outside_a_change(db):
    db.execute_sql(_CONTACT, ("u1", "Ann Lee"))
    assert rows(db) == []


def test_insert_update_delete_and_cascades_are_recorded_with_old_values(db):
    with db.atomic():
        change = journal.begin("2026-01-01 10:00:00", "edit", "test", [])
        db.execute_sql(_CONTACT, ("u1", "Ann Lee"))
        db.execute_sql("INSERT INTO tag (name) VALUES ('alumni')")
        db.execute_sql("INSERT INTO contact_tag (contact_id, tag_id) VALUES (1, 1)")
        db.execute_sql("UPDATE contact SET full_name = 'Ann Lee' WHERE id = 1")  # no change: no row
        db.execute_sql("UPDATE contact SET full_name = 'Ann Li' WHERE id = 1")
        db.execute_sql("DELETE FROM contact WHERE id = 1")  # cascades to contact_tag
        assert journal.finish(change)
    recorded = rows(db)
    assert [r[1:4] for r in recorded] == [
        ("contact", 1, "i"),
        ("tag", 1, "i"),
        ("contact_tag", 1, "i"),
        ("contact", 1, "u"),
        ("contact_tag", 1, "d"),
        ("contact", 1, "d"),
    ]
    assert json.loads(recorded[3][4])[2] == "Ann Lee"
    assert json.loads(recorded[4][4]) == [1, 1]
    assert db.execute_sql("SELECT COUNT(*) FROM journal_now").fetchone()[0] == 0


def test_a_change_that_touched_nothing_is_dropped(db):
    with db.atomic():
        change = journal.begin("2026-01-01 10:00:00", "edit", "nothing", [])
        assert not journal.finish(change)
    assert journal.get(change) is None


def test_step_seven_keeps_the_data_and_a_later_step_can_remake_the_triggers(tmp_path):
    path = tmp_path / "v6.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=6)
    db.execute_sql(_CONTACT, ("u1", "Ann Lee"))
    migrate_database(db, path, target=7)
    assert db.execute_sql("SELECT full_name FROM contact").fetchall() == [("Ann Lee",)]
    db.execute_sql('ALTER TABLE "tag" ADD COLUMN "colour" TEXT NOT NULL DEFAULT \'\'')
    for statement in journal.trigger_statements(db):
        db.execute_sql(statement)
    with db.atomic():
        change = journal.begin("2026-01-01 10:00:00", "edit", "test", [])
        db.execute_sql("INSERT INTO tag (name, colour) VALUES ('a', 'red')")
        db.execute_sql("DELETE FROM tag")
        journal.finish(change)
    assert json.loads(rows(db)[-1][4]) == [1, "a", "red"]
    db.close()
