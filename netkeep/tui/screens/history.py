"""The History screen: recent changes (what, when, who), and undoing any of them."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netkeep.core import history
from netkeep.core.errors import NetkeepError
from netkeep.core.text import visible
from netkeep.tui.messages import ChangeUndone
from netkeep.tui.styles import HISTORY
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.workers import in_worker

#: Changes listed (the newest; `netkeep history --limit N` shows more).
SHOWN = 200


def entry_line(entry: history.Entry) -> Text:
    """``12 Mar 10:04  Archived Ana Silva  Ana Silva`` (an undone one dimmed), as plain text
    (escape codes shown as symbols)."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{entry.when:<13}", style="dim")
    line.append(visible(entry.summary), style="dim strike" if entry.undone else "")
    if entry.undone:
        line.append("  (undone)", style="dim")
    people = ", ".join(entry.names)
    more = len(entry.contact_ids) - len(entry.names)
    if people or more > 0:
        line.append(visible(f"  {people}{f' +{more}' if people and more > 0 else ''}"), style="dim italic")
    return line


class HistoryScreen(ModalScreen[None]):
    """Recent changes, newest first; ``u`` or enter undoes the highlighted one (an undo too:
    that is a redo). The app says what an undo did (``ChangeUndone`` reaches it too)."""

    CSS_PATH = HISTORY
    BINDINGS = [
        Binding("u", "undo", "Undo it", id="history.undo", tooltip="Undo the highlighted change"),
        Binding("escape", "close", "Close", id="history.close", tooltip="Back to the app"),
        Binding("q", "close", "Close", show=False, id="history.close_q", tooltip="Back to the app"),
    ]

    @dataclass
    class Loaded(Message):
        entries: list[history.Entry]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[history.Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static("History: recent changes, newest first", id="history-title")
            yield JKOptionList(id="history-list")
            yield Static(
                "u or enter: undo the highlighted change (an undo too: that redoes it) · esc: close",
                id="history-hint",
            )

    def on_mount(self) -> None:
        self.load()

    @in_worker("load the history", group="history")
    def load(self) -> Message:
        return self.Loaded(history.recent(SHOWN))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not self.entries:
            options.add_option(Option("Nothing has changed yet.", disabled=True))
            return
        options.add_options([Option(entry_line(e), id=str(e.id)) for e in self.entries])
        options.highlighted = min(highlighted or 0, len(self.entries) - 1)
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_undo()

    def action_undo(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.entries):
            return
        self.undo(self.entries[index].id)

    @in_worker("undo", group="history-undo")
    def undo(self, change_id: int) -> ChangeUndone:
        try:
            done = history.undo(change_id)
        except NetkeepError as error:
            return ChangeUndone(str(error), False)
        return ChangeUndone(f"Done: {done.summary}.", True)

    @on(ChangeUndone)
    def _undone(self, message: ChangeUndone) -> None:
        if message.ok:
            self.load()  # the app (where the message goes on to) says what happened

    def action_close(self) -> None:
        self.dismiss()
