"""The job-search view driven with keys alone."""

from __future__ import annotations

from helpers.tui import plain, settle, small_network, type_text
from netkeep.core import jobsearch
from netkeep.store.models import Company, Interaction, InteractionContact
from netkeep.tui.app import NetkeepApp
from netkeep.tui.views.jobsearch import JobsView


def targets_text(app) -> str:
    options = app.screen.query_one("#jobs-targets")
    return "\n".join(plain(options.get_option_at_index(i).prompt) for i in range(options.option_count))


def people_text(app) -> str:
    options = app.screen.query_one("#jobs-people")
    return "\n".join(plain(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def test_add_targets_rank_and_see_who_i_know(db, db_path):
    people = small_network()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert app.screen.query_one("#jobs-empty").display
        await pilot.press("g")
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("g")
        await type_text(pilot, "Stripe")
        await pilot.press("enter")
        await settle(app, pilot)
        assert [t.name for t in jobsearch.targets()] == ["Acme", "Stripe"]
        await pilot.press("down", "K")
        await settle(app, pilot)
        assert [t.name for t in jobsearch.targets()] == ["Stripe", "Acme"]
        await pilot.press("up")
        await settle(app, pilot)
        assert "Jane Doe" in people_text(app) and "works there" in people_text(app)
        await pilot.press("greater_than_sign")
        await settle(app, pilot)
        assert Company.get(Company.name == "Stripe").stage == "applied"
        assert "applied" in targets_text(app)
        # Enter on the target moves to the people; Enter on a person opens the contact.
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert app.selected_id == people["jane"]
        assert app.current_view == "contact"


async def test_share_news_logs_an_update_with_each_helper(db, db_path):
    people = small_network()
    jobsearch.add_target("Acme")  # Bob works there; Jane introduced him
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        before = Interaction.select().count()
        await pilot.press("u")
        await pilot.pause()
        form = app.screen
        assert "Bob Smith" in plain(form.query_one("#news-people").get_option_at_index(0).prompt) + plain(
            form.query_one("#news-people").get_option_at_index(1).prompt
        )
        await pilot.press("ctrl+a")
        await type_text(pilot, "Interview at Acme on Monday")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert Interaction.select().count() == before + 1
        news = Interaction.select().order_by(Interaction.id.desc()).first()
        assert news.kind == "update" and "Interview at Acme" in news.summary
        told = {
            row.contact_id
            for row in InteractionContact.select().where(InteractionContact.interaction == news)
        }
        assert told == {people["bob"], people["jane"]}


async def test_news_needs_text_and_people(db, db_path):
    small_network()
    jobsearch.add_target("Acme")
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        before = Interaction.select().count()
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#news-text").text = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Write the news" in str(app.screen.query_one("#error-news-text").content)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen.query_one(JobsView), JobsView)
        assert Interaction.select().count() == before
