"""A light read path for shell commands that must answer in a blink (``netkeep find``).

Importing peewee alone costs 40-70 ms, half of ``find``'s 150 ms budget, so this module
reads with the standard ``sqlite3`` module and one query. It only reads a database that
is already at the current schema version; anything else goes through
:func:`netkeep.store.database.open_database` first (which migrates it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netkeep.store import migrations, search
from netkeep.store.failures import is_read_only, translated

#: Separates several values packed into one column (emails, phones, tags).
SEPARATOR = "\x1f"

_SUMMARY = """
SELECT c.id, c.full_name, COALESCE(co.name, ''), c.title,
       (SELECT group_concat(value, char(31)) FROM (
            SELECT value FROM contact_method m WHERE m.contact_id = c.id AND m.kind = 'email'
            ORDER BY m.position, m.id)),
       (SELECT group_concat(value, char(31)) FROM (
            SELECT value FROM contact_method m WHERE m.contact_id = c.id AND m.kind = 'phone'
            ORDER BY m.position, m.id)),
       (SELECT group_concat(name, char(31)) FROM (
            SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id ORDER BY t.name)),
       c.how_met, i.full_name, c.notes, c.met_on, c.met_at, c.contact_type, c.linkedin_url,
       c.job_search, c.next_follow_up
FROM contact c
LEFT JOIN company co ON co.id = c.company_id
LEFT JOIN contact i ON i.id = c.introduced_by_id
WHERE {where}
ORDER BY {order}
"""


_BRIEF = """
SELECT c.id, c.full_name, COALESCE(co.name, ''), c.title,
       (SELECT value FROM contact_method m WHERE m.contact_id = c.id AND m.kind = 'email'
        ORDER BY m.position, m.id LIMIT 1),
       (SELECT group_concat(name, ' ') FROM (
            SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id ORDER BY t.name))
FROM contact c
LEFT JOIN company co ON co.id = c.company_id
WHERE {where}
ORDER BY {order}
"""


def connect(path: Path) -> sqlite3.Connection:
    """A connection to an up-to-date netkeep database (migrated first if needed); a missing
    file is refused, never created, and a read-only one is read as it is."""
    path = Path(path).expanduser()
    if path.is_file():
        with translated(path):
            if is_read_only(path):
                from urllib.parse import quote

                connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
            else:
                connection = sqlite3.connect(path)
            try:
                connection.execute("PRAGMA busy_timeout = 5000")
                if connection.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST:
                    return connection
            except BaseException:
                connection.close()
                raise
            connection.close()
    from netkeep.store.database import open_database  # peewee: only when the schema needs work

    open_database(path, create=False, write=False).close()
    return connect(path)


def contact_summaries(
    connection: sqlite3.Connection, found: list[str] | None, include_archived: bool
) -> list[tuple]:
    """The contacts matching every phrase of ``found`` (``store.search.phrases``), best first;
    everyone, by id, for None.

    Each row: id, name, company, title, emails, phones, tags (each packed with
    :data:`SEPARATOR`, or None), how_met, introducer's name, notes, met_on, met_at,
    contact_type, linkedin_url, job_search, next_follow_up.
    """
    return _read(connection, _SUMMARY, found, include_archived)


def contact_briefs(
    connection: sqlite3.Connection, found: list[str] | None, include_archived: bool
) -> list[tuple]:
    """Like :func:`contact_summaries`, but only id, name, company, title, first email and
    tags (space-separated): what one line of ``find`` shows."""
    return _read(connection, _BRIEF, found, include_archived)


def _read(
    connection: sqlite3.Connection, sql: str, found: list[str] | None, include_archived: bool
) -> list[tuple]:
    if found is None:
        where = "1" if include_archived else "+c.archived = 0"  # "+": a scan beats the index
        return connection.execute(sql.format(where=where, order="c.id")).fetchall()
    condition, order, params = search.ranking(found, include_archived=include_archived)
    return connection.execute(sql.format(where=condition, order=order), params).fetchall()
