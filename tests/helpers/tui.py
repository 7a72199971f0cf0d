"""Helpers shared by the TUI tests: a small network, a host app, typing, waiting, reading
rendered text."""

from __future__ import annotations

import asyncio
import inspect
import io
import time
from collections.abc import Callable

import pendulum
from rich.console import Console
from textual.app import App, ComposeResult
from textual.command import CommandList
from textual.widget import Widget
from textual.worker import WorkerCancelled

from netkeep.core import contacts, interactions
from netkeep.core.config import load_config
from netkeep.core.records import ContactInput, InteractionInput, Method
from netkeep.tui import styles
from netkeep.tui.messages import DataChanged, OpenContact
from netkeep.tui.palette import TransferCommands
from netkeep.tui.views.agenda import TodayView

KEY_NAMES = {
    " ": "space",
    "@": "at",
    ".": "full_stop",
    ",": "comma",
    ":": "colon",
    "/": "slash",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "-": "minus",
    "#": "number_sign",
}


def small_network() -> dict[str, int]:
    """Three contacts and a few interactions, written through core."""
    jane = contacts.create_contact(
        ContactInput(
            full_name="Jane Doe",
            title="Staff Engineer",
            company="Stripe",
            emails=(Method("email", "jane@stripe.com", "work"),),
            phones=(Method("phone", "+1 555 0100", "mobile"),),
            linkedin_url="https://www.linkedin.com/in/janedoe",
            contact_type="alumni",
            job_search=True,
            how_met="alumni mixer",
            met_on=pendulum.date(2026, 3, 4),
            met_at="PyCon 2026",
            needs="a designer for her side project",
            notes="payments infra",
            tags=("alumni", "python"),
            cadence_days=30,
        )
    )
    bob = contacts.create_contact(
        ContactInput(
            full_name="Bob Smith",
            title="Recruiter",
            company="Acme",
            contact_type="recruiter",
            introduced_by_id=jane,
            notes="hiring backend folks",
        )
    )
    carol = contacts.create_contact(
        ContactInput(full_name="Carol Reyes", company="Globex", notes="loves rust")
    )
    now = pendulum.now("UTC")
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(jane,),
            kind="coffee",
            direction="out",
            summary="payments infra, her team is hiring",
            occurred_at=now.subtract(days=3),
        )
    )
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(bob,),
            kind="email",
            direction="in",
            summary="asked for my resume",
            reply_owed=True,
            occurred_at=now.subtract(days=15),
        )
    )
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(jane, carol), kind="event", summary="alumni mixer", occurred_at=now.subtract(days=40)
        )
    )
    return {"jane": jane, "bob": bob, "carol": carol}


class Host(App[None]):
    """A bare app standing in for the netkeep app around one widget (or none).

    A pane is shown on ``contact_id`` when it mounts, as the contact view would; ``focus``
    (a selector) takes the keyboard. The palette has the import/export/merge commands. The
    host records what the app would act on: ``opened`` (OpenContact), ``changes`` (the
    contact id of each DataChanged) and ``header`` (the Today view's counts line).
    """

    COMMANDS = App.COMMANDS | {TransferCommands}
    CSS_PATH = [styles.VIEWS, styles.PANES]  # the app's sheets for the views and panes

    def __init__(
        self,
        widget_class: type[Widget] | None = None,
        contact_id: int | None = None,
        config_dir=None,
        *,
        focus: str | None = None,
    ) -> None:
        super().__init__()
        self.widget_class = widget_class
        self.contact_id = contact_id
        self.focus_on = focus
        self.config = load_config(config_dir)
        self.opened: list[int] = []
        self.changes: list[int | None] = []
        self.header = ""

    def compose(self) -> ComposeResult:
        if self.widget_class is not None:
            yield self.widget_class()

    def on_mount(self) -> None:
        if self.widget_class is not None:
            show_contact = getattr(self.query_one(self.widget_class), "show_contact", None)
            if show_contact is not None:
                show_contact(self.contact_id)
        if self.focus_on is not None:
            self.query_one(self.focus_on).focus()

    def on_open_contact(self, message: OpenContact) -> None:
        self.opened.append(message.contact_id)

    def on_data_changed(self, message: DataChanged) -> None:
        self.changes.append(message.contact_id)

    def on_today_view_counts_changed(self, message: TodayView.CountsChanged) -> None:
        self.header = message.text


async def settle(app, pilot) -> None:
    """Let workers finish and the screen catch up. A worker cancelled while waited for (a
    newer load of its exclusive group took its place) is not a failure: the wait goes on."""
    for _ in range(3):
        for _attempt in range(20):
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause()
        await pilot.pause()


async def until(condition: Callable[[], object], timeout: float = 5.0, interval: float = 0.02) -> None:
    """Wait until ``condition()`` is true, checking every ``interval`` seconds while the app
    runs; fail the test if it is still false after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(f"still false after {timeout} s: {_source(condition)}")
        await asyncio.sleep(interval)


def _source(function: Callable) -> str:
    try:
        return inspect.getsource(function).strip()
    except (OSError, TypeError):
        return repr(function)


def notifications(app: App) -> list[str]:
    """Record the message of every notification the app (or a widget in it) raises from now
    on, through the public ``App.notify``; the notifications are still shown."""
    messages: list[str] = []
    notify = app.notify

    def recording_notify(message: str, **options) -> None:
        messages.append(message)
        notify(message, **options)

    app.notify = recording_notify  # type: ignore[method-assign]
    return messages


def highlighted_command(app: App) -> str:
    """The text of the command the open command palette has highlighted ("" when none)."""
    found = app.screen.query(CommandList)
    if not found:
        return ""
    commands = found.first()
    if commands.highlighted is None:
        return ""
    return str(commands.get_option_at_index(commands.highlighted).hit.text)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[KEY_NAMES.get(char, char) for char in text])


def plain(renderable, width: int = 100) -> str:
    """What a Rich renderable looks like as plain text."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def card_text(app) -> str:
    return plain(app.screen.query_one("#card").content)


def list_names(app) -> list[str]:
    return [row.name for row in app.contact_list.rows_view.rows]


async def steady_cursors(pilot) -> None:
    """Stop every text cursor blinking, shown: a snapshot must not catch one mid-blink."""
    from textual.widgets import Input, TextArea

    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False
    await pilot.pause()
