"""The app as a whole through Pilot: help, the command palette, quick capture, remapped keys,
a broken config, a database it cannot open, the contact's panes."""

from __future__ import annotations

import pytest

from helpers.tui import card_text, highlighted_command, list_names, notifications, settle, type_text, until
from netkeep.core import contacts
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.contact import ContactForm
from netkeep.tui.screens.help import HelpScreen

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")  # cards load as soon as the cursor moves


async def test_help_lists_the_keys_that_work_now(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {description: keys for keys, description, _tooltip in app.screen.keys}
        for description in ("New", "Edit", "Log", "Archive", "Delete", "Sort", "Timeline", "Capture"):
            assert description in described, description
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_opens_a_contact_by_name(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "open jane")
        await until(lambda: highlighted_command(app) == "contact: Open Jane Doe")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.selected_id == network["jane"]
        assert "Jane Doe" in card_text(app)


async def test_quick_capture_from_anywhere(network, db_path):
    from netkeep.tui.capture import CaptureScreen

    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")  # even while typing in the filter
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        await type_text(pilot, "Quinn Park")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, CaptureScreen)
        [quinn] = contacts.search("quinn park")
        assert app.selected_id == quinn
        assert "Quinn Park" in list_names(app)
        assert "Quinn Park" in card_text(app)


async def test_keys_can_be_remapped_in_the_config(db, db_path, tmp_path):
    config = tmp_path / "myconfig"
    config.mkdir()
    (config / "config.toml").write_text('[keys]\n"app.new" = "N"\n', encoding="utf-8")
    app = NetkeepApp(db_path, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ContactForm)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)


async def test_a_broken_config_is_reported_and_the_app_still_works(db, db_path, tmp_path):
    config = tmp_path / "broken"
    config.mkdir()
    (config / "config.toml").write_text("[keys\n", encoding="utf-8")
    app = NetkeepApp(db_path, config)
    notes = notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert any("not valid TOML" in message for message in notes)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)


def test_run_app_reports_a_database_it_cannot_open(tmp_path, capsys):
    from netkeep.tui.run import run_app

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("this is not a database\n" * 100, encoding="utf-8")
    assert run_app(not_a_db) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkeep: cannot open") and "Traceback" not in err


async def test_contact_panes_are_mounted_on_first_visit_and_follow_the_selection(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.contact_view
        assert view.has_tab("tab-thanks") and view.panes == {}
        await pilot.press("t")
        await settle(app, pilot)
        assert app.current_view == "contact"
        assert app.query_one("#contact-tabs").active == "tab-thanks"
        assert set(view.panes) == {"tab-thanks"}
        assert view.shown_in_pane["tab-thanks"] == app.selected_id
        app.open_contact(network["jane"])
        await settle(app, pilot)
        assert app.query_one("#contact-tabs").active == "tab-card"
        await pilot.press("r")
        await settle(app, pilot)
        assert view.shown_in_pane["tab-reflect"] == network["jane"]
