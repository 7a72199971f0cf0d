"""Contacts as flat rows for the shell (``netkeep find``) and scripts.

Built for speed at 30,000 contacts: one query through the light read path in
``store.shell_read`` (no peewee, pendulum or Textual import), tuples instead of model
objects, and named tuples instead of dataclasses (30,000 of them build in milliseconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from netkeep.core.errors import NetkeepError
from netkeep.store import search, shell_read
from netkeep.store.failures import translated

#: The most different words one search takes.
MAX_WORDS = search.MAX_PHRASES


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
    """Rows of the contacts matching ``text`` (``store.search``), best first; everyone by name
    for empty text, and nobody for text with no letter or digit."""
    found = search.phrases(text) if text.split() else None
    if found is not None and len(found) > MAX_WORDS:
        raise NetkeepError(f"too many words to search for ({len(found)}; at most {MAX_WORDS})")
    if found == []:
        return []
    connection = shell_read.connect(db_path)
    try:
        with translated(db_path):
            rows = query(connection, found, include_archived)
    finally:
        connection.close()
    if found is None:
        rows.sort(key=lambda row: (row[1].casefold(), row[0]))  # Python: SQLite's lower() is ASCII-only
    return rows


def find_briefly(db_path: Path, text: str, *, include_archived: bool = False) -> list[ContactBrief]:
    """Like :func:`find_contacts`, with only what fits on one line (faster for long lists)."""
    return [
        ContactBrief._make(row) for row in _read(db_path, text, include_archived, shell_read.contact_briefs)
    ]


def find_contacts(db_path: Path, text: str, *, include_archived: bool = False) -> list[ContactSummary]:
    """Contacts with every word of ``text`` (from its start, case and accents aside) in their
    name, company, card or interactions, best first (``store.search``); everyone, by name,
    for empty text."""
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
