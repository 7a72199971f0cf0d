"""The log form notes their news and an outreach awaiting a reply, by keys."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from helpers.tui import settle, small_network, until
from netkeep.core.contacts import get_card
from netkeep.store.models import Chase, ContactNews, Interaction
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.interaction import InteractionForm


async def open_log_form(app, pilot) -> InteractionForm:
    await settle(app, pilot)
    await pilot.press("slash", "escape", "end")  # Jane, last on the list
    await settle(app, pilot)
    await pilot.press("2", "l")
    await until(lambda: isinstance(app.screen, InteractionForm))
    return app.screen


async def test_the_log_form_notes_a_new_job_and_updates_the_card(db, db_path, no_card_delay):
    jane = small_network()["jane"]
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_log_form(app, pilot)
        await pilot.press(*"coffee news")
        form.query_one("#f-news", Select).value = "job"
        await pilot.pause()
        assert "Staff Engineer at Stripe" in form.query_one("#f-news_detail", Input).placeholder
        form.query_one("#f-news_detail", Input).value = "Principal Engineer at Initech"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, InteractionForm)
    card = get_card(jane)
    assert (card.company, card.title) == ("Initech", "Principal Engineer")
    assert "Stripe" in card.past_companies
    assert ContactNews.get().interaction_id == Interaction.select().order_by(Interaction.id.desc()).first().id


async def test_the_log_form_refuses_a_job_without_a_company_and_saves_nothing(db, db_path, no_card_delay):
    small_network()
    before = Interaction.select().count()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_log_form(app, pilot)
        await pilot.press(*"coffee")
        form.query_one("#f-news", Select).value = "job"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Where is the new job?" in str(form.query_one("#error-news_detail", Static).render())
        await pilot.press("escape")
    assert Interaction.select().count() == before and ContactNews.select().count() == 0


async def test_the_log_form_starts_a_chase_when_awaiting_their_reply(db, db_path, no_card_delay):
    jane = small_network()["jane"]
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log_form(app, pilot)
        await pilot.press(*"asked about the role")
        await pilot.click("#f-awaiting")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert [c.contact_id for c in Chase.select()] == [jane]
