"""Contacts as flat rows for the shell (``netkeep find``) and scripts.

Built for speed at 30,000 contacts: one query through the light read path in
``store.shell_read`` (no peewee, pendulum or Textual import), tuples instead of model
objects, and named tuples instead of dataclasses (30,000 of them build in milliseconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from netkeep.core.errors import NetkeepError
from netkeep.store import shell_read
from netkeep.store.failures import translated

#: The most different words one search takes: SQLite nests a condition per word, and about
#: a thousand overflow it.
MAX_WORDS = 100


class ContactSummary(NamedTuple):
    """One contact as ``find`` shows it."""

    id: int
    name: str
    company: str
    title: str
    emails: list[str]
    phones: list[str]
    tags: list[str]
    how_met: str
    introduced_by: str | None
    notes: str
    met_on: str | None
    met_at: str
    contact_type: str
    linkedin_url: str
    job_search: bool
    next_follow_up: str | None

    def as_json(self) -> dict:
        return self._asdict()


def _split(packed: str | None) -> list[str]:
    return packed.split(shell_read.SEPARATOR) if packed else []


class ContactBrief(NamedTuple):
    """What one line of ``find`` shows."""

    id: int
    name: str
    company: str
    title: str
    email: str | None
    tags: str | None  # space-separated


def _read(db_path: Path, text: str, include_archived: bool, query) -> list[tuple]:
    words = list(dict.fromkeys(text.casefold().split()))
    if len(words) > MAX_WORDS:
        raise NetkeepError(f"too many words to search for ({len(words)}; at most {MAX_WORDS})")
    connection = shell_read.connect(db_path)
    try:
        with translated(db_path):
            rows = query(connection, words, include_archived)
    finally:
        connection.close()
    rows.sort(key=lambda row: (row[1].casefold(), row[0]))  # Python: SQLite's lower() is ASCII-only
    return rows


def find_briefly(db_path: Path, text: str, *, include_archived: bool = False) -> list[ContactBrief]:
    """Like :func:`find_contacts`, with only what fits on one line (faster for long lists)."""
    return [
        ContactBrief._make(row) for row in _read(db_path, text, include_archived, shell_read.contact_briefs)
    ]


def find_contacts(db_path: Path, text: str, *, include_archived: bool = False) -> list[ContactSummary]:
    """Contacts whose name, company, title, tags, notes, how met or email hold every word of
    ``text`` (case-insensitive), sorted by name; everyone for empty text."""
    rows = _read(db_path, text, include_archived, shell_read.contact_summaries)
    return [
        ContactSummary(
            cid,
            name,
            company,
            title,
            _split(emails),
            _split(phones),
            _split(tags),
            how_met,
            intro,
            notes,
            met_on,
            met_at,
            contact_type,
            linkedin,
            bool(job_search),
            follow_up,
        )
        for (
            cid,
            name,
            company,
            title,
            emails,
            phones,
            tags,
            how_met,
            intro,
            notes,
            met_on,
            met_at,
            contact_type,
            linkedin,
            job_search,
            follow_up,
        ) in rows
    ]
