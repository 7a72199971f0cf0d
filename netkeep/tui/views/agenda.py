"""The Today view: the agenda, where the app opens.

One line per item, grouped: overdue, due today, this week, replies owed, replies to chase,
thank-yous due, their news, commitments, loops to close, intros owed. Keys act on the
highlighted item: ``l`` log (with the item's short note, if it has one), ``z`` snooze,
``x`` mark done (logging what happened in the same step), ``enter`` open the contact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message

from netkeep.core.cadence import config_problems
from netkeep.core.dates import humanize_date
from netkeep.core.errors import NetkeepError
from netkeep.core.text import visible
from netkeep.tui.keys import undo_hint
from netkeep.tui.messages import DataChanged, OpenContact
from netkeep.tui.widgets.agenda_list import AgendaLine, AgendaList
from netkeep.tui.workers import in_worker, report_failure

if TYPE_CHECKING:
    from netkeep.core.agenda import Agenda, AgendaCounts, AgendaItem
    from netkeep.core.records import InteractionInput
    from netkeep.tui.forms.interaction import Logged

# The agenda's core (netkeep.core.agenda and the modules it reads: ~9 ms of imports) is
# imported where it is used, so it loads in the first worker, after the first frame.

EMPTY_TEXT = "Nothing due — a good day to reach out to someone new."
LOADING_TEXT = "Reading the agenda…"
KEYS_HINT = "l log · z snooze · x done · enter open"
#: The key of a section's "… and N more" line (followed by the section's name).
MORE = "more-"
#: Items shown per section at first, and how many more each "… and N more" adds.
SHOWN_PER_SECTION = 100


def item_line(item: AgendaItem, agenda: Agenda) -> AgendaLine:
    """One agenda line: who and what (user text rendered literally and safely, see
    ``core.text.visible``), and when in its own column."""
    import netkeep.core.agenda as agenda_core

    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(visible(item.contact_name, one_line=True), style="bold")
    line.append("  ")
    line.append(visible(item.text, one_line=True))
    return AgendaLine(item.key, line, agenda_core.when_text(item, agenda.day))


class TodayView(AgendaList):
    """The agenda with keys to log, snooze, finish or open each item (enter opens the contact)."""

    BORDER_TITLE = "Today"
    BORDER_SUBTITLE = KEYS_HINT
    BINDINGS = [
        Binding("l", "log", "Log", id="today.log", tooltip="Log an interaction for this item"),
        Binding(
            "z",
            "snooze",
            "Snooze",
            id="today.snooze",
            tooltip="Move this item to tomorrow, next week or a date you type",
        ),
        Binding(
            "x",
            "done",
            "Done",
            id="today.done",
            tooltip="Mark this item done, logging what happened in the same step",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """The worker read the agenda."""

        agenda: Agenda

    @dataclass
    class CountsChanged(Message):
        """New totals, and the header text for them (``Today: 3 due · 1 reply owed``)."""

        counts: AgendaCounts
        text: str

    def __init__(self, *, id: str | None = "today", classes: str | None = None) -> None:
        super().__init__([AgendaLine("", Text(LOADING_TEXT, style="italic dim"))], id=id, classes=classes)
        self.agenda: Agenda | None = None
        self._items: dict[str, AgendaItem] = {}
        #: Items read per section; enter on "… and N more" raises it.
        self.shown_per_section = SHOWN_PER_SECTION

    def on_mount(self) -> None:
        # After the first frame: the worker's ~150 ms of CPU (the agenda's queries, and the
        # cadences brought up to date) would otherwise compete with it for the interpreter.
        self.call_after_refresh(self._load, True)

    # -- loading -------------------------------------------------------------------

    def reload(self) -> None:
        """Read the agenda again (in a worker) and show it."""
        self._load()

    @in_worker("load the agenda", group="today")
    def _load(self, first: bool = False) -> Loaded:
        import netkeep.core.agenda as agenda_core
        from netkeep.core.keep_in_touch import apply_cadence

        if first:  # the [cadence] table may have changed since the last run
            for problem in config_problems():
                self.app.call_from_thread(
                    self.notify, problem, title="config.toml", severity="warning", markup=False
                )
            apply_cadence()
        return self.Loaded(agenda_core.agenda(limit=self.shown_per_section))

    @on(Loaded)
    def _show(self, event: Loaded) -> None:
        import netkeep.core.agenda as agenda_core

        event.stop()
        agenda = self.agenda = event.agenda
        current = self.current_item
        self._items = {}
        lines: list[AgendaLine] = []
        for name, heading, items, total in agenda.sections():
            if not total:
                continue
            shown_total = agenda_core.total_text(name, total)
            lines.append(AgendaLine("", Text(f"{heading} ({shown_total})", style="bold underline")))
            for item in items:
                self._items[item.key] = item
                lines.append(item_line(item, agenda))
            if total > len(items):
                more = agenda_core.total_text(name, total, len(items))
                lines.append(
                    AgendaLine(f"{MORE}{name}", Text(f"  … and {more} more (enter shows them)", style="dim"))
                )
        if not lines:  # the list stays (and keeps the focus) with a friendly line in it
            lines.append(AgendaLine("", Text(EMPTY_TEXT, style="italic")))
        # The item keeps the cursor; if it is gone (done, snoozed), the next one takes its place.
        self.set_lines(lines, current.key if current else None, near=self.cursor)
        self.post_message(self.CountsChanged(agenda.counts, agenda_core.header_text(agenda.counts)))

    # -- the highlighted item ----------------------------------------------------

    @property
    def current_item(self) -> AgendaItem | None:
        return self._items.get(self.highlighted_key or "")

    def cursor_moved(self) -> None:
        self.refresh_bindings()  # l, z and x act on the item under the cursor

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """l, z and x only where there is an item (z: one that can be snoozed)."""
        if action in ("log", "done"):
            return self.current_item is not None
        if action == "snooze":
            item = self.current_item
            if item is None:
                return False  # before the agenda's core is imported (not before the first frame)
            import netkeep.core.agenda as agenda_core

            return item.kind in agenda_core.SNOOZABLE
        return True

    def _changed(self, item: AgendaItem, message: str) -> None:
        self.notify(f"{message.rstrip('.')} — {undo_hint(self.app)}.", markup=False)
        self.post_message(DataChanged(item.contact_id))
        self.reload()

    def _run(self, item: AgendaItem, action, message: str) -> None:
        try:
            action()
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "save the change", error)
            return
        self._changed(item, message)

    def _log_input(self, item: AgendaItem, logged: Logged) -> InteractionInput:
        """What to log for this item (both people of an intro)."""
        import netkeep.core.agenda as agenda_core

        data = agenda_core.log_input(
            item, logged.summary, kind=logged.kind, when=logged.occurred_at, direction=logged.direction
        )
        others = tuple(i for i in logged.contact_ids if i not in data.contact_ids)  # "Who" adds them
        return replace(
            data,
            contact_ids=data.contact_ids + others,
            reply_owed=logged.reply_owed,
            awaiting_reply=logged.awaiting_reply,
        )

    # -- actions -------------------------------------------------------------------

    def chosen(self) -> None:
        if (self.highlighted_key or "").startswith(MORE):
            self.shown_per_section += SHOWN_PER_SECTION
            self.reload()
            return
        item = self.current_item
        if item is not None:
            self.post_message(OpenContact(item.contact_id))

    def action_log(self) -> None:
        item = self.current_item
        if item is None:
            return
        # The forms are imported when first used: ~8 ms less before the first frame.
        import netkeep.core.agenda as agenda_core
        from netkeep.tui.forms.interaction import InteractionForm

        def save(logged: Logged) -> str:
            from netkeep.core.contact_card import who

            if item.kind == "loop" and logged.closes_loop:
                agenda_core.complete(item, self._log_input(item, logged))
                return f"Logged, and closed the loop with {item.contact_name}."
            data = self._log_input(item, logged)
            logged.write(data)
            return f"Logged {logged.kind} with {who(data.contact_ids)}."

        form = InteractionForm(
            item.contact_name,
            save,
            contact_id=item.contact_id,
            kind=agenda_core.default_kind(item),
            summary=item.note,  # their news, a chase: a short note to start from
            loop_about=item.other_name if item.kind == "loop" else "",
            news=item.kind != "loop",
        )
        self.app.push_screen(form, partial(self._logged, item))

    def _logged(self, item: AgendaItem, message: str | None) -> None:
        """After the log form: say what was written (None: it was cancelled)."""
        if message is not None:
            self._changed(item, message)

    def action_snooze(self) -> None:
        import netkeep.core.agenda as agenda_core

        item = self.current_item
        if item is None:
            return

        def chosen(day) -> None:
            if day is not None:
                self._run(item, lambda: agenda_core.snooze(item, day), f"Snoozed until {humanize_date(day)}.")

        from netkeep.tui.forms.followups import SnoozeForm

        self.app.push_screen(SnoozeForm(f"{item.contact_name}: {item.text}"), chosen)

    def action_done(self) -> None:
        import netkeep.core.agenda as agenda_core

        item = self.current_item
        if item is None:
            return

        def save(logged: Logged) -> str:
            agenda_core.complete(item, self._log_input(item, logged) if logged.summary else None)
            return "Done, and logged." if logged.summary else "Done."

        from netkeep.tui.forms.interaction import DoneForm

        form = DoneForm(
            item.contact_name,
            save,
            kind=agenda_core.default_kind(item),
            context=f"{item.contact_name}: {item.text}",
        )
        self.app.push_screen(form, partial(self._logged, item))
