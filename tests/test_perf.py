"""Start-up fast paths give the same results as the plain ones."""

from __future__ import annotations

from netkeep.core import contacts
from netkeep.core.records import ContactInput


def make(name: str, **fields) -> int:
    return contacts.create_contact(ContactInput(full_name=name, **fields))


def test_first_page_matches_the_full_list_with_archived_contacts_in_the_way(db):
    names = ["ann Lee", "Bob Smith", "carl Diaz", "Dana Wu", "Eve Ng", "fay Roe", "Gus Poe"]
    ids = {name: make(name, company="Acme", tags=("python", "pycon")) for name in names}
    for name in ("ann Lee", "Bob Smith", "carl Diaz"):  # more archived than the margin of candidates
        contacts.set_archived(ids[name])
    listed = contacts.list_rows()
    assert [row.name for row in listed] == ["Dana Wu", "Eve Ng", "fay Roe", "Gus Poe"]
    for limit in (1, 2, 3, 4, 10):
        assert contacts.list_rows(limit=limit) == listed[:limit]
    archived = contacts.list_rows(archived=True)
    assert [row.name for row in archived] == ["ann Lee", "Bob Smith", "carl Diaz"]
    assert contacts.list_rows(archived=True, limit=2) == archived[:2]
    assert set(contacts.list_rows(limit=1)[0].tags.split()) == {"python", "pycon"}
