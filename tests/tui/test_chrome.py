"""The one-widget title line, key bar and tab strip, through Pilot."""

from __future__ import annotations

from helpers.tui import settle
from netkeep.tui.app import NetkeepApp
from netkeep.tui.widgets.key_bar import KeyBar
from netkeep.tui.widgets.tab_strip import TabStrip
from netkeep.tui.widgets.title_bar import TitleBar

SIZE = (120, 40)


def bar_text(app: NetkeepApp) -> str:
    return app.query_one(KeyBar).render().plain


async def test_key_bar_follows_the_focus_and_a_click_presses_the_key(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = bar_text(app)
        assert "l Log" in text and "x Done" in text  # the agenda has the focus
        assert text.rstrip().endswith("^p palette")
        await pilot.press("2")
        await settle(app, pilot)
        assert "Snooze" not in bar_text(app)
        bar = app.query_one(KeyBar)
        start = bar.render().plain.index("? Help")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"


async def test_title_shows_the_agenda_counts(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        title = app.query_one(TitleBar).render().plain
        assert "netkeep" in title and app.sub_title and app.sub_title in title


async def test_tab_strip_switches_panes_by_key_and_click(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        strip = app.query_one(TabStrip)
        strip.focus()
        await pilot.press("right")
        await settle(app, pilot)
        view = app.contact_view
        assert strip.active == "tab-followups"
        assert app.query_one("#tab-followups").display and not app.query_one("#tab-card").display
        assert set(view.panes) == {"tab-followups"}
        assert view.shown_in_pane["tab-followups"] == app.selected_id
        await pilot.press("left", "left")  # wraps round to the last tab
        await settle(app, pilot)
        assert strip.active == "tab-prep"
        start = strip.render().plain.index("Card")
        await pilot.click(TabStrip, offset=(start, 0))
        await settle(app, pilot)
        assert strip.active == "tab-card" and app.query_one("#tab-card").display
        assert not app.query_one("#tab-followups").display and not app.query_one("#tab-prep").display


async def test_two_again_goes_back_to_the_card(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.query_one(TabStrip).active == "tab-reflect"
        await pilot.press("2")
        await settle(app, pilot)
        assert app.query_one(TabStrip).active == "tab-card"
        assert app.current_view == "contact"


async def test_key_bar_shows_a_key_tooltip_on_hover(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        bar = app.query_one(KeyBar)
        start = bar.render().plain.index("^n Capture")
        await pilot.hover(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert bar.tooltip == "Quick capture someone you just met, from anywhere"


async def test_a_click_on_the_title_icon_opens_the_command_palette(network, db_path):
    from textual.command import CommandPalette

    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
