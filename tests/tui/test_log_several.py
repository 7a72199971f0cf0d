"""The log and meeting forms with several people, typed and completed by keys."""

from __future__ import annotations

import pendulum
from textual.widgets import Input, Static

from helpers.people import person
from helpers.tui import Host, settle, small_network, until
from netkeep.core import interactions, thanks_due
from netkeep.store.models import Interaction
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.forms.meeting import MeetingForm
from netkeep.tui.panes.letters import ThanksPane


async def test_the_log_form_takes_a_second_name_completed_by_keys(db, db_path, no_card_delay):
    people = small_network()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape", "end")  # Jane, last on the list
        await settle(app, pilot)
        await pilot.press("2", "l")  # into her contact, where l logs
        await until(lambda: isinstance(app.screen, InteractionForm))
        form = app.screen
        await until(lambda: form.query_one("#f-who", Input).suggester is not None)
        await pilot.press(*"lunch")
        await pilot.press("shift+tab", "end", "comma", "space", "c", "a")
        await settle(app, pilot)  # the completion is worked out in a worker
        await pilot.press("right")  # takes the completion
        assert form.query_one("#f-who", Input).value == "Jane Doe, Carol Reyes"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, InteractionForm)
    [entry] = [e for e in interactions.timeline_for(people["carol"]) if e.summary == "lunch"]
    assert [c for c, _ in entry.contacts] == [people["jane"], people["carol"]]
    assert interactions.timeline_for(people["jane"])[0].id == entry.id


async def test_the_log_form_names_the_unknown_person_and_saves_nothing(db, db_path, no_card_delay):
    small_network()
    before = Interaction.select().count()
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape", "end")
        await settle(app, pilot)
        await pilot.press("2", "l")
        await until(lambda: isinstance(app.screen, InteractionForm))
        form = app.screen
        form.query_one("#f-who", Input).value = "Jane Doe, Zed Nobody"
        form.query_one("#f-summary", Input).value = "lunch"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(form.query_one("#error-who", Static).render())
        assert message == "No contact is called 'Zed Nobody'; add them first."
        form.query_one("#f-who", Input).value = "Jane Doe, jane doe"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Jane Doe is named twice" in str(form.query_one("#error-who", Static).render())
        await pilot.press("escape")
    assert Interaction.select().count() == before


async def test_a_meeting_with_two_people_gives_each_a_thank_you(db, frozen):
    li, jane = person("Li Wei"), person("Jane Roe")
    app = Host(ThanksPane, li)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await until(lambda: isinstance(app.screen, MeetingForm))
        who = app.screen.query_one("#f-who", Input)
        who.value = "Li Wei, Jane Roe"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, MeetingForm)
    due, total = thanks_due.thanks_due(pendulum.today().date(), limit=None)
    assert total == 2 and {t.contact_id for t in due} == {li, jane}
