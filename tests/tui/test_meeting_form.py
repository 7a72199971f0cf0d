"""The log-meeting form: from a pane and from the app, bad input, other people, the commitment lines."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from helpers.people import person
from helpers.tui import Host, settle
from netkeep.core import meetings
from netkeep.store.models import Interaction, ThankYouDraft
from netkeep.tui.panes.letters import ThanksPane
from netkeep.tui.panes.prep import PrepPane
from netkeep.tui.panes.reflection import ReflectPane


async def test_log_meeting_form(db):
    jane = person("Jane Doe")
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#f-when", Input).value = "yesterday"
        screen.query_one("#f-where", Input).value = "Blue Bottle"
        screen.query_one("#f-points", TextArea).text = "- payments\n- hiring"
        screen.query_one("#f-advice", TextArea).text = "tailor the resume"
        screen.query_one("#f-commitments", TextArea).text = "send my portfolio by friday\nthem: intro to Ann"
        await pilot.click("#f-resume")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea).text
    meeting = meetings.latest_meeting(jane)
    assert meeting.kind == "informational interview" and meeting.location == "Blue Bottle"
    assert meeting.resume_advice is True
    assert [(c.owner, c.text, c.due_on is not None) for c in meeting.commitments] == [
        ("me", "send my portfolio", True),
        ("them", "intro to Ann", False),
    ]
    assert "payments" in body and "resume" in body and "send my portfolio" in body


async def test_log_meeting_form_reports_bad_input(db):
    jane = person("Jane Doe")
    app = Host(ReflectPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#f-when", Input).value = "the day after never"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#error-when", Static).render())
        await pilot.press("escape")
    assert Interaction.select().count() == 0
    assert ThankYouDraft.select().count() == 0


async def test_log_meeting_form_for_someone_else_and_unknown_names(db):
    jane, bob = person("Jane Doe"), person("Bob Smith")
    app = Host(PrepPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        who = app.screen.query_one("#f-who", Input)
        who.value = "Nobody Known"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#error-who", Static)
        assert "No contact is called 'Nobody Known'" in str(error.render())
        who.value = "bob smith"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert meetings.latest_meeting(bob) is not None
    assert meetings.latest_meeting(jane) is None


async def test_m_in_the_app_logs_a_meeting_that_the_panes_then_show(db, db_path, no_card_delay):
    from helpers.tui import small_network
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.forms.meeting import MeetingForm

    jane = small_network()["jane"]
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape", "end")  # Jane, last on the list
        await settle(app, pilot)
        await pilot.press("2", "t")  # into her contact, the thank-you for her last coffee
        await settle(app, pilot)
        assert "robotics" not in app.screen.query_one("#thanks-body", TextArea).text
        await pilot.press("escape", "m")  # out of the letter, where m logs a meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        app.screen.query_one("#f-points", TextArea).text = "- robotics at Stripe"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "robotics at Stripe" in app.screen.query_one("#thanks-body", TextArea).text
    assert meetings.latest_meeting(jane).points == "- robotics at Stripe"


def test_commitment_lines_of_the_form():
    from netkeep.core.meetings import parse_commitments

    with meetings.pendulum.travel_to(meetings.pendulum.datetime(2026, 3, 4, 12), freeze=True):
        items = parse_commitments(
            "- send deck by friday\nthem: intro to Ann\nI: stand by my word\n\n"
            "me: call back by the end of never"
        )
    assert [(i.owner, i.text, i.due_on) for i in items] == [
        ("me", "send deck", meetings.pendulum.date(2026, 3, 6)),
        ("them", "intro to Ann", None),
        ("me", "stand by my word", None),
        ("me", "call back by the end of never", None),
    ]
