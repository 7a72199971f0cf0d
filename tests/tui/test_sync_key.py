"""The app's sync (S, and the palette): it runs in a worker, reports each side's changes,
and shows what came from the phone; unset, it says how to set it up."""

from __future__ import annotations

from helpers.people import person
from helpers.tui import list_names, notifications, settle, until
from netkeep.tui.app import NetkeepApp

SIZE = (120, 40)
CARD = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:p1\r\nFN:Bo Chen\r\nEND:VCARD\r\n"


async def test_s_syncs_both_ways_and_lists_what_came_in(db, db_path, tmp_path):
    person("Ana Silva")
    folder = tmp_path / "phone-contacts"
    folder.mkdir()
    (folder / "p1.vcf").write_text(CARD)
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text(f'[sync]\ncontacts = "{folder}"\n')
    app = NetkeepApp(db_path, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "reminders not installed" in app.title
        said = notifications(app)
        await pilot.press("S")
        await until(lambda: any(n.startswith("contacts (") for n in said), timeout=20)
        await settle(app, pilot)
        report = next(n for n in said if n.startswith("contacts ("))
        assert "in netkeep: 1 added" in report and "in the folder: 1 added" in report
        await until(lambda: "Bo Chen" in list_names(app), timeout=10)
    assert len(list(folder.glob("*.vcf"))) == 2


async def test_sync_unset_says_how_to_set_it_up(db, db_path, tmp_path):
    app = NetkeepApp(db_path, tmp_path / "no-config")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.title == "netkeep"
        said = notifications(app)
        await pilot.press("S")
        await settle(app, pilot)
        assert said[-1].startswith("Nothing to sync yet")
