"""The JSON backup: every table, row for row, and a restore into an empty database.

Layout: ``{"format": "netkeep-backup", "version": 1, "schema": N, "exported_at": …,
"tables": {name: {"columns": [...], "rows": [[...], ...]}}}``. Values are stored as the
database holds them (dates and times as text), so a restore is exact.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pendulum
from peewee import IntegrityError, InterfaceError

from netkeep.core.errors import NetkeepError
from netkeep.interop.textfile import MAX_BACKUP_BYTES, BadFile, read_text
from netkeep.store.bulk import insert_rows, update_column
from netkeep.store.database import schema_version
from netkeep.store.models import ALL_MODELS, database

FORMAT = "netkeep-backup"
VERSION = 1
#: Rows written between progress reports.
BATCH = 20_000

Progress = Callable[[int, int], None]


def _columns(model) -> list[str]:
    return [field.column_name for field in model._meta.sorted_fields]


def snapshot() -> dict:
    """Every table of the open database as plain JSON-ready data."""
    tables = {}
    for model in ALL_MODELS:
        query = model.select(*model._meta.sorted_fields).order_by(*_order(model))
        tables[model._meta.table_name] = {
            "columns": _columns(model),
            "rows": database.execute(query).fetchall(),
        }
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_version(database.obj),
        "exported_at": pendulum.now("UTC").to_iso8601_string(),
        "tables": tables,
    }


def _order(model):
    key = model._meta.primary_key
    if hasattr(key, "field_names"):
        return [getattr(model, name) for name in key.field_names]
    return [key]


def write_backup(out) -> dict[str, int]:
    """Write the backup to the text stream ``out``; return row counts by table."""
    data = snapshot()
    # dumps + one write: json.dump feeds the file many small chunks and is ~3x slower.
    out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
    return {name: len(table["rows"]) for name, table in data["tables"].items()}


def is_empty() -> bool:
    return all(not model.select().exists() for model in ALL_MODELS)


def load(path: str | Path) -> dict:
    """Read and check a backup file."""
    text = read_text(path, "a netkeep JSON backup", MAX_BACKUP_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadFile(
            f"{path} is not a netkeep JSON backup (not valid JSON: {error.msg} at line {error.lineno})"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadFile(f'{path} is not a netkeep JSON backup (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise BadFile(
            f"{path} is a backup format version {data.get('version')!r}; this netkeep reads version {VERSION}"
        )
    if data.get("schema") != schema_version(database.obj):
        raise BadFile(
            f"{path} was written with database schema {data.get('schema')!r}, this "
            f"netkeep uses {schema_version(database.obj)}; restore it with the "
            "netkeep version that wrote it"
        )
    tables = data.get("tables")
    known = {model._meta.table_name: model for model in ALL_MODELS}
    if not isinstance(tables, dict) or set(tables) - set(known):
        raise BadFile(f"{path}: the backup's tables do not match this netkeep's")
    for name, table in tables.items():
        columns = table.get("columns") if isinstance(table, dict) else None
        if columns != _columns(known[name]) or not isinstance(table.get("rows"), list):
            raise BadFile(f"{path}: the backup's table '{name}' does not match this netkeep's")
        width = len(columns)
        if any(type(row) is not list or len(row) != width for row in table["rows"]):
            raise BadFile(f"{path}: table '{name}' has a row that is not a list of {width} values")
    return data


def restore(data: dict, progress: Progress | None = None) -> dict[str, int]:
    """Put a loaded backup into this (empty) database in one transaction; return counts."""
    try:
        return _restore(data["tables"], progress)
    except (IntegrityError, sqlite3.IntegrityError) as error:
        raise NetkeepError(f"the backup does not hold together ({error}); nothing was restored") from None
    except (InterfaceError, sqlite3.InterfaceError, sqlite3.ProgrammingError) as error:
        raise NetkeepError(
            f"the backup holds a value that is not plain text or a number ({error}); nothing was restored"
        ) from None


def _restore(tables: dict, progress: Progress | None) -> dict[str, int]:
    total = sum(len(table["rows"]) for table in tables.values())
    done = 0
    with database.atomic():
        if not is_empty():
            raise NetkeepError(
                "this database is not empty; a backup is restored only into an "
                "empty one (use --db with a new file, or NETKEEP_DB)"
            )
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
                _restore_self_links(model, fields[index], table["rows"], index)
    return {name: len(table["rows"]) for name, table in tables.items()}


def _restore_self_links(model, field, rows, index) -> None:
    """Set a field that points into its own table once every row exists."""
    update_column(model, field, ((row[0], row[index]) for row in rows if row[index] is not None))
