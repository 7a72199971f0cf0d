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


async def test_typing_and_backspacing_in_the_filter_match_a_fresh_filter(db, db_path):
    from netkeep.tui.app import NetkeepApp
    from tui_helpers import list_names, settle, small_network, type_text

    small_network()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        seen = []
        for step in ("r", "u", "backspace", "e", "backspace", "backspace", "a", "l"):
            await (type_text(pilot, step) if len(step) == 1 else pilot.press(step))
            text = app.contact_list.query_one("#filter").value
            expected = [row.name for row in contacts.filter_rows(contacts.list_rows(), text)]
            assert list_names(app) == expected
            seen.append((text, expected))
        assert seen[1] == ("ru", ["Bob Smith", "Carol Reyes"])  # narrowed from "r" (all three)
        assert seen[-1] == ("al", ["Jane Doe"])
        # A contact written while the filter is on shows up (the kept matches are dropped).
        make("Ali Khan", notes="alumni")
        app.contact_list.reload()
        await settle(app, pilot)
        assert list_names(app) == ["Ali Khan", "Jane Doe"]
