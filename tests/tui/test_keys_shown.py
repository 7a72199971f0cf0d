"""The key bar and ? help show only the keys that do something right now; help scrolls."""

from __future__ import annotations

import pytest

from helpers.people import person
from helpers.tui import settle
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.contact import ContactForm
from netkeep.tui.screens.help import HelpScreen
from netkeep.tui.widgets.key_bar import KeyBar

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")


def bar(app: NetkeepApp) -> str:
    return app.query_one(KeyBar).render().plain


async def help_text(app: NetkeepApp, pilot) -> str:
    """What ? lists here (then closes it again)."""
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    listed = " | ".join(f"{keys} {description}" for keys, description, _tooltip in app.screen.keys)
    await pilot.press("escape")
    await pilot.pause()
    return listed


async def test_an_empty_today_offers_no_log_snooze_or_done(db, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.focused is app.query_one("#today")
        for shown in (bar(app), await help_text(app, pilot)):
            assert "Snooze" not in shown and "Done" not in shown and "Log" not in shown
            assert "Capture" in shown and "New" in shown


async def test_the_letter_keys_only_where_there_is_a_meeting(db, db_path):
    person("Bob Smith")
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("t")  # Bob's thank-you tab: no meeting, so no letter
        await settle(app, pilot)
        assert app.contact_view.active_tab == "tab-thanks"
        for shown in (bar(app), await help_text(app, pilot)):
            for key in ("Tone", "Copy", "Mail app", "Mark sent", "Save .eml", "Reopen"):
                assert key not in shown, key
            assert "Log meeting" in shown


async def test_under_an_open_form_only_the_form_keys_show(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "n New" in bar(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        shown = bar(app)
        assert "Save" in shown and "Cancel" in shown
        assert "New" not in shown and "Edit" not in shown and "Log" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert "n New" in bar(app)


async def test_on_the_list_the_letter_keys_are_not_offered(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape")  # the list
        await settle(app, pilot)
        shown = bar(app)
        assert "New" not in shown and "Edit" not in shown  # letters filter here
        assert "Capture" in shown and "Help" in shown
        listed = await help_text(app, pilot)
        assert "Archive" not in listed and "Clear filter" not in listed  # nothing to clear


async def test_help_scrolls_with_the_usual_keys(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        scroll = app.screen.query_one("#help-scroll")
        assert app.focused is scroll and scroll.max_scroll_y > 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 2
        await pilot.press("home", "down")
        await pilot.pause()
        assert scroll.scroll_y == 1
