"""The capture form's first line: the one-line syntax with a live preview, keys typed in a
burst, and the "already here?" choices."""

from __future__ import annotations

from textual.widgets import Input, Static

from helpers.tui import until
from netkeep.core import contacts
from netkeep.core.records import ContactInput, Method
from netkeep.store.database import open_database
from netkeep.store.models import Contact
from netkeep.tui.capture import CaptureApp


def cards(db_path) -> list[tuple[str, str, tuple[str, ...]]]:
    with open_database(db_path):
        rows = Contact.select().order_by(Contact.id)
        return [(c.full_name, contacts.get_card(c.id).company, contacts.get_card(c.id).tags) for c in rows]


async def test_one_line_and_enter_saves_with_a_preview(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"Jane Doe @Stripe #alumni !PyCon +1-415-555-0101 >2026-12-01")
        screen = app.screen
        shown = str(screen.query_one("#preview", Static).render())
        assert shown.startswith("→ Jane Doe · Stripe · #alumni · met at PyCon")
        assert "follow up 1 Dec 2026" in shown and "+1-415-555-0101" in shown
        assert screen.query_one("#company", Input).value == "Stripe"
        assert screen.query_one("#phone", Input).value == "+1-415-555-0101"
        await pilot.press("backspace", "2")  # still a date: 2026-12-02
        await pilot.press("enter")  # the one non-text key
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value is not None
    assert cards(db_path) == [("Jane Doe", "Stripe", ("alumni",))]
    with open_database(db_path):
        card = contacts.get_card(app.return_value)
    assert card.met_at == "PyCon" and str(card.next_follow_up) == "2026-12-02"


async def test_a_field_the_line_stops_setting_is_cleared(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"Ana @Acme")
        assert app.screen.query_one("#company", Input).value == "Acme"
        await pilot.press(*["backspace"] * 5)
        assert app.screen.query_one("#company", Input).value == ""
        assert not app.screen.query("#preview")


async def test_a_bad_line_is_said_under_it_and_saves_nothing(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"#tag only")
        assert "Start with the person's name" in str(app.screen.query_one("#preview", Static).render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Start with the person's name" in str(app.screen.query_one("#name-error", Static).render())
    assert app.return_value is None and cards(db_path) == []


async def test_a_huge_line_is_previewed_short_and_refused(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.screen.query_one("#name", Input).value = "x" * 5000 + " @Acme [b]markup[/b]"
        await pilot.pause()
        shown = str(app.screen.query_one("#preview", Static).render())
        assert len(shown) <= len("→ ") + 200 and shown.endswith("…")
        await pilot.press("enter")
        await until(lambda: bool(app.screen.query("#name-error")))
        assert "too long" in str(app.screen.query_one("#name-error", Static).render())
    assert cards(db_path) == []


async def test_keys_typed_at_once_go_to_their_fields(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*"Early Bird", "tab", *"Acme", "enter")  # before the load has finished
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert cards(db_path) == [("Early Bird", "Acme", ())]


async def test_already_here_offers_open_add_or_new(db_path):
    with open_database(db_path):
        priya = contacts.create_contact(
            ContactInput(full_name="Priya Raman", company="Stripe", emails=(Method("email", "p@stripe.com"),))
        )
    for choice, expected in (
        ("dup-open", [("Priya Raman", "Stripe", ())]),
        ("dup-add", [("Priya Raman", "Stripe", ("met",))]),
        ("dup-new", [("Priya Raman", "Stripe", ("met",)), ("P. Raman", "", ("met",))]),
    ):
        app = CaptureApp(db_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press(*"P. Raman p@stripe.com #met", "enter")
            await until(lambda app=app: app.focused is not None and app.focused.id == "dup-open")
            text = str(app.screen.query_one("#duplicates-text", Static).render())
            assert text == "Already here? Priya Raman (Stripe): same email."
            await pilot.click(f"#{choice}")
            await until(lambda app=app: app.return_value is not None)
        assert app.return_value is not None and cards(db_path) == expected, choice
        assert (app.return_value == priya) == (choice != "dup-new")
