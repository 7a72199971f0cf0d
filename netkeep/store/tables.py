"""Every table row for row, as SQLite stores it: read all of them, or insert them into empty tables.

The JSON backup is built on this (``core.backup_tables`` in front, ``interop.backup`` for
the file). Values are what the database holds (dates and times as text), so a copy is exact.
"""

from __future__ import annotations

from collections.abc import Callable

from netkeep.store.bulk import insert_rows, update_column
from netkeep.store.database import schema_version
from netkeep.store.models import ALL_MODELS, database

#: Rows inserted between progress reports.
BATCH = 20_000


def current_schema() -> int:
    """The schema version of the open database."""
    return schema_version(database.obj)


def table_columns() -> dict[str, list[str]]:
    """Each table's columns in their stored order, by table name, tables in dependency order."""
    return {model._meta.table_name: _columns(model) for model in ALL_MODELS}


def _columns(model) -> list[str]:
    return [field.column_name for field in model._meta.sorted_fields]


def _order(model):
    key = model._meta.primary_key
    if hasattr(key, "field_names"):
        return [getattr(model, name) for name in key.field_names]
    return [key]


def read_tables() -> dict[str, dict]:
    """``{table: {"columns": [...], "rows": [[...], ...]}}`` for every table, rows by key."""
    tables = {}
    for model in ALL_MODELS:
        query = model.select(*model._meta.sorted_fields).order_by(*_order(model))
        tables[model._meta.table_name] = {
            "columns": _columns(model),
            "rows": database.execute(query).fetchall(),
        }
    return tables


def all_empty() -> bool:
    """Whether every table is empty."""
    return all(not model.select().exists() for model in ALL_MODELS)


def insert_tables(tables: dict[str, dict], progress: Callable[[int, int], None] | None = None) -> None:
    """Insert the rows of ``tables`` (as :func:`read_tables` gives them) as they are.

    Call it inside a transaction. A column that points into its own table (who introduced
    whom) is set once every row of the table exists.
    """
    total = sum(len(table["rows"]) for table in tables.values())
    done = 0
    for model in ALL_MODELS:
        table = tables.get(model._meta.table_name)
        if not table or not table["rows"]:
            continue
        fields = list(model._meta.sorted_fields)
        later = [i for i, f in enumerate(fields) if getattr(f, "rel_model", None) is model]
        rows = table["rows"]
        if later:
            rows = [row.copy() for row in rows]
            for row in rows:
                for index in later:
                    row[index] = None
        for start in range(0, len(rows), BATCH):
            insert_rows(model, fields, rows[start : start + BATCH], convert=False)
            done += len(rows[start : start + BATCH])
            if progress:
                progress(done, total)
        for index in later:
            field = fields[index]
            update_column(
                model, field, ((row[0], row[index]) for row in table["rows"] if row[index] is not None)
            )
