"""The contact view: a card with the person's timeline, and the meeting panes in tabs."""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rich.console import Group
from rich.rule import Rule
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from netkeep.core import cadence, contacts, interactions
from netkeep.core.records import ContactCard, TimelineEntry
from netkeep.core.text import visible
from netkeep.tui import styles
from netkeep.tui.widgets.card import card_renderable, timeline_renderable
from netkeep.tui.widgets.jk import JKScroll
from netkeep.tui.widgets.tab_strip import TabStrip
from netkeep.tui.workers import in_worker

#: Tabs beyond the card: (tab id, title, module, class). Each pane's module is imported and
#: the pane mounted when its tab is first opened; it gets ``show_contact(contact_id)``
#: whenever the selection changes while its tab is open.
PANE_TABS = (
    ("tab-followups", "Follow-ups", "netkeep.tui.panes.followups", "FollowupsPane"),
    ("tab-thanks", "Thank-you", "netkeep.tui.panes.letters", "ThanksPane"),
    ("tab-reflect", "Reflect", "netkeep.tui.panes.reflection", "ReflectPane"),
    ("tab-prep", "Prep", "netkeep.tui.panes.prep", "PrepPane"),
)
#: How long a newly opened pane may take to load before it is focused: rounds × seconds.
PANE_SETTLE_ROUNDS = 20
PANE_SETTLE_SECONDS = 0.05
NO_CONTACT = "No contact selected — choose one in the list on the left."


@runtime_checkable
class FocusesInside(Protocol):
    """An app that focuses a widget's first focusable part (NetkeepApp does)."""

    def focus_inside(self, widget: Widget, *, at_once: bool = False) -> None: ...


def load_class(module: str, name: str) -> type:
    """Import ``module`` (on first use, to keep start-up lean) and return its class ``name``."""
    return getattr(importlib.import_module(module), name)


