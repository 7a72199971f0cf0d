"""The Today view, driven by keys alone in a small host app."""

from __future__ import annotations

from datetime import date

import pendulum
from textual.app import App
from textual.widgets import Input, Static

from helpers.people import person
from helpers.tui import Host, notifications, settle
from netkeep.core import interactions, reminders
from netkeep.core.records import InteractionInput
from netkeep.store.models import Contact, Interaction, ReferralLoop, Reminder
from netkeep.tui.views.agenda import EMPTY_TEXT, TodayView


def lines(app: App) -> list[str]:
    return [line.text.plain for line in app.query_one(TodayView).lines]


def highlighted(app: App) -> str:
    return app.query_one(TodayView).highlighted_key


async def test_empty_state(db, frozen):
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app) == [EMPTY_TEXT]
        assert app.header == "Today: nothing due"
        await pilot.press("x", "z", "l")  # nothing to act on: nothing happens
        assert len(app.screen_stack) == 1


async def test_sections_header_and_open_contact(db, frozen):
    jane = person("[b]Jane[/b]", contact_type="recruiter")
    sam = person("Sam Lee")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    reminders.add_reminder(sam, "today", "ask about the referral")
    interactions.log_interaction(
        InteractionInput((sam,), kind="email", direction="in", reply_owed=True, summary="coffee?")
    )
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shown = lines(app)
        assert shown[0] == "Overdue (1)" and shown[1].startswith("[b]Jane[/b]  keep in touch")
        assert shown[2] == "Due today (1)" and "ask about the referral" in shown[3]
        assert shown[4] == "Replies owed (1)"
        assert app.header == "Today: 2 due · 1 reply owed"
        assert highlighted(app) == f"follow-up-{jane}"
        await pilot.press("down", "enter")
        assert app.opened == [sam]


async def test_snooze_one_week_with_keys(db, frozen):
    sam = person("Sam Lee")
    rid = reminders.add_reminder(sam, "today", "send the article")
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("z", "down", "enter")  # second choice: 1 week
        await settle(app, pilot)
        assert Reminder.get_by_id(rid).due_on == date(2026, 3, 9)
        assert lines(app)[0] == "This week (1)"
        assert app.changes == [sam]


async def test_snooze_to_a_typed_past_date_is_refused(db, frozen):
    sam = person("Sam Lee")
    rid = reminders.add_reminder(sam, "today", "send the article")
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("z", "down", "down", "enter")  # "a date I type…"
        await pilot.press(*"yesterday", "enter")
        error = app.screen.query_one("#error-until", Static)
        assert "in the past" in str(error.render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(app.screen_stack) == 1
        assert Reminder.get_by_id(rid).due_on == date(2026, 3, 2)
        await pilot.press("z", "down", "down", "enter", *"friday", "enter")
        await settle(app, pilot)
        assert Reminder.get_by_id(rid).due_on == date(2026, 3, 6)


async def test_done_logs_in_the_same_step(db, frozen):
    sam = person("Sam Lee")
    rid = reminders.add_reminder(sam, "today", "send the article")
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("x", *"sent it", "enter")
        await settle(app, pilot)
        assert Reminder.get_by_id(rid).done_at is not None
        [entry] = interactions.timeline_for(sam)
        assert (entry.summary, entry.kind, entry.direction) == ("sent it", "message", "out")
        assert lines(app) == [EMPTY_TEXT]


async def test_done_without_logging_dismisses_an_owed_reply(db, frozen):
    sam = person("Sam Lee")
    owed = interactions.log_interaction(
        InteractionInput((sam,), kind="email", direction="in", reply_owed=True, summary="fyi")
    )
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert highlighted(app) == f"reply-{owed}"
        await pilot.press("x", "enter")
        await settle(app, pilot)
        assert Interaction.get_by_id(owed).reply_owed is False
        assert Interaction.select().count() == 1


async def test_log_closes_a_referral_loop(db, frozen):
    bob = person("Bob Smith")
    jane = person("Jane Doe", introduced_by_id=bob)
    interactions.log_interaction(InteractionInput((jane,), kind="coffee"))
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app)[0] == "Thank-yous due (1)"  # for the coffee with Jane
        assert lines(app)[2] == "Loops to close (1)"
        await pilot.press("down")
        assert highlighted(app).startswith("loop-")
        await pilot.press("l", *"thanked him for the intro", "enter")
        await settle(app, pilot)
        loop = ReferralLoop.get()
        assert loop.closed_by_id is not None
        assert [c for c, _ in interactions.get_interaction(loop.closed_by_id).contacts] == [bob]
        assert app.header == "Today: 1 thank-you due"


async def test_log_without_text_keeps_the_form_open(db, frozen):
    sam = person("Sam Lee")
    reminders.add_reminder(sam, "today", "call")
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "enter")
        assert "Say what happened" in str(app.screen.query_one("#error-summary", Static).render())
        await pilot.press("escape")
        assert Interaction.select().count() == 0


