"""Undoing a change's rows in SQL: replayed backwards, each row put back under its own id,
or under a fresh one where its id was taken since.

Tables are not AUTOINCREMENT: SQLite gives a new row the highest id plus one, so a row added
after a delete can take a deleted row's id. Putting that row back then gets the next id no
row has ever had (in the table or the journal), every reference to it among the rows put
back follows it, and so do the journal's rows of the changes in its life before (from the
change that inserted it), so those changes still name it and not the newcomer.
"""

from __future__ import annotations

from netkeep.store import journal
from netkeep.store.models import database

#: Fresh ids, for the undo being replayed: (table, old id, new id, first change of its life).
_REMAP = "temp.journal_remap"

Remap = dict[str, dict[int, int]]


def replay_backwards(change_id: int) -> Remap:
    """Reverse every row the change wrote, newest first: delete what it inserted, put back
    the old values of what it updated, insert again what it deleted. Returns the rows put
    back under fresh ids, ``{table: {old id: new id}}`` (empty when every id was free).

    Runs of the same table and operation go in one statement each (SQLite checks foreign
    keys at the end of a statement), so a 30,000-contact import is undone in seconds.
    """
    remap = _fresh_ids(change_id)
    for table, op, low, high in _runs(change_id):
        names = journal.columns(database.obj, table)
        width = _width(change_id, low, high) if op != "i" else 0
        refs = references(table) if remap else {}
        values = ", ".join(_value(n, refs.get(name), remap) for n, name in enumerate(names[:width]))
        rows = "FROM change_row WHERE change_id = ? AND id BETWEEN ? AND ?"
        row_id = _mapped("row_id", table, remap)
        if op == "i":
            sql = f'DELETE FROM "{table}" WHERE rowid IN (SELECT row_id {rows})'
        elif op == "d":
            target = ", ".join(f'"{name}"' for name in names[:width])
            sql = f'INSERT INTO "{table}" (rowid, {target}) SELECT {row_id}, {values} {rows} ORDER BY id DESC'
        else:  # the oldest values of each row, when the change updated it more than once
            target = ", ".join(f'"{name}"' for name in names[:width])
            sql = (
                f'UPDATE "{table}" SET ({target}) = ({values}) FROM (SELECT {row_id} AS row_id, old {rows} '
                f'AND id IN (SELECT MIN(id) {rows} GROUP BY row_id)) AS r WHERE "{table}".rowid = r.row_id'
            )
            database.execute_sql(sql, (change_id, low, high, change_id, low, high))
            continue
        database.execute_sql(sql, (change_id, low, high))
    if remap:
        _rename_in_journal(change_id)
    return remap


def _fresh_ids(change_id: int) -> Remap:
    """A fresh id for each row the change deleted whose id another row holds now (kept in
    :data:`_REMAP` for the replay's SQL)."""
    database.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {_REMAP} (tbl TEXT NOT NULL, old_id INTEGER NOT NULL, "
        "new_id INTEGER NOT NULL, since INTEGER NOT NULL, PRIMARY KEY (tbl, old_id))"
    )
    database.execute_sql(f"DELETE FROM {_REMAP}")
    remap: Remap = {}
    tables = database.execute_sql(
        "SELECT DISTINCT tbl FROM change_row WHERE change_id = ? AND op = 'd'", (change_id,)
    ).fetchall()
    for (table,) in tables:
        taken = database.execute_sql(
            f"""SELECT DISTINCT c.row_id FROM change_row c WHERE c.change_id = ? AND c.tbl = ? AND c.op = 'd'
                AND c.row_id IN (SELECT rowid FROM "{table}") AND NOT EXISTS (SELECT 1 FROM change_row i
                WHERE i.change_id = c.change_id AND i.tbl = c.tbl AND i.row_id = c.row_id AND i.op = 'i')
                ORDER BY c.row_id""",
            (change_id, table),
        ).fetchall()
        if not taken:
            continue
        highest = database.execute_sql(
            f"""SELECT MAX(COALESCE((SELECT MAX(rowid) FROM "{table}"), 0),
                COALESCE((SELECT MAX(row_id) FROM change_row WHERE tbl = ?), 0))""",
            (table,),
        ).fetchone()[0]
        remap[table] = {old: highest + n for n, (old,) in enumerate(taken, start=1)}
    for table, ids in remap.items():
        for old, new in ids.items():
            database.execute_sql(f"INSERT INTO {_REMAP} VALUES (?, ?, ?, 0)", (table, old, new))
    if remap:  # where each row's life began: the last insert of its id (one pass of the journal)
        database.execute_sql(
            f"""UPDATE {_REMAP} SET since = s.since FROM (SELECT c.tbl, c.row_id, MAX(c.change_id) AS since
                FROM change_row c JOIN {_REMAP} m ON m.tbl = c.tbl AND m.old_id = c.row_id
                WHERE c.op = 'i' AND c.change_id <= ? GROUP BY c.tbl, c.row_id) AS s
                WHERE journal_remap.tbl = s.tbl AND journal_remap.old_id = s.row_id""",
            (change_id,),
        )
    return remap


