"""The app checks the database file once a day from a worker, and says when it is damaged;
a damaged page its first frame needs ends it with one line instead of a traceback."""

from __future__ import annotations

from helpers.people import person
from helpers.storage import zero_index_page
from helpers.tui import notifications, settle, until
from netkeep.core import backups
from netkeep.tui.app import NetkeepApp

SIZE = (120, 40)


async def test_a_damaged_file_is_said_and_not_backed_up(db, db_path):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path)
    app = NetkeepApp(db_path)
    said = notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: any("damaged" in message for message in said), timeout=10)
        await settle(app, pilot)
        assert app.is_running
    assert next(m for m in said if "damaged" in m).startswith("The database file is damaged (Page ")
    assert backups.listing(backups.folder(db_path)) == []


async def test_a_sound_file_is_checked_and_backed_up(db, db_path):
    person("Ada Lovelace")
    app = NetkeepApp(db_path)
    said = notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: backups.listing(backups.folder(db_path)), timeout=10)
        await settle(app, pilot)
    assert not [m for m in said if "damaged" in m]


async def test_a_damaged_page_the_first_frame_needs_ends_the_app_with_one_line(db, db_path):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path, "contact_archived_lower_full_name")  # the list's first screenful
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: not app.is_running, timeout=10)
        await pilot.pause()
    assert app.return_code == 1
