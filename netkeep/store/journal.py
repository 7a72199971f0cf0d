"""The change journal in SQL: what each change did to the user's tables, so it can be undone.

A ``change`` row says what happened (kind, a human summary, the contacts it concerned);
its ``change_row`` rows say, one per row written, which row of which table and how
(``i`` inserted, ``u`` updated, ``d`` deleted) with the old values of an update or delete
(a JSON array in the table's column order). Triggers on every user table append those
rows, but only while the one-row table ``journal_now`` names the change being written,
so a write outside a change (the demo generator) costs one empty lookup and records nothing.
Foreign-key cascades fire the triggers of the child tables too: a delete keeps all it took.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peewee import SqliteDatabase

from netkeep.store.models import database

#: The journal's own tables, which no trigger watches and no backup file lists.
JOURNAL_TABLES = ("change", "change_row", "journal_now")


def user_tables(db: SqliteDatabase) -> list[str]:
    """The tables holding the user's data (everything but SQLite's and the journal's own)."""
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows if name not in JOURNAL_TABLES]


def columns(db: SqliteDatabase, table: str) -> list[str]:
    """``table``'s columns in their stored order."""
    return [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]


def trigger_statements(db: SqliteDatabase) -> list[str]:
    """The journal's triggers for every user table, made from its columns as they are now.

    Run them again (they drop the old ones first) after a step that changes a table's columns.
    """
    statements = []
    for table in user_tables(db):
        names = columns(db, table)
        old = "json_array(" + ", ".join(f'OLD."{name}"' for name in names) + ")"
        differs = " OR ".join(f'OLD."{name}" IS NOT NEW."{name}"' for name in names)
        record = f"INSERT INTO change_row (change_id, tbl, row_id, op, old) SELECT change_id, '{table}'"
        for event, op, when, row, values in (
            ("INSERT", "i", "", "NEW.rowid", "NULL"),
            ("UPDATE", "u", f" WHEN {differs}", "OLD.rowid", old),
            ("DELETE", "d", "", "OLD.rowid", old),
        ):
            name = f"journal_{table}_{event.lower()}"
            statements.append(f'DROP TRIGGER IF EXISTS "{name}"')
            statements.append(
                f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}"{when} BEGIN '
                f"{record}, {row}, '{op}', {values} FROM journal_now; END"
            )
    return statements


@dataclass(frozen=True)
class ChangeRecord:
    """One change as the journal holds it."""

    id: int
    at: str  # UTC, "YYYY-MM-DD HH:MM:SS"
    kind: str
    summary: str
    contact_ids: tuple[int, ...]
    undoes_id: int | None
    undone_by_id: int | None


_CHANGE_COLUMNS = "id, at, kind, summary, contact_ids, undoes_id, undone_by_id"


def _record(row: Sequence) -> ChangeRecord:
    return ChangeRecord(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), row[5], row[6])


# ------------------------------------------------------------------ writing a change


def begin(
    at: str, kind: str, summary: str, contact_ids: Iterable[int], *, joins_since: str | None = None
) -> int:
    """Open a change (inside the caller's write transaction) and name it in ``journal_now``.

    With ``joins_since``, the newest change is reopened instead when it is the same kind of
    change with the same summary, still stands and was made at or after that moment.
    """
    change_id = None
    if joins_since is not None:
        row = database.execute_sql(
            "SELECT id, kind, summary, at, undone_by_id FROM change ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row and row[1:3] == (kind, summary) and row[3] >= joins_since and row[4] is None:
            change_id = row[0]
    if change_id is None:
        cursor = database.execute_sql(
            "INSERT INTO change (at, kind, summary, contact_ids) VALUES (?, ?, ?, ?)",
            (at, kind, summary, json.dumps(list(contact_ids))),
        )
        change_id = cursor.lastrowid
    database.execute_sql("INSERT INTO journal_now (change_id) VALUES (?)", (change_id,))
    return change_id


def describe(change_id: int, kind: str, summary: str, contact_ids: Iterable[int], undoes: int | None) -> None:
    database.execute_sql(
        "UPDATE change SET kind = ?, summary = ?, contact_ids = ?, undoes_id = ? WHERE id = ?",
        (kind, summary, json.dumps(list(contact_ids)), undoes, change_id),
    )


def finish(change_id: int) -> bool:
    """Stop recording; drop the change when it touched nothing. Whether it was kept."""
    database.execute_sql("DELETE FROM journal_now")
    touched = database.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM change_row WHERE change_id = ?)", (change_id,)
    ).fetchone()[0]
    if not touched:
        database.execute_sql("DELETE FROM change WHERE id = ?", (change_id,))
    return bool(touched)


