"""Start-up fast paths give the same results as the plain ones."""

from __future__ import annotations

import threading

from helpers.people import person
from netkeep.core import contacts


def test_first_page_matches_the_full_list_with_archived_contacts_in_the_way(db):
    names = ["ann Lee", "Bob Smith", "carl Diaz", "Dana Wu", "Eve Ng", "fay Roe", "Gus Poe"]
    ids = {name: person(name, company="Acme", tags=("python", "pycon")) for name in names}
    for name in ("ann Lee", "Bob Smith", "carl Diaz"):  # more archived than the margin of candidates
        contacts.set_archived(ids[name])
    listed = contacts.list_rows()
    assert [row.name for row in listed] == ["Dana Wu", "Eve Ng", "fay Roe", "Gus Poe"]
    for limit in (1, 2, 3, 4, 10):
        assert contacts.list_rows(limit=limit) == listed[:limit]
    archived = contacts.list_rows(archived=True)
    assert [row.name for row in archived] == ["ann Lee", "Bob Smith", "carl Diaz"]
    assert contacts.list_rows(archived=True, limit=2) == archived[:2]


def test_list_order_is_the_name_without_ascii_case_then_the_id(db):
    """The first page (read in index order) and the whole list (matched up in Python) agree.

    SQLite's LOWER() folds only ASCII letters: "Émile" and "émile" differ, "ann"
    and "ANN" are equal and keep the order they were added in.
    """
    names = [
        "Zoë Kim",
        "ANN Lee",
        "émile Roux",
        "bob Stone",
        "Ann Lee",
        "Émile Roux",
        "Ölaf Berg",
        "ann lee",
        "Bob Stone",
        "zed Cole",
        "Anna Lee",
    ]
    ids = [person(name) for name in names]
    listed = contacts.list_rows()
    assert [row.name for row in listed] == [
        "ANN Lee",
        "Ann Lee",
        "ann lee",
        "Anna Lee",
        "bob Stone",
        "Bob Stone",
        "zed Cole",
        "Zoë Kim",
        "Émile Roux",
        "Ölaf Berg",
        "émile Roux",
    ]
    ascii_lower = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    by_rule = sorted(zip(names, ids, strict=True), key=lambda pair: (pair[0].translate(ascii_lower), pair[1]))
    assert [row.id for row in listed] == [contact_id for _, contact_id in by_rule]
    for limit in range(1, len(names) + 1):
        assert contacts.list_rows(limit=limit) == listed[:limit]
    for row in listed:
        assert contacts.get_row(row.id) == row
    assert contacts.get_row(max(ids) + 1) is None
    # After an edit the app re-sorts in Python: the same order, not a casefolded one.
    assert contacts.sort_rows(list(reversed(listed)), "name") == listed


async def test_typing_and_backspacing_in_the_filter_match_a_fresh_filter(db, db_path):
    from helpers.tui import list_names, settle, small_network, type_text
    from netkeep.tui.app import NetkeepApp

    small_network()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        seen = []
        for step in ("r", "e", "c", "backspace", "backspace", "backspace", "a", "l"):
            await (type_text(pilot, step) if len(step) == 1 else pilot.press(step))
            text = app.contact_list.query_one("#filter").value
            rows = {row.id: row for row in contacts.list_rows()}
            expected = [row.name for row in contacts.filter_rows(rows, text)]
            assert list_names(app) == expected
            seen.append((text, expected))
        assert seen[2] == ("rec", ["Bob Smith"])  # his title, Recruiter
        assert seen[3][0] == "re" and set(seen[3][1]) == {"Bob Smith", "Carol Reyes"}
        assert seen[-1][0] == "al" and seen[-1][1][0] == "Jane Doe"  # alumni, on her card
        # A contact written while the filter is on shows up (the kept matches are dropped).
        person("Ali Khan", notes="alumni")
        app.contact_list.reload()
        await settle(app, pilot)
        assert list_names(app)[:2] == ["Ali Khan", "Jane Doe"]  # his name first


def test_the_list_is_read_without_sqlite_sorting_rows(db):
    """The name index (steps 6-7) gives the order: no statement of the list sorts in a temporary B-tree."""
    person("Ann Lee", company="Acme")
    person("bob Stone")
    statements = []
    db.connection().set_trace_callback(statements.append)
    try:
        contacts.list_rows(limit=1)
        contacts.list_rows()
    finally:
        db.connection().set_trace_callback(None)
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2  # the first page, then the whole list
    for sql in selects:
        plan = " | ".join(row[-1] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall())
        assert "TEMP B-TREE" not in plan, plan
    assert any(
        "contact_archived_lower_full_name" in row[-1]
        for row in db.execute_sql(f"EXPLAIN QUERY PLAN {selects[0]}").fetchall()
    )


async def test_the_list_is_complete_once_every_row_is_loaded(db, db_path, monkeypatch):
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.views import contacts as contact_list

    for name in ("Ann Lee", "Bob Stone", "Cy Young"):
        person(name)
    monkeypatch.setattr(contact_list, "FIRST_PAGE", 2)
    release = threading.Event()
    list_rows = contacts.list_rows

    def held_back(**kwargs):  # the whole list waits until the test has looked at the first page
        if kwargs.get("limit") is None:
            release.wait(10)
        return list_rows(**kwargs)

    monkeypatch.setattr(contacts, "list_rows", held_back)
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [row.name for row in app.contact_list.all_rows] == ["Ann Lee", "Bob Stone"]
        assert not app.contact_list.complete
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.contact_list.all_rows) == 3
        assert app.contact_list.complete


async def test_a_list_shorter_than_the_first_page_is_complete_at_once(db, db_path):
    from netkeep.tui.app import NetkeepApp

    person("Ann Lee")
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)):
        assert app.contact_list.complete
        assert [row.name for row in app.contact_list.all_rows] == ["Ann Lee"]


def test_the_main_app_module_leaves_the_agenda_and_toml_for_later():
    """Importing the app skips what its first frame does not need (the agenda loads in a worker)."""
    import subprocess
    import sys

    check = (
        "import sys, netkeep.tui.app; "
        "print(sorted(m for m in ('netkeep.core.agenda', 'netkeep.core.meetings', 'tomllib') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]"]
