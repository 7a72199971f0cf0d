"""The network-wide timeline: newest first, grouped by week, with a year of activity above."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Sparkline, Static

from netkeep.core import interactions
from netkeep.core.dates import format_date, local_tz
from netkeep.core.records import TimelineEntry
from netkeep.tui.widgets.card import entries_table
from netkeep.tui.widgets.jk import JKScroll
from netkeep.tui.workers import in_worker

PAGE = 100


def week_heading(when: datetime) -> str:
    """``Week of 23 Nov 2026`` for the Monday starting ``when``'s week (local time)."""
    import pendulum

    monday = pendulum.instance(when).in_timezone(local_tz()).start_of("week")
    return f"Week of {format_date(monday.date())}"


class TimelineView(Vertical):
    """Every interaction, a page at a time; scrolling to the end reads the next, older page."""

    @dataclass
    class PageLoaded(Message):
        entries: list[TimelineEntry]
        activity: list[int] | None
        first: bool
        generation: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        #: The oldest entry shown so far: the next page starts after it.
        self.oldest: TimelineEntry | None = None
        self.last_week = ""
        self.exhausted = False
        self.loading = False
        self.count = 0
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="activity-label", markup=False)
        yield Sparkline([], id="activity")
        with JKScroll(id="timeline-scroll"):
            yield Static("Loading…", id="timeline-end", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Timeline"
        scroll = self.query_one("#timeline-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", lambda _y: self.load_more_if_needed(), init=False)
        self.reload()

    def reload(self) -> None:
        """Read the newest page (and the activity chart) again."""
        self.loading = True
        self.generation += 1
        self._load(None, None, True, self.generation)

    @in_worker("load the timeline", group="timeline")
    def _load(
        self, before: datetime | None, before_id: int | None, first: bool, generation: int
    ) -> PageLoaded:
        entries = interactions.network_timeline(before=before, before_id=before_id, limit=PAGE)
        activity = interactions.weekly_activity(52) if first else None
        return self.PageLoaded(entries, activity, first, generation)

    @on(PageLoaded)
    async def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self.generation:
            return  # a page of the timeline as it was before the last reload
        scroll = self.query_one("#timeline-scroll", VerticalScroll)
        end = self.query_one("#timeline-end", Static)
        if message.first:
            await scroll.query(".timeline-page").remove()
            self.last_week, self.count, self.exhausted = "", 0, False
            activity = message.activity or []
            self.query_one(Sparkline).data = activity
            self.query_one("#activity-label", Static).update(
                f"Activity, last 52 weeks: {sum(activity):,} interactions "
                f"(busiest week {max(activity, default=0)})"
            )
        self.loading = False
        if message.entries:
            self.oldest = message.entries[-1]
            self.count += len(message.entries)
            await scroll.mount(Static(self._page_text(message.entries), classes="timeline-page"), before=end)
        self.exhausted = len(message.entries) < PAGE
        if self.exhausted:
            end.update(
                "Nothing older."
                if self.count
                else "Nothing logged yet — press l on a contact to log a conversation."
            )
        else:
            end.update("Scroll down for older entries…")
            self.call_after_refresh(self.load_more_if_needed)

    def _page_text(self, entries: list[TimelineEntry]) -> Group:
        """A page of entries under week headings (a week may continue from the page before)."""
        parts: list = []
        week: list[TimelineEntry] = []
        for entry in entries:
            heading = week_heading(entry.occurred_at)
            if heading != self.last_week:
                if week:
                    parts.append(entries_table(week, with_people=True))
                    week = []
                parts.append(Text(("\n" if self.last_week else "") + heading, style="bold underline"))
                self.last_week = heading
            week.append(entry)
        if week:
            parts.append(entries_table(week, with_people=True))
        return Group(*parts)

    def load_more_if_needed(self) -> None:
        scroll = self.query_one("#timeline-scroll", VerticalScroll)
        if self.loading or self.exhausted or self.oldest is None:
            return
        if scroll.scroll_y >= scroll.max_scroll_y - scroll.size.height:
            self.loading = True
            self._load(self.oldest.occurred_at, self.oldest.id, False, self.generation)
