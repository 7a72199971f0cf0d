"""What comes in from the keyboard and what goes out to the terminal: joiners and marks are
kept, bytes that are not UTF-8 are refused under the field, stored escape codes show as
symbols, and a full disk leaves the form open with what was typed."""

from __future__ import annotations

import asyncio
import os
import threading
import unicodedata

import pendulum
from textual import events
from textual.widgets import Input, Static

from helpers.people import log, person
from helpers.tui import settle, type_text, until
from netkeep.core import contacts, session
from netkeep.store import database as store_database
from netkeep.store.models import Contact, Interaction
from netkeep.tui.app import NetkeepApp
from netkeep.tui.capture import CaptureApp, CaptureScreen
from netkeep.tui.messages import NotText
from netkeep.tui.terminal import NOT_TEXT
from netkeep.tui.text_driver import TextOnlyDriver

SIZE = (120, 40)
ESCAPES = "\x1b]0;pwned\x07Eve\x1b[2J"


async def test_typed_and_pasted_joiners_and_marks_are_kept(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        field = app.screen.query_one("#name", Input)
        # The keys a terminal sends for 👩🏽‍💻, as Textual's driver hands them over (Pilot.press
        # gives no character for these): a zero-width joiner before the 💻.
        for character in ("👩", "🏽", "\u200d", "💻", " "):
            field.post_message(events.Key(unicodedata.name(character).lower().replace(" ", "_"), character))
        await until(lambda: field.value.endswith(" "))
        field.post_message(events.Paste("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200fR"))
        await until(lambda: "\u200f" in field.value)
        assert field.value == "👩🏽\u200d💻 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200fR"
        await pilot.press("enter")
        await until(lambda: app.return_value is not None)
    with store_database.open_database(db_path):
        assert Contact.get_by_id(app.return_value).full_name == field.value


async def test_bytes_that_were_not_utf8_are_said_under_the_field_and_nothing_is_saved(db_path):
    app = CaptureApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"Zo")
        app.post_message(NotText())  # what the driver posts after dropping the bytes
        await until(lambda: app.screen.query("#name-error"))
        assert str(app.screen.query_one("#name-error", Static).content) == NOT_TEXT
        assert isinstance(app.screen, CaptureScreen) and app.is_running
    with store_database.open_database(db_path):
        assert Contact.select().count() == 0


async def test_the_driver_carries_on_past_bytes_that_are_not_utf8():
    class Recording(TextOnlyDriver):
        def process_message(self, message) -> None:
            seen.append(message)

    seen: list = []
    read, write = os.pipe()
    driver = Recording(None)  # type: ignore[arg-type]  (no app: messages are recorded instead)
    driver.fileno = read
    thread = threading.Thread(target=driver.run_input_thread)
    thread.start()
    try:
        os.write(write, b"Z")
        await until(lambda: any(getattr(m, "character", None) == "Z" for m in seen))
        os.write(write, b"o\xffe")  # Latin-1 "ÿ": not UTF-8; Textual's driver ended the app here
        await until(lambda: any(isinstance(m, NotText) for m in seen))
        os.write(write, "ë".encode())
        await until(lambda: any(getattr(m, "character", None) == "ë" for m in seen))
    finally:
        driver.exit_event.set()
        os.close(write)
        await asyncio.to_thread(thread.join, 5)
        os.close(read)
    assert not thread.is_alive()


async def test_stored_escape_codes_show_as_symbols_everywhere(db, db_path, frozen):
    eve = person("Eve Placeholder", company="Acme", next_follow_up=pendulum.date(2026, 2, 20))
    log(eve, "coffee", "talked")
    with session.writing():  # as old data, a restored backup or another program left them
        Contact.update(full_name=ESCAPES).where(Contact.id == eve).execute()
        Interaction.update(summary=f"said {ESCAPES}").execute()
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screens = [app.export_screenshot()]  # Today (the overdue follow-up) and the list
        await pilot.press("2")  # the contact: card and timeline
        await settle(app, pilot)
        screens.append(app.export_screenshot())
        await pilot.press("3")  # everyone's timeline
        await settle(app, pilot)
        screens.append(app.export_screenshot())
        await pilot.press("2", "e")  # the edit form
        await settle(app, pilot)
        screens.append(app.export_screenshot())
    for screen in screens:
        assert "\x1b" not in screen and "\x07" not in screen
        assert "␛]0;pwned␇Eve␛[2J" in screen


async def test_a_full_disk_keeps_the_form_open_with_what_was_typed(db, db_path, monkeypatch):
    person("Ada Lovelace")
    db.close()
    pages = os.path.getsize(db_path) // 4096
    monkeypatch.setitem(store_database.PRAGMAS, "max_page_count", pages)  # SQLite's "disk is full"
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await until(lambda: app.screen.query("#f-full_name"))
        await type_text(pilot, "Grace Hopper")
        app.screen.query_one("#f-notes").insert("x" * 20000)
        await pilot.press("ctrl+s")
        await until(lambda: str(app.screen.query_one("#form-error", Static).content))
        assert str(app.screen.query_one("#form-error", Static).content) == "Not saved: the disk is full"
        assert app.screen.query_one("#f-full_name", Input).value == "Grace Hopper"
        assert app.is_running
    assert contacts.count_contacts() == 1
