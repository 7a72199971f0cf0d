"""Which contacts' cards the journal saw change after a given change (what phone sync pushes)."""

from __future__ import annotations

import json

from netkeep.store.models import database

#: Tables whose rows hang off one contact, and where the contact's id is in a row's old values.
_CHILDREN = {"contact_method": 1, "contact_detail": 1, "employment": 1, "contact_tag": 0}


def last_change() -> int:
    """The newest change's id (0 when there is none)."""
    return database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM change").fetchone()[0]


def contacts_touched_since(change_id: int) -> set[int]:
    """Ids of contacts whose row, methods, details, tags, jobs, company or tag names were
    written by a change after ``change_id`` (ids of contacts since deleted included)."""
    touched: set[int] = set()
    inserted: dict[str, list[int]] = {}
    companies, tags = [], []
    rows = database.execute_sql(
        "SELECT tbl, row_id, old FROM change_row WHERE change_id > ? AND tbl IN"
        " ('contact', 'contact_method', 'contact_detail', 'employment', 'contact_tag', 'company', 'tag')",
        (change_id,),
    )
    for table, row_id, old in rows:
        if table == "contact":
            touched.add(row_id)
        elif table == "company":
            companies.append(row_id)
        elif table == "tag":
            tags.append(row_id)
        elif old is not None:
            touched.add(json.loads(old)[_CHILDREN[table]])
        else:
            inserted.setdefault(table, []).append(row_id)
    for table, row_ids in inserted.items():
        touched |= _ids(f'SELECT contact_id FROM "{table}" WHERE rowid IN', row_ids)
    touched |= _ids("SELECT id FROM contact WHERE company_id IN", companies)
    touched |= _ids("SELECT contact_id FROM contact_tag WHERE tag_id IN", tags)
    return touched


def _ids(query: str, keys: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found |= {row[0] for row in database.execute_sql(f"{query} ({marks})", chunk)}
    return found
