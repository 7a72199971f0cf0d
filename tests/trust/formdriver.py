"""Driving the app's forms with hostile text, typed key by key or pasted, as a person would:
what each field held, what was saved, what the form said.

Each form runs as the app opens it (the same class, saving through the same core call) in
a bare app, so a run spends its time in the forms and not in refreshing the main screen.
Typing sends one key event per character, as the terminal driver does (Pilot's ``press``
cannot send characters such as a combining mark, which have no key name).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input, Static

from helpers.tui import notifications, until
from netkeep.core import contacts, interactions
from netkeep.core.records import INTERACTION_KINDS
from netkeep.tui.capture import CaptureScreen
from netkeep.tui.forms.base import FormScreen
from netkeep.tui.forms.contact import ContactForm
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.styles import FORMS

assert "note" in INTERACTION_KINDS


@dataclass(frozen=True)
class Field:
    """One field of one form: the form, the field, what else must be filled, where it lands."""

    form: str
    selector: str
    table: str  # where a save lands: "contact" or "interaction"
    column: str
    before: tuple[tuple[str, str], ...] = ()  # (selector, text) typed first (a name)


FIELDS = {
    "capture-name": Field("capture", "#name", "contact", "full_name"),
    "capture-note": Field("capture", "#note", "contact", "notes", (("#name", "Form Person"),)),
    "contact-name": Field("contact", "#f-full_name", "contact", "full_name"),
    "contact-notes": Field("contact", "#f-notes", "contact", "notes", (("#f-full_name", "Form Person"),)),
    "log-summary": Field("log", "#f-summary", "interaction", "summary"),
}


def _forms(target: int) -> dict[str, Callable[[], FormScreen]]:
    """Each form as the app opens it (tui/app.py, tui/contact_actions.py)."""
    return {
        "capture": CaptureScreen,
        "contact": lambda: ContactForm(None, [], contacts.create_contact),
        "log": lambda: InteractionForm(
            "Aaron Form Target", lambda logged: interactions.log_interaction(logged.as_input((target,)))
        ),
    }


@dataclass(frozen=True)
class Outcome:
    held: str | None  # what the field held before saving (None: never got there)
    stored: str | None  # what was saved (None: nothing)
    message: str  # what the form said under a field or at its foot (empty: nothing)
    notified: str = ""  # what the app notified (a storage failure is said there)
    crashed: str = ""  # the app stopped with this exception


class FormHost(App[None]):
    CSS_PATH = FORMS


def _last_id(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]


def _saved(db: Path, field: Field, after: int) -> str | None:
    with closing(sqlite3.connect(db)) as connection:
        row = connection.execute(
            f"SELECT {field.column} FROM {field.table} WHERE id > ? ORDER BY id LIMIT 1", (after,)
        ).fetchone()
    return row[0] if row else None


def _message(screen) -> str:
    """Every message the open form shows under its fields or at its foot."""
    found = screen.query(".capture-error, .field-error, #form-error")
    return " ".join(str(widget.render()) for widget in found if isinstance(widget, Static)).strip()


def key_for(char: str) -> str:
    """The key name a terminal driver gives a character (its Unicode name, for symbols)."""
    if char.isalnum() or not unicodedata.name(char, ""):
        return char
    return unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")


async def _enter(app, pilot, widget, text: str, mode: str) -> None:
    widget.focus()
    await pilot.pause()
    if mode == "pasted":
        app.post_message(events.Paste(text))  # what the terminal driver sends for a paste
    else:
        for char in text:
            app.post_message(events.Key(key_for(char), char))
    await pilot.pause()


def _value(widget) -> str:
    return widget.value if isinstance(widget, Input) else widget.text


async def drive(
    db: Path, target: int, cells: list[tuple[str, str]], texts: dict[str, str], mode: str
) -> dict:
    """Put each ``(field name, string name)``'s text into the field, save, look: Outcomes.

    The database at ``db`` is open in this process (the forms save through core)."""
    outcomes: dict[tuple[str, str], Outcome] = {}
    forms = _forms(target)
    app = FormHost()
    async with app.run_test(size=(140, 50)) as pilot:
        said = notifications(app)
        for field_name, name in cells:
            field = FIELDS[field_name]
            try:
                outcome = await _one(app, pilot, db, field, forms[field.form](), texts[name], mode, said)
            except Exception as error:  # the app (or the pilot) gave up: said, not hidden
                outcome = Outcome(None, None, "", crashed=f"{type(error).__name__}: {error}")
            outcomes[field_name, name] = outcome
            if outcome.crashed:
                break
    return outcomes


async def _one(app, pilot, db: Path, field: Field, form, text: str, mode: str, said: list[str]) -> Outcome:
    after = _last_id(db, field.table)
    del said[:]
    closed: list[object] = []
    app.push_screen(form, closed.append)
    await until(lambda: app.screen is form and form.is_mounted, timeout=10)
    await app.workers.wait_for_complete()  # quick capture reads the names it completes
    for selector, before in field.before:
        await _enter(app, pilot, form.query_one(selector), before, "typed")
    widget = form.query_one(field.selector)
    await _enter(app, pilot, widget, text, mode)
    held = _value(widget)
    await pilot.press("ctrl+s")
    await until(lambda: closed or _message(form) or said, timeout=15)
    await app.workers.wait_for_complete()
    message = _message(form) if not closed else ""
    if not closed:
        await pilot.press("escape")
        await until(lambda: closed, timeout=10)
    return Outcome(held, _saved(db, field, after), message, " ".join(said))