class ContactView(Vertical):
    """Everything about the selected contact."""

    COMPONENT_CLASSES = {"contact-view--rule"}

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
        #: The tabs beyond the card, and the panes mounted so far.
        self.tabs = [tab_id for tab_id, _title, _module, _name in PANE_TABS]
        self.panes: dict[str, Widget] = {}
        #: Which contact each pane was last given (panes load only while their tab is open).
        self.shown_in_pane: dict[str, int | None] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TabStrip(
            [("tab-card", "Card")] + [(tab_id, title) for tab_id, title, *_ in PANE_TABS], id="contact-tabs"
        )
        with JKScroll(id="tab-card"):
            yield Static(NO_CONTACT, id="card", markup=False)  # the card, a rule, the timeline
        # Each pane's module is imported and the pane mounted below on its tab's first visit;
        # the tab strip shows one of these parts and hides the others.

    def on_mount(self) -> None:
        self.border_title = "Contact"

    @property
    def active_tab(self) -> str:
        return self.query_one(TabStrip).active

    @active_tab.setter
    def active_tab(self, tab_id: str) -> None:
        self.query_one(TabStrip).active = tab_id

    def hidden_tabs(self) -> list[Widget]:
        """The parts of the tabs not shown now."""
        return [part for part in self.children if not part.display]

    def has_tab(self, tab_id: str) -> bool:
        return tab_id == "tab-card" or tab_id in self.tabs

    async def show_tab(self, tab_id: str) -> Widget | None:
        """Open a tab (mounting its pane the first time) and focus it; return its pane, if any."""
        await self._switch_to(tab_id)
        pane = self.panes.get(tab_id)
        if pane is None:
            self.focus_open_tab()
            return None
        if hasattr(pane, "focus_default"):  # the pane knows which of its parts takes the keys,
            await self._loaded(pane)  # and that depends on what it loads
            if self.active_tab == tab_id:
                pane.focus_default()
        elif isinstance(self.app, FocusesInside):
            self.app.focus_inside(pane)
        return pane

    def focus_open_tab(self) -> None:
        """Put the keyboard in the open tab now: the card's scroll, or the pane (which may
        move it once it has loaded)."""
        pane = self.panes.get(self.active_tab)
        if pane is None:
            self.screen.set_focus(self.query_one("#tab-card"))
        elif hasattr(pane, "focus_default"):
            self.screen.set_focus(self.query_one(TabStrip))  # until the pane has loaded
            pane.focus_default()
        elif isinstance(self.app, FocusesInside):
            self.app.focus_inside(pane, at_once=True)

    async def _loaded(self, pane: Widget) -> None:
        """Wait (a second at most) for the pane's loads, including the ones their results start."""
        for _ in range(PANE_SETTLE_ROUNDS):
            parts = {pane, *pane.walk_children()}
            loading = [
                worker for worker in self.app.workers if worker.node in parts and not worker.is_finished
            ]
            if not loading:
                return
            try:
                await self.app.workers.wait_for_complete(loading)
            except (WorkerFailed, WorkerCancelled):
                pass  # a failed load has been reported, a replaced one is followed by its successor
            await asyncio.sleep(PANE_SETTLE_SECONDS)  # the pane handles what its workers posted

    async def _switch_to(self, tab_id: str) -> None:
        """Show this tab's pane (mounted on first use) and start its load."""
        if not self.has_tab(tab_id):
            return
        await self._mount_pane(tab_id)
        self._show_part(tab_id)

    def show_card(self) -> None:
        """Open the card's tab (at once: the card is always there)."""
        self._show_part("tab-card")

    def _show_part(self, tab_id: str) -> None:
        strip = self.query_one(TabStrip)
        shown = self.get_child_by_id(tab_id)
        focused = self.screen.focused
        if (
            focused is not None
            and focused is not strip
            and self in focused.ancestors
            and focused not in shown.walk_children()
        ):
            # The focused part is about to be hidden: keep the keys in this view.
            self.screen.set_focus(strip)
        self.active_tab = tab_id
        for part in self.children:
            if part is not strip:
                part.display = part is shown
        self._update_active_pane()

    async def _mount_pane(self, tab_id: str) -> None:
        if tab_id not in self.tabs or tab_id in self.panes:
            return
        _tab, _title, module, name = next(spec for spec in PANE_TABS if spec[0] == tab_id)
        styles.load(self.app, styles.PANES)
        pane = load_class(module, name)()
        self.panes[tab_id] = pane
        await self.mount(Vertical(pane, id=tab_id, classes="contact-pane"))

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
        self._update_active_pane()
        if at_once:
            self._card_loaded(self.read(contact_id))
        else:
            self._load(contact_id)

    def reload(self) -> None:
        self.shown_in_pane.clear()  # every pane reads again when next shown
        self.show_contact(self.contact_id)

    def _update_active_pane(self) -> None:
        """Give the visible pane the selected contact; hidden panes catch up when their tab opens."""
        tab_id = self.active_tab
        pane = self.panes.get(tab_id)
        if pane is None:
            return
        if hasattr(pane, "show_contact") and self.shown_in_pane.get(tab_id, -1) != self.contact_id:
            self.shown_in_pane[tab_id] = self.contact_id
            pane.show_contact(self.contact_id)

    @on(TabStrip.Activated)
    async def _tab_activated(self, event: TabStrip.Activated) -> None:
        event.stop()
        shown = next(part.id for part in self.children if part.display and not isinstance(part, TabStrip))
        if event.tab_id != shown:  # a click or an arrow key, not show_tab (which has switched)
            await self._switch_to(event.tab_id)

    @in_worker("load the contact", group="contact-card")
    def _load(self, contact_id: int | None) -> CardLoaded:
        return self.read(contact_id)

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
        if message.card is None:
            card_widget.update(NO_CONTACT)
            self.border_title = "Contact"
            return
        rule = Rule(characters="━", style=self.get_component_rich_style("contact-view--rule"))
        card_widget.update(
            Group(
                card_renderable(message.card, message.cadence_days),
                Text(),
                rule,
                Text(),
                timeline_renderable(message.timeline),
            )
        )
        self.border_title = Text(f"Contact: {visible(message.card.full_name)}")
