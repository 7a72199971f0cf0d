"""The contact's follow-ups pane: needs with helpers, commitments, reminders, intros."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from helpers.people import person
from helpers.tui import Host, notifications, settle
from netkeep.core import commitments, reminders
from netkeep.store.models import Commitment, Intro, Reminder
from netkeep.tui.panes.followups import FollowupsPane


def host(contact_id: int | None) -> Host:
    """The pane on ``contact_id``, with its list taking the keyboard."""
    return Host(FollowupsPane, contact_id, focus="#followups-items")


def lines(app) -> list[str]:
    options = app.query_one("#followups-items", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_needs_with_helpers_and_open_contact(db, frozen):
    jane = person("Jane Doe", needs="a designer for her side project")
    dana = person("Dana [i]Design[/i]", title="Product Designer", company="Figma")
    app = host(jane)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shown = lines(app)
        assert shown[:3] == [
            "Needs",
            "  a designer for her side project",
            "    → Dana [i]Design[/i]  Product Designer, Figma  (matches title)",
        ]
        await pilot.press("enter")
        assert app.opened == [dana]


async def test_add_reminder_commitment_and_intro_with_keys(db, frozen):
    jane = person("Jane Doe")
    sam = person("Sam Lee", company="Acme")
    app = host(jane)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("m", *"send the article", "tab", *"friday", "enter")
        await settle(app, pilot)
        assert [(r.reason, r.due_on) for r in Reminder.select()] == [("send the article", date(2026, 3, 6))]
        await pilot.press("c", *"send my resume", "enter")
        await settle(app, pilot)
        assert [(c.text, c.owner, c.contact_id) for c in Commitment.select()] == [
            ("send my resume", "me", jane)
        ]
        await pilot.press("i", *"sam", "tab", *"both like Rust", "enter")
        await settle(app, pilot)
        assert [(i.first_id, i.second_id, i.reason) for i in Intro.select()] == [
            (jane, sam, "both like Rust")
        ]
        shown = lines(app)
        assert "  I promised: send my resume" in shown
        assert "  send the article  · in 4 days" in shown
        assert "  introduce to Sam Lee — both like Rust" in shown


async def test_reminder_in_the_past_keeps_the_form_open(db, frozen):
    jane = person("Jane Doe")
    app = host(jane)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("m", *"call", "tab", *"yesterday", "enter")
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        assert Reminder.select().count() == 0


async def test_done_on_highlighted_commitment(db, frozen):
    jane = person("Jane Doe")
    cid = commitments.add_commitment("send my resume", contact_id=jane)
    reminders.add_reminder(jane, "friday", "follow up")
    app = host(jane)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")  # the first selectable line is the commitment
        await settle(app, pilot)
        assert Commitment.get_by_id(cid).done_at is not None
        assert "  none open" in lines(app)


async def test_no_contact_selected(db, frozen):
    app = host(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert lines(app) == ["No contact selected."]
        await pilot.press("m")
        assert len(app.screen_stack) == 1


async def test_intro_to_an_ambiguous_name_lists_candidates_and_saves_nothing(db, frozen):
    jane = person("Jane Doe")
    person("Sam Lee", company="Acme")
    person("Sam Lee", company="Globex")
    app = host(jane)
    notes = notifications(app)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("i", *"sam lee", "enter")
        await settle(app, pilot)
        [note] = notes
        assert "matches 2 contacts" in note and "Acme" in note and "Globex" in note
        assert Intro.select().count() == 0
        await pilot.press("i", "#", "3", "enter")
        await settle(app, pilot)
        assert [(i.first_id, i.second_id) for i in Intro.select()] == [(jane, 3)]
