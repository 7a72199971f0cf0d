"""Small traps a new user met: people added from Reflect, the log form's default kind."""

from __future__ import annotations

import pendulum
import pytest

from helpers.tui import list_names, settle, type_text
from netkeep.core import interactions
from netkeep.core.thanks_due import thanks_due
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.interaction import InteractionForm

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")


async def test_people_added_from_reflect_are_listed_at_once(jane_meeting, db_path):
    jane, _mid = jane_meeting
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(jane)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("a")
        await type_text(pilot, "Ann Lee, Bo Chen")
        await pilot.press("enter")
        await settle(app, pilot)
        assert {"Ann Lee", "Bo Chen"} <= set(list_names(app))


async def test_the_log_form_logs_a_note_unless_told_otherwise(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(network["carol"])
        await pilot.press("2", "l")
        await pilot.pause()
        assert isinstance(app.screen, InteractionForm)
        await type_text(pilot, "sent her the article")
        await pilot.press("enter")
        await settle(app, pilot)
    assert interactions.timeline_for(network["carol"])[0].kind == "note"
    due, _count = thanks_due(pendulum.today().date(), limit=None)
    assert network["carol"] not in [item.contact_id for item in due]  # no bogus thank-you due
