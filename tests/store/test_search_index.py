"""The search index in the schema: built by step 9 from what a database holds, never journaled."""

from __future__ import annotations

from netkeep.store import journal, search
from netkeep.store.database import migrate_database, open_database

_CONTACT = (
    "INSERT INTO contact (id, uid, full_name, given_name, family_name, title, website, location,"
    " linkedin_url, birthday, contact_type, job_search, how_met, met_at, needs, notes,"
    " follow_up_manual, archived, source, search_text, created_at, updated_at, company_id) VALUES"
    " (?, ?, ?, '', '', '', '', '', '', '', 'peer', 0, '', '', '', ?, 0, 0, '', '',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00', ?)"
)


def _ids(db, text: str) -> list[int]:
    return search.ranked_ids(db.execute_sql, search.phrases(text), include_archived=False)


def test_step_nine_indexes_a_database_made_at_step_eight(tmp_path):
    path = tmp_path / "v8.db"
    db = open_database(path, migrate=False)
    migrate_database(db, None, target=8)
    db.execute_sql(
        "INSERT INTO company (id, name, key, notes, created_at) VALUES (1, 'Stripe', 'stripe', '', '')"
    )
    db.execute_sql(_CONTACT, (1, "u1", "Priya Raman", "", 1))
    db.execute_sql(_CONTACT, (2, "u2", "Ana Silva", "knows Priya", None))
    db.execute_sql(
        "INSERT INTO contact_method (contact_id, kind, label, value, position)"
        " VALUES (1, 'phone', '', '415.555.0101', 0)"
    )
    db.execute_sql(
        "INSERT INTO interaction (id, kind, direction, occurred_at, location, summary, reply_owed,"
        " created_at) VALUES (1, 'call', '', '2026-01-01 10:00:00', '', 'talked about kubernetes', 0, '')"
    )
    db.execute_sql("INSERT INTO interaction_contact (interaction_id, contact_id) VALUES (1, 2)")

    assert migrate_database(db, path, target=9) == 9
    assert _ids(db, "priya") == [1, 2]
    assert _ids(db, "stripe") == _ids(db, "415-555") == [1]
    assert _ids(db, "kube") == [2]
    db.execute_sql("INSERT INTO search (search) VALUES ('integrity-check')")
    db.close()


def test_the_index_is_neither_journaled_nor_a_user_table(db):
    tables = journal.user_tables(db)
    assert "contact" in tables and not any(name.startswith("search") for name in tables)
    triggers = [name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    assert not any(name.startswith("journal_search") for name in triggers)
    with db.atomic():
        change = journal.begin("2026-01-01 10:00:00", "add", "test", [])
        db.execute_sql(_CONTACT, (1, "u1", "Priya Raman", "", None))
        journal.finish(change)
    logged = db.execute_sql("SELECT DISTINCT tbl FROM change_row").fetchall()
    assert logged == [("contact",)]
    assert _ids(db, "raman") == [1]


def test_a_bulk_write_builds_the_index_once_at_its_end(db):
    with db.atomic(), search.built_once(db.execute_sql):
        db.execute_sql(_CONTACT, (1, "u1", "Priya Raman", "", None))
        assert db.execute_sql("SELECT count(*) FROM search").fetchone() == (0,)
    assert _ids(db, "priya") == [1]
    db.execute_sql(_CONTACT, (2, "u2", "Priya Iyer", "", None))  # the triggers are back
    assert sorted(_ids(db, "priya")) == [1, 2]
