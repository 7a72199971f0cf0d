"""Keys that remove something ask first; the keyboard gets out of an editor with Esc."""

from __future__ import annotations

import pytest

from helpers.tui import list_names, settle
from netkeep.core import contacts, jobsearch
from netkeep.tui.app import NetkeepApp
from netkeep.tui.screens.confirm import ConfirmScreen

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")


async def test_archive_asks_first_and_n_keeps_the_contact(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(network["carol"])
        await pilot.press("2")  # into her contact, where the contact's keys work
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Archive Carol Reyes?" in str(app.screen.query_one("#question").content)
        await pilot.press("n")
        await settle(app, pilot)
        assert not contacts.get_card(network["carol"]).archived
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert contacts.get_card(network["carol"]).archived
        assert "Carol Reyes" not in list_names(app)


async def test_dropping_a_target_asks_first(network, db_path):
    jobsearch.add_target("Stripe")
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Drop Stripe" in str(app.screen.query_one("#question").content)
        await pilot.press("escape")
        await settle(app, pilot)
        assert [t.name for t in jobsearch.targets()] == ["Stripe"]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert jobsearch.targets() == []