async def test_loops_cannot_be_snoozed(db, frozen):
    bob = person("Bob Smith")
    jane = person("Jane Doe", introduced_by_id=bob)
    interactions.log_interaction(InteractionInput((jane,), kind="email"))
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        today = app.query_one(TodayView)
        assert today.current_item.kind == "loop"
        assert today.check_action("snooze", ()) is False  # z is not offered (key bar, help)
        await pilot.press("z")
        assert len(app.screen_stack) == 1
        assert Contact.get_by_id(bob).follow_up_manual is False


async def test_config_cadence_is_applied_and_problems_shown(db, frozen, tmp_path):
    jane = person("Jane Doe")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 3\nmentor = 0\n")
    frozen.travel_to(pendulum.datetime(2026, 3, 5, 9))
    app = Host(TodayView)
    notes = notifications(app)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert highlighted(app) == f"follow-up-{jane}"
        assert lines(app)[0] == "Due today (1)"
        assert any("[cadence] mentor" in message for message in notes)


async def test_inside_the_app_today_is_the_first_view_and_opens_contacts(db, db_path, frozen):
    from netkeep.tui.app import NetkeepApp

    sam = person("Sam Lee")
    owed = interactions.log_interaction(
        InteractionInput((sam,), kind="email", direction="in", reply_owed=True, summary="coffee?")
    )
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.current_view == "today"
        today = app.query_one(TodayView)
        assert today.current_item.key == f"reply-{owed}"
        app.query_one(TodayView).focus()  # (the tui work focuses Today on start)
        await pilot.press("x")
        assert isinstance(app.focused, Input)  # the form's first field, ready to type
        await pilot.press("enter")  # done, nothing to log: no reply needed
        await settle(app, pilot)
        assert Interaction.get_by_id(owed).reply_owed is False
        assert today.agenda.counts.replies == 0
        await pilot.press("z")  # Sam's follow-up (60 days out) is not on the agenda
        assert len(app.screen_stack) == 1
        reminders.add_reminder(sam, "today", "call back")
        today.reload()
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_view == "contact"
        assert app.selected_id == sam


async def test_the_agenda_says_it_is_loading_until_it_is_read(db, db_path):
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.views.agenda import LOADING_TEXT

    app = NetkeepApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert lines(app) == [LOADING_TEXT]  # the first frame, before the worker's answer
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert lines(app) == [EMPTY_TEXT]


async def test_the_cursor_stops_only_on_items(db, frozen, monkeypatch):
    import netkeep.tui.views.agenda as today_module

    monkeypatch.setattr(today_module, "SHOWN_PER_SECTION", 2)
    people = [person(f"Person {n}", contact_type="recruiter") for n in range(3)]
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    sam = person("Sam Lee")
    reminders.add_reminder(sam, "today", "ask about the referral")
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shown = lines(app)
        assert shown[0] == "Overdue (3)" and shown[3] == "  … and 1 more (enter shows them)"
        assert shown[4] == "Due today (1)"
        first = highlighted(app)
        await pilot.press("up")  # the heading above the first item is not a stop
        assert highlighted(app) == first
        await pilot.press("down", "down", "down")  # "… and 1 more" is a stop, the heading is not
        assert highlighted(app).startswith("reminder-")
        await pilot.press("home")
        assert highlighted(app) == first
        await pilot.press("end")
        assert highlighted(app).startswith("reminder-")
        await pilot.click(TodayView, offset=(5, 0))  # a click on a heading moves nothing
        assert highlighted(app).startswith("reminder-")
        await pilot.click(TodayView, offset=(5, 2), times=2)  # a double click opens
        assert app.opened and app.opened[-1] in people


async def test_a_long_reminder_wraps_in_the_snooze_form(db, frozen):
    from textual.widgets import Label

    sam = person("Sam Lee")
    long_text = "send the article about " + "distributed payments systems " * 6 + "and ask about the team"
    reminders.add_reminder(sam, "today", long_text)
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        label = app.screen.query(Label).first()
        assert "ask about the team" in str(label.content)
        assert label.size.height >= 2 and label.size.width <= 72


async def test_enter_on_and_more_shows_more(db, frozen, monkeypatch):
    import netkeep.tui.views.agenda as today_module

    monkeypatch.setattr(today_module, "SHOWN_PER_SECTION", 2)
    for n in range(5):
        person(f"Person {n}", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    app = Host(TodayView)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app)[3] == "  … and 3 more (enter shows them)"
        await pilot.press("down", "down")
        assert highlighted(app) == "more-overdue"
        await pilot.press("x")  # nothing to act on: nothing opens
        assert len(app.screen_stack) == 1
        await pilot.press("enter")
        await settle(app, pilot)
        assert lines(app)[5] == "  … and 1 more (enter shows them)"
        assert highlighted(app).startswith("follow-up-")  # the first of the newly shown items
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert lines(app) == ["Overdue (5)", *lines(app)[1:6]] and len(lines(app)) == 6
        assert app.opened == []