def touched_contacts(change_id: int, limit: int) -> list[int]:
    """Up to ``limit`` contacts whose own row the change wrote."""
    rows = database.execute_sql(
        "SELECT DISTINCT row_id FROM change_row WHERE change_id = ? AND tbl = 'contact' LIMIT ?",
        (change_id, limit),
    ).fetchall()
    return [row_id for (row_id,) in rows]


def mark_undone(change_id: int, undone_by: int) -> None:
    database.execute_sql("UPDATE change SET undone_by_id = ? WHERE id = ?", (undone_by, change_id))


# ------------------------------------------------------------------ reading the journal


def get(change_id: int) -> ChangeRecord | None:
    row = database.execute_sql(f"SELECT {_CHANGE_COLUMNS} FROM change WHERE id = ?", (change_id,)).fetchone()
    return _record(row) if row else None


def recent(limit: int, *, kinds: Sequence[str] = (), since: str = "") -> list[ChangeRecord]:
    """The newest changes first, of ``kinds`` when given, made at or after ``since``."""
    where, params = ["at >= ?"], [since]
    if kinds:
        where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
        params += list(kinds)
    rows = database.execute_sql(
        f"SELECT {_CHANGE_COLUMNS} FROM change WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [_record(row) for row in rows]


def later(change_id: int) -> list[ChangeRecord]:
    """Every change after ``change_id``, oldest first."""
    rows = database.execute_sql(
        f"SELECT {_CHANGE_COLUMNS} FROM change WHERE id > ? ORDER BY id", (change_id,)
    ).fetchall()
    return [_record(row) for row in rows]


def row_count(change_id: int) -> int:
    return database.execute_sql(
        "SELECT COUNT(*) FROM change_row WHERE change_id = ?", (change_id,)
    ).fetchone()[0]


def shared_rows(change_id: int, others: Sequence[int]) -> list[tuple[int, str, int]]:
    """``(other change, table, row id)`` for each row of ``change_id`` one of ``others`` wrote too.

    A row the change deleted (and did not write again) is left out: a later change at its id
    wrote a new row that took the id, which undo leaves alone (``store.replay``)."""
    if not others:
        return []
    marks = ", ".join("?" for _ in others)
    return database.execute_sql(
        f"""SELECT DISTINCT o.change_id, o.tbl, o.row_id FROM change_row o
            JOIN change_row m ON m.change_id = ? AND m.tbl = o.tbl AND m.row_id = o.row_id
            WHERE o.change_id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM change_row d
                WHERE d.change_id = m.change_id AND d.tbl = m.tbl AND d.row_id = m.row_id AND d.op = 'd'
                AND NOT EXISTS (SELECT 1 FROM change_row a WHERE a.change_id = d.change_id
                    AND a.tbl = d.tbl AND a.row_id = d.row_id AND a.id > d.id))
            ORDER BY o.change_id DESC, o.tbl = 'contact' DESC""",
        (change_id, *others),
    ).fetchall()


def extra_rows(undo_id: int, change_id: int) -> list[tuple[str, int]]:
    """Rows the undo ``undo_id`` wrote that ``change_id`` never did (cascades into later rows)."""
    return database.execute_sql(
        """SELECT u.tbl, u.row_id FROM change_row u WHERE u.change_id = ? AND NOT EXISTS
           (SELECT 1 FROM change_row m WHERE m.change_id = ? AND m.tbl = u.tbl AND m.row_id = u.row_id)
           LIMIT 20""",
        (undo_id, change_id),
    ).fetchall()


def last_writer(table: str, row_id: int, before: int) -> int | None:
    """The newest change before ``before`` that wrote this row."""
    row = database.execute_sql(
        "SELECT MAX(change_id) FROM change_row WHERE tbl = ? AND row_id = ? AND change_id < ?",
        (table, row_id, before),
    ).fetchone()
    return row[0] if row else None


def old_values(change_id: int, table: str, op: str) -> list[tuple[int, dict]]:
    """``(row id, {column: value})`` of the rows of ``table`` the change updated or deleted."""
    names = columns(database.obj, table)
    rows = database.execute_sql(
        "SELECT row_id, old FROM change_row WHERE change_id = ? AND tbl = ? AND op = ? ORDER BY id",
        (change_id, table, op),
    ).fetchall()
    return [(row_id, dict(zip(names, json.loads(old), strict=False))) for row_id, old in rows]


def row_states(change_id: int, table: str, row_id: int) -> tuple[str, dict, dict | None, dict | None]:
    """A row as a change found it, as it left it and as it is now: ``(ops, before, after,
    now)``. ``ops`` are the change's operations on it (``"uu"``); ``after`` the old values
    the next change to write it recorded (None if none did); ``now`` None once it is gone."""
    names = columns(database.obj, table)
    mine = database.execute_sql(
        "SELECT op, old FROM change_row WHERE change_id = ? AND tbl = ? AND row_id = ? ORDER BY id",
        (change_id, table, row_id),
    ).fetchall()
    following = database.execute_sql(
        """SELECT old FROM change_row WHERE change_id > ? AND tbl = ? AND row_id = ?
           ORDER BY change_id, id LIMIT 1""",
        (change_id, table, row_id),
    ).fetchone()
    now = database.execute_sql(f'SELECT * FROM "{table}" WHERE rowid = ?', (row_id,)).fetchone()

    def named(values: Sequence | None) -> dict | None:
        return None if values is None else dict(zip(names, values, strict=False))

    before = named(json.loads(mine[0][1]) if mine and mine[0][1] else None) or {}
    after = named(json.loads(following[0])) if following and following[0] else None
    return "".join(op for op, _ in mine), before, after, named(now)


def set_values(table: str, row_id: int, values: dict) -> None:
    """Set these columns of one row."""
    target = ", ".join(f'"{name}" = ?' for name in values)
    database.execute_sql(f'UPDATE "{table}" SET {target} WHERE rowid = ?', (*values.values(), row_id))


# ------------------------------------------------------------------ forgetting


def forget(change_ids: Sequence[int]) -> None:
    """Drop these changes and their rows from the journal."""
    for start in range(0, len(change_ids), 500):
        part = list(change_ids[start : start + 500])
        marks = ", ".join("?" for _ in part)
        database.execute_sql(f"DELETE FROM change_row WHERE change_id IN ({marks})", part)
        database.execute_sql(f"DELETE FROM change WHERE id IN ({marks})", part)


def older_than(moment: str) -> list[int]:
    rows = database.execute_sql("SELECT id FROM change WHERE at < ?", (moment,)).fetchall()
    return [change_id for (change_id,) in rows]


def earlier_writers(change_id: int) -> list[int]:
    """Changes before ``change_id`` that wrote any row it wrote."""
    rows = database.execute_sql(
        """SELECT DISTINCT o.change_id FROM change_row m
           JOIN change_row o ON o.tbl = m.tbl AND o.row_id = m.row_id AND o.change_id < m.change_id
           WHERE m.change_id = ?""",
        (change_id,),
    ).fetchall()
    return [other for (other,) in rows]
