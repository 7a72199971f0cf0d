"""The JSON backup: every table, row for row, and a restore into an empty database.

Layout: ``{"format": "netkeep-backup", "version": 1, "schema": N, "exported_at": …,
"tables": {name: {"columns": [...], "rows": [[...], ...]}}}``. Values are stored as the
database holds them (dates and times as text), so a restore is exact.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pendulum

from netkeep.core import backup_tables
from netkeep.interop.textfile import MAX_BACKUP_BYTES, BadFile, read_text

FORMAT = "netkeep-backup"
VERSION = 1

Progress = Callable[[int, int], None]


def snapshot() -> dict:
    """Every table of the open database as plain JSON-ready data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": backup_tables.schema_version(),
        "exported_at": pendulum.now("UTC").to_iso8601_string(),
        "tables": backup_tables.read_all(),
    }


def write_backup(out) -> dict[str, int]:
    """Write the backup to the text stream ``out``; return row counts by table."""
    data = snapshot()
    # dumps + one write: json.dump feeds the file many small chunks and is ~3x slower.
    out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
    return {name: len(table["rows"]) for name, table in data["tables"].items()}


def is_empty() -> bool:
    """Whether the open database is empty (a backup is restored only into an empty one)."""
    return backup_tables.is_empty()


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
    schema = backup_tables.schema_version()
    if data.get("schema") != schema:
        raise BadFile(
            f"{path} was written with database schema {data.get('schema')!r}, this "
            f"netkeep uses {schema}; restore it with the netkeep version that wrote it"
        )
    tables = data.get("tables")
    known = backup_tables.table_columns()
    if not isinstance(tables, dict) or set(tables) - set(known):
        raise BadFile(f"{path}: the backup's tables do not match this netkeep's")
    for name, table in tables.items():
        columns = table.get("columns") if isinstance(table, dict) else None
        if columns != known[name] or not isinstance(table.get("rows"), list):
            raise BadFile(f"{path}: the backup's table '{name}' does not match this netkeep's")
        width = len(columns)
        if any(type(row) is not list or len(row) != width for row in table["rows"]):
            raise BadFile(f"{path}: table '{name}' has a row that is not a list of {width} values")
    return data


def restore(data: dict, progress: Progress | None = None) -> dict[str, int]:
    """Put a loaded backup into this (empty) database in one transaction; return counts."""
    return backup_tables.restore_all(data["tables"], progress)
