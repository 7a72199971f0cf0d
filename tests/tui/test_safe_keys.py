"""Keys that remove something ask first; the keyboard gets out of an editor with Esc."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from helpers.tui import list_names, settle, until
from netkeep.core import contacts, jobsearch, letters
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


async def test_esc_leaves_the_letter_so_r_opens_reflect(jane_meeting, db_path):
    jane, mid = jane_meeting
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(jane)
        await pilot.press("t")
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        assert app.focused is body
        text = body.text
        await pilot.press("escape", "r")
        await settle(app, pilot)
        assert app.contact_view.active_tab == "tab-reflect"
        assert body.text == text and letters.get_draft(mid) is None


@pytest.mark.parametrize("field", ["#prep-next", "#reflect-note"])
async def test_esc_leaves_every_text_field_of_a_pane(jane_meeting, db_path, field):
    jane, _mid = jane_meeting
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(jane)
        await pilot.press("p" if field == "#prep-next" else "r")
        await settle(app, pilot)
        if field == "#prep-next":
            await pilot.press("tab")  # from the brief to the next step
        else:
            await pilot.press("enter")  # a note on the first question
        await settle(app, pilot)
        assert app.focused is app.screen.query_one(field)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.focused is not app.screen.query_one(field)
        await pilot.press("f")  # the app's keys work again
        await settle(app, pilot)
        assert app.contact_view.active_tab == "tab-followups"


async def test_a_sent_letter_is_read_only_until_reopened(jane_meeting, db_path):
    jane, mid = jane_meeting
    letters.save_draft(mid, "Thanks!", "Hi Jane, thank you.")
    letters.mark_sent(mid)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(jane)
        await pilot.press("t")
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        assert body.read_only and "ctrl+r reopens it" in str(app.screen.query_one("#thanks-status").content)
        body.focus()
        await pilot.press("x", "r")  # typed into nothing: r is the Reflect tab
        await settle(app, pilot)
        assert app.contact_view.active_tab == "tab-reflect"
        assert letters.get_draft(mid).body == "Hi Jane, thank you."
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("ctrl+r")  # reopened: the letter takes typing again
        await pilot.press("end", *"!")
        await until(lambda: letters.get_draft(mid).body == "Hi Jane, thank you.!", timeout=5)
        assert letters.get_draft(mid).status == "sent"  # it stays marked sent
