"""The contact view: a card with the person's timeline, and the meeting panes in tabs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Rule, Static, TabbedContent, TabPane

from netkeep.core import cadence, contacts, interactions
from netkeep.core.records import ContactCard, TimelineEntry
from netkeep.tui.card import card_renderable, timeline_renderable
from netkeep.tui.workers import ReportsWorkerErrors

#: Tabs beyond the card: (tab id, title, module, class). Each pane is mounted only when its
#: module is present; it gets ``show_contact(contact_id)`` whenever the selection changes.
PANE_TABS = (
    ("tab-thanks", "Thank-you", "netkeep.tui.thanks", "ThanksPane"),
    ("tab-reflect", "Reflect", "netkeep.tui.reflect", "ReflectPane"),
    ("tab-prep", "Prep", "netkeep.tui.prep", "PrepPane"),
)
NO_CONTACT = "No contact selected — choose one in the list on the left."


def pane_class(module: str, name: str) -> type[Widget] | None:
    """The pane widget class if its module is installed, else None (its tab is left out)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ContactView(ReportsWorkerErrors, Vertical):
    """Everything about the selected contact."""

    @dataclass
    class CardLoaded(Message):
        contact_id: int | None
        card: ContactCard | None
        cadence_days: int
        timeline: list[TimelineEntry]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.contact_id: int | None = None
        self.card: ContactCard | None = None
        self.panes: dict[str, Widget] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="contact-tabs"):
            with TabPane("Card", id="tab-card"):
                with VerticalScroll(id="card-scroll"):
                    yield Static(NO_CONTACT, id="card", markup=False)
                    yield Rule(line_style="heavy")
                    yield Static("", id="contact-timeline", markup=False)
            for tab_id, title, module, name in PANE_TABS:
                cls = pane_class(module, name)
                if cls is not None:
                    pane = cls()
                    self.panes[tab_id] = pane
                    with TabPane(title, id=tab_id):
                        yield pane

    def on_mount(self) -> None:
        self.border_title = "Contact"

    def has_tab(self, tab_id: str) -> bool:
        return tab_id == "tab-card" or tab_id in self.panes

    def show_tab(self, tab_id: str) -> None:
        self.query_one(TabbedContent).active = tab_id

    def show_contact(self, contact_id: int | None, *, delay: float = 0, at_once: bool = False) -> None:
        """Load and show this contact (None: nothing selected) here and in every pane.

        With a ``delay``, wait that long first; a newer call within the delay replaces it.
        ``at_once`` reads the card on this thread (the first card at start-up: a few
        small queries, and the app is ready one frame sooner).
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if delay:
            self._timer = self.set_timer(delay, lambda: self.show_contact(contact_id))
            return
        self.contact_id = contact_id
        for pane in self.panes.values():
            pane.show_contact(contact_id)
        if at_once:
            self._card_loaded(self.read(contact_id))
        else:
            self._load(contact_id)

    def reload(self) -> None:
        self.show_contact(self.contact_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="contact-card")
    def _load(self, contact_id: int | None) -> None:
        from netkeep.store.models import database

        with database.connection_context():
            self.post_message(self.read(contact_id))

    def read(self, contact_id: int | None) -> CardLoaded:
        """Everything the card shows about this contact (a few small queries)."""
        from netkeep.core.errors import NotFound

        if contact_id is None:
            return self.CardLoaded(None, None, 0, [])
        try:
            card = contacts.get_card(contact_id)
        except NotFound:
            return self.CardLoaded(None, None, 0, [])
        timeline = interactions.timeline_for(contact_id)
        days = cadence.cadence_for(card.contact_type, card.job_search, card.cadence_days)
        return self.CardLoaded(contact_id, card, days, timeline)

    @on(CardLoaded)
    def _card_loaded(self, message: CardLoaded) -> None:
        message.stop()
        if message.contact_id != self.contact_id:
            return  # an older load finished after a newer selection
        self.card = message.card
        card_widget = self.query_one("#card", Static)
        timeline = self.query_one("#contact-timeline", Static)
        if message.card is None:
            card_widget.update(NO_CONTACT)
            timeline.update("")
            self.border_title = "Contact"
            return
        card_widget.update(card_renderable(message.card, message.cadence_days))
        timeline.update(timeline_renderable(message.timeline))
        self.border_title = Text(f"Contact: {message.card.full_name}")
