"""The capture form, driven with the keys a person presses."""

from __future__ import annotations

from textual.widgets import Input, Static

from helpers.tui import steady_cursors
from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from netkeep.store.models import Contact
from netkeep.tui.capture import CaptureApp, CaptureScreen


def saved_names(db_path) -> list[str]:
    with open_database(db_path):
        return [c.full_name for c in Contact.select().order_by(Contact.id)]


async def test_type_tab_through_and_enter_saves(db_path):
    with open_database(db_path):
        bob = contacts.create_contact(ContactInput(full_name="Bob Smith"))
    app = CaptureApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, CaptureScreen)
        assert app.focused.id == "name"
        # name, company, where met, tags, follow up: the order people fill a card
        await pilot.press(*"Jane Doe", "tab", *"Stripe", "tab", *"PyCon", "tab", *"alumni, #python")
        await pilot.press("tab", *"2w", "tab", *"CTO", "tab", *"jane@stripe.com", "tab", *"+1 415 555 0101")
        await pilot.press("tab", *"mentor", "tab", "tab", "tab")  # type, how met, met on
        assert app.focused.id == "introduced_by"
        await pilot.press(*"bo", "right")  # accept the completion
        assert app.focused.value == "Bob Smith"
        await pilot.press("tab", *"[bold]likes[/] markup", "tab", "y")  # the note, job search
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value is not None
    with open_database(db_path):
        card = contacts.get_card(app.return_value)
    assert (card.full_name, card.company, card.title, card.met_at) == ("Jane Doe", "Stripe", "CTO", "PyCon")
    assert card.introduced_by_id == bob and card.tags == ("alumni", "python")
    assert [m.value for m in card.phones] == ["+1 415 555 0101"]
    assert card.contact_type == "mentor" and card.job_search
    assert card.notes == "[bold]likes[/] markup"
    assert card.next_follow_up is not None and card.follow_up_manual
    assert app.saved.full_name == "Jane Doe"


async def test_escape_cancels_and_saves_nothing(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"Jane Doe", "escape")
        await pilot.pause()
    assert app.return_value is None and app.saved is None
    assert saved_names(db_path) == []


async def test_bad_input_shows_messages_next_to_the_fields(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        screen = app.screen
        assert "A name is required" in str(screen.query_one("#name-error", Static).render())
        await pilot.press(*"[bold]Eve[/]")
        for field_id, text in (("email", "eve@"), ("met_on", "not a date")):
            screen.query_one(f"#{field_id}", Input).value = text
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        email_error = screen.query_one("#email-error", Static)
        assert "'eve@' does not look like an email address." in str(email_error.render())
        # The message sits on the line below the email field.
        assert email_error.region.y == screen.query_one("#email", Input).region.y + 1
        assert "not a date" in str(screen.query_one("#met_on-error", Static).render())
        assert not screen.query("#name-error")
        assert screen.query_one("#name", Input).value == "[bold]Eve[/]"
        assert app.focused.id == "email"
        # Fixing the fields and pressing Enter again saves.
        await pilot.press("ctrl+u", *"eve@example.org")
        screen.query_one("#met_on", Input).value = "yesterday"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert saved_names(db_path) == ["[bold]Eve[/]"]


def test_capture_form_snapshot(snap_compare, db_path):
    async def ready(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*"Jane Doe @Stripe #alumni !PyCon >2w jane@", "enter")
        await pilot.app.workers.wait_for_complete()
        await steady_cursors(pilot)

    assert snap_compare(CaptureApp(db_path), terminal_size=(80, 24), run_before=ready)


async def test_a_database_that_cannot_open_is_said_in_the_form(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_text("this is not a database\n" * 100)
    app = CaptureApp(broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"Jane Doe", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        message = str(app.screen.query_one("#general-error", Static).render())
        assert message.startswith("cannot open") and "broken.db" in message


async def test_ctrl_n_twice_opens_one_capture_form(db_path):
    from netkeep.tui.app import NetkeepApp

    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert sum(isinstance(screen, CaptureScreen) for screen in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CaptureScreen)
