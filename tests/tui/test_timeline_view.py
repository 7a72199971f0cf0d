"""The timeline view in the app: newest first by week, the activity sparkline, paging older entries."""

from __future__ import annotations

import pytest

from helpers.tui import plain, settle, until
from netkeep.core import interactions
from netkeep.tui.app import NetkeepApp

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")  # cards load as soon as the cursor moves


async def test_views_and_timeline(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        assert app.current_view == "timeline"
        pages = app.screen.query(".timeline-page")
        text = "".join(plain(page.content) for page in pages)
        assert text.index("payments infra") < text.index("asked for my resume") < text.index("alumni mixer")
        assert text.count("Week of ") == 3
        assert "Bob Smith" in text and "reply owed" in text
        sparkline = app.screen.query_one("#activity")
        assert len(sparkline.data) == 52 and sum(sparkline.data) == 3
        await pilot.press("2")
        await pilot.pause()
        assert app.current_view == "contact"


async def test_timeline_pages_older_entries_without_repeating_weeks(network, db_path, monkeypatch):
    import pendulum

    from netkeep.core.records import InteractionInput
    from netkeep.tui.views import timeline as timeline_view

    monkeypatch.setattr(timeline_view, "PAGE", 4)
    now = pendulum.now("UTC")
    for day in range(10):  # five at one moment, five at another: pages of 4 split them
        interactions.log_interaction(
            InteractionInput(
                contact_ids=(network["bob"],),
                kind="note",
                summary=f"note {day}",
                occurred_at=now.subtract(days=60 + 10 * (day // 5)),
            )
        )
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        view = app.screen.query_one(timeline_view.TimelineView)
        await until(lambda: view.exhausted)  # it reads older pages until none is left
        await settle(app, pilot)
        assert view.count == 13 and view.exhausted
        text = "".join(plain(page.content) for page in app.screen.query(".timeline-page"))
        weeks = {timeline_view.week_heading(e.occurred_at) for e in interactions.network_timeline(limit=50)}
        assert sorted(line for line in text.splitlines() if line.startswith("Week of")) == sorted(weeks)
        assert [f"note {day}" in text for day in range(10)] == [True] * 10