def references(table: str) -> dict[str, str]:
    """``{column: table it holds ids of}``: the foreign keys, and the table's own id."""
    refs = {row[3]: row[2] for row in database.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()}
    keys = [row for row in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall() if row[5]]
    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        refs[keys[0][1]] = table
    return refs


def _mapped(expression: str, table: str | None, remap: Remap) -> str:
    """``expression`` (an id of ``table``) turned into its fresh id where it has one."""
    if table not in remap:
        return expression
    return (
        f"COALESCE((SELECT m.new_id FROM {_REMAP} m WHERE m.tbl = '{table}' AND m.old_id = {expression}), "
        f"{expression})"
    )


def _value(n: int, table: str | None, remap: Remap) -> str:
    return _mapped(f"json_extract(old, '$[{n}]')", table, remap)


def _rename_in_journal(change_id: int) -> None:
    """In the journal of each row's life up to ``change_id``, its old id becomes its new one:
    the row's own entries, and the ids of it other rows' old values and the changes' contacts hold."""
    database.execute_sql(
        f"""UPDATE change_row SET row_id = m.new_id FROM {_REMAP} m WHERE change_row.tbl = m.tbl
            AND change_row.row_id = m.old_id AND change_row.change_id BETWEEN m.since AND ?""",
        (change_id,),
    )
    parents = [table for (table,) in database.execute_sql(f"SELECT DISTINCT tbl FROM {_REMAP}").fetchall()]
    for table in journal.user_tables(database.obj):
        names = journal.columns(database.obj, table)
        for column, parent in references(table).items():
            if parent not in parents:
                continue
            path = f"'$[{names.index(column)}]'"
            database.execute_sql(
                f"""UPDATE change_row SET old = json_set(old, {path}, m.new_id) FROM {_REMAP} m
                    WHERE change_row.tbl = ? AND m.tbl = ? AND json_extract(change_row.old, {path}) = m.old_id
                    AND change_row.change_id BETWEEN m.since AND ?""",
                (table, parent, change_id),
            )
    if "contact" in parents:
        database.execute_sql(
            f"""UPDATE change SET contact_ids = (SELECT json_group_array(COALESCE((SELECT m.new_id
                FROM {_REMAP} m WHERE m.tbl = 'contact' AND m.old_id = j.value AND change.id >= m.since),
                j.value)) FROM json_each(change.contact_ids) j)
                WHERE id <= ? AND EXISTS (SELECT 1 FROM json_each(change.contact_ids) j JOIN {_REMAP} m
                ON m.tbl = 'contact' AND m.old_id = j.value AND change.id >= m.since)""",
            (change_id,),
        )


def _runs(change_id: int) -> list[tuple[str, str, int, int]]:
    """The change's rows, newest first, as runs ``(table, op, lowest id, highest id)``."""
    runs: list[list] = []
    cursor = database.execute_sql(
        "SELECT id, tbl, op FROM change_row WHERE change_id = ? ORDER BY id DESC", (change_id,)
    )
    for row_id, table, op in cursor:
        if runs and runs[-1][0] == table and runs[-1][1] == op:
            runs[-1][2] = row_id
        else:
            runs.append([table, op, row_id, row_id])
    return [(table, op, low, high) for table, op, low, high in runs]


def _width(change_id: int, low: int, high: int) -> int:
    """How many columns the old values of these rows hold (a later step may add columns)."""
    return database.execute_sql(
        "SELECT MIN(json_array_length(old)) FROM change_row WHERE change_id = ? AND id BETWEEN ? AND ?",
        (change_id, low, high),
    ).fetchone()[0]
