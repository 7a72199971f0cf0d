"""The contact list in the app: the empty state, filtering, sorting, the cursor and the card
that follows it, contacts written by another process, a card that fails to load."""

from __future__ import annotations

import threading

import pytest
from textual.content import Content

from helpers.tui import card_text, list_names, notifications, settle, type_text, until
from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.models import database
from netkeep.tui.app import NetkeepApp
from netkeep.tui.views.contacts import EMPTY_TEXT

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")  # cards load as soon as the cursor moves


async def test_empty_database_shows_how_to_start(db, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = app.contact_list.rows_view
        assert rows.empty_text == EMPTY_TEXT
        shown = " ".join(" ".join(rows.render_line(y).text for y in range(4)).split())
        assert EMPTY_TEXT in shown
        assert app.check_action("edit_contact", ()) is False
        assert app.check_action("delete_contact", ()) is False
        assert app.check_action("new_contact", ()) is True


async def test_a_filter_matching_nobody_says_so(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "zzqx")
        await settle(app, pilot)
        rows = app.contact_list.rows_view
        assert rows.rows == []
        shown = " ".join(" ".join(rows.render_line(y).text for y in range(4)).split())
        assert "No contact matches “zzqx”." in shown


async def test_markup_in_a_name_is_shown_as_typed(db, db_path):
    contacts.create_contact(ContactInput(full_name="[bold]Eve[/] Ng", notes="[red]not red[/red]"))
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "[bold]Eve[/] Ng" in app.contact_list.rows_view.render_line(0).text
        text = card_text(app)
        assert "[bold]Eve[/] Ng" in text
        assert "[red]not red[/red]" in text
        assert Content.from_markup(app.query_one("#contact").border_title).plain == "Contact: [bold]Eve[/] Ng"


async def test_sort_cycles_through_orders(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.contact_list.order == "last contact"
        assert list_names(app) == ["Jane Doe", "Bob Smith", "Carol Reyes"]
        await pilot.press("s")
        await pilot.pause()
        assert app.contact_list.order == "next follow-up"
        rows = app.contact_list.rows_view.rows
        assert [r.next_follow_up for r in rows] == sorted(r.next_follow_up for r in rows)
        await pilot.press("s")
        assert app.contact_list.order == "name"


async def test_list_keys_move_the_cursor_and_the_card_follows(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Bob Smith" in card_text(app)
        await pilot.press("slash", "escape")  # the app opens on the agenda; go to the list
        await pilot.press("j")
        await settle(app, pilot)
        assert "Carol Reyes" in card_text(app)
        await pilot.press("end")
        await settle(app, pilot)
        assert "Jane Doe" in card_text(app)
        text = card_text(app)
        for expected in (
            "Staff Engineer at Stripe",
            "alumni · job search",
            "work: jane@stripe.com",
            "mobile: +1 555 0100",
            "linkedin.com/in/janedoe",
            "PyCon 2026",
            "4 Mar 2026",
            "a designer for her side project",
            "#alumni #python",
            "every 30 days",
            "3 days ago",
        ):
            assert expected in text, expected
        await pilot.press("k", "home")
        await settle(app, pilot)
        assert "Bob Smith" in card_text(app)
        assert "introduced by  Jane Doe" in card_text(app)


async def test_a_capture_from_another_process_shows_up(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        def other_writer() -> None:  # another connection, as `netkeep capture` would use
            with database.connection_context():
                contacts.create_contact(ContactInput(full_name="Zed Quick", company="Elsewhere"))

        writer = threading.Thread(target=other_writer)
        writer.start()
        writer.join()
        await until(lambda: "Zed Quick" in list_names(app), timeout=5)  # the app checks every second
        assert "Zed Quick" in list_names(app)


async def test_a_failing_load_is_a_notification_not_a_crash(network, db_path, monkeypatch):
    app = NetkeepApp(db_path)
    notes = notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)

        def broken(contact_id):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(contacts, "get_card", broken)
        await pilot.press("slash", "escape", "j")
        await settle(app, pilot)
        assert any("disk on fire" in message for message in notes)
        assert app.is_running
