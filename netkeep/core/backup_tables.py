"""The whole database as tables of stored values, and putting such tables back into an empty one.

``interop.backup`` writes and reads the JSON file; the rules are here: a restore goes only
into an empty database, in one write transaction, and a backup that does not hold together
restores nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from peewee import IntegrityError, InterfaceError

from netkeep.core import session
from netkeep.core.errors import NetkeepError
from netkeep.store import tables

Progress = Callable[[int, int], None]


def schema_version() -> int:
    """The schema version of the open database (a backup is restored only into the same)."""
    return tables.current_schema()


def table_columns() -> dict[str, list[str]]:
    """Each table's columns, by table name."""
    return tables.table_columns()


def read_all() -> dict[str, dict]:
    """Every table: ``{name: {"columns": [...], "rows": [[...], ...]}}``, values as stored."""
    return tables.read_tables()


def is_empty() -> bool:
    """Whether the open database holds nothing at all (a backup is restored only into such)."""
    return tables.all_empty()


def restore_all(data: dict[str, dict], progress: Progress | None = None) -> dict[str, int]:
    """Put ``data`` (as :func:`read_all` gives it) into this empty database in one
    transaction; return the row counts by table."""
    try:
        with session.writing("Restored everything from a backup file", kind="import"):
            if not tables.all_empty():
                raise NetkeepError(
                    "this database is not empty; a backup is restored only into an "
                    "empty one (use --db with a new file, or NETKEEP_DB)"
                )
            tables.insert_tables(data, progress)
    except (IntegrityError, sqlite3.IntegrityError) as error:
        raise NetkeepError(f"the backup does not hold together ({error}); nothing was restored") from None
    except (InterfaceError, sqlite3.InterfaceError, sqlite3.ProgrammingError) as error:
        raise NetkeepError(
            f"the backup holds a value that is not plain text or a number ({error}); nothing was restored"
        ) from None
    return {name: len(table["rows"]) for name, table in data.items()}
