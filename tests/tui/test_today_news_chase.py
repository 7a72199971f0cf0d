"""Today's "Their news" and "To chase" sections, driven by keys."""

from __future__ import annotations

import pendulum
from textual.widgets import Input

from helpers.people import log, person
from helpers.tui import Host, settle, until
from netkeep.core import their_news
from netkeep.core.interactions import timeline_for
from netkeep.store.models import Chase, ContactNews
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.views.agenda import TodayView


def lines(app) -> list[str]:
    return [line.text.plain for line in app.query_one(TodayView).lines]


async def test_their_news_is_suggested_with_a_note_logged_and_done(db, frozen):
    jane = person("Jane Roe")
    their_news.record_news(jane, "move", "Lisbon")
    app = Host(TodayView)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app)[:2] == ["Their news (1)", "Jane Roe  moved: Lisbon — congratulate them"]
        assert app.header == "Today: news from 1"
        await pilot.press("l")
        await until(lambda: isinstance(app.screen, InteractionForm))
        note = app.screen.query_one("#f-summary", Input).value
        assert note == "I heard you moved to Lisbon, Jane. How are you settling in?"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [e.summary for e in timeline_for(jane)] == [note]
        await pilot.press("x", "enter")  # done, nothing more to log
        await settle(app, pilot)
        assert ContactNews.get().done_at is not None
        assert app.header == "Today: nothing due"


async def test_a_reply_they_owe_is_chased_through_someone_else_there(db, frozen):
    jane = person("Jane Roe", company="Stripe")
    person("Bob Smith", company="Stripe")
    log(jane, "email", "asked about the platform team", direction="out", awaiting_reply=True)
    frozen.travel_to(pendulum.datetime(2026, 3, 5, 10))  # Thursday: 3 business days
    app = Host(TodayView)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app)[0] == "To chase (1)"
        assert lines(app)[1].startswith("Bob Smith  also at Stripe: Jane Roe has not replied")
        assert app.header == "Today: 1 to chase"
        await pilot.press("x", "enter")  # reached Bob some other way
        await settle(app, pilot)
        assert Chase.get().other_done_at is not None and Chase.get().ended_at is None
        assert app.header == "Today: nothing due"
