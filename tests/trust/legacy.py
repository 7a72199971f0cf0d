"""A database holding the hostile corpus as an older netkeep (or another program) could have
left it: control characters and all, written straight into the tables."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pendulum

from netkeep.core import contacts, interactions
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.store.database import open_database
from trust.corpus import CORPUS, SURROGATE


def storable_names(names) -> list[str]:
    """The corpus strings SQLite can hold (not the ones that are not valid Unicode)."""
    return [name for name in names if not SURROGATE.search(CORPUS[name])]


def hostile_network(db: Path, names) -> dict[str, int]:
    """One contact per string (name, title and notes are the string), due for a follow-up
    today, with an owed reply whose summary is the string; their ids by string name."""
    database = open_database(db)
    ids: dict[str, int] = {}
    try:
        for number, name in enumerate(names):
            ids[name] = contacts.create_contact(
                ContactInput(full_name=f"Placeholder {number}", next_follow_up=pendulum.today().date())
            )
            interactions.log_interaction(
                InteractionInput(
                    contact_ids=(ids[name],),
                    kind="email",
                    direction="in",
                    summary="placeholder",
                    reply_owed=True,
                )
            )
    finally:
        database.close()
    with closing(sqlite3.connect(db)) as connection, connection:
        for name, contact_id in ids.items():
            text = CORPUS[name]
            connection.execute(
                "UPDATE contact SET full_name = ?, title = ?, notes = ? WHERE id = ?",
                (text, text, text, contact_id),
            )
            connection.execute(
                "UPDATE interaction SET summary = ? WHERE id IN "
                "(SELECT interaction_id FROM interaction_contact WHERE contact_id = ?)",
                (text, contact_id),
            )
    return ids
