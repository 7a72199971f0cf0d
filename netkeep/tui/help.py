"""The help screen: every key that works right now, read from the active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

LIST_KEYS = [
    ("↑ ↓  j k", "move in the contact list"),
    ("pgup pgdn home end", "jump in the contact list"),
    ("enter", "open the highlighted contact"),
    ("esc (in the filter)", "clear the filter, then back to the list"),
    ("tab shift+tab", "move between panes"),
]


def key_table(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every enabled binding on ``screen``'s focus chain, aliases merged."""
    app = screen.app
    merged: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or not binding.description or binding.system:
            continue
        merged.setdefault((binding.action, binding.description), []).append(app.get_key_display(binding))
    return [(" ".join(dict.fromkeys(keys)), description) for (_action, description), keys in merged.items()]


class HelpScreen(ModalScreen[None]):
    """Keys and screens; any of esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_help"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.keys + LIST_KEYS:
            table.add_row(keys, description)
        intro = Text.assemble(
            ("netkeep", "bold"),
            " keeps your network alive: the list on the left is everyone, the right side shows "
            "Today (the agenda), the selected Contact (card, thank-you, reflect, prep) or the "
            "whole network's Timeline.\n",
        )
        with Vertical(id="help-box"):
            with VerticalScroll():
                yield Static(intro)
                yield Static(table)
            yield Static(Text("esc closes · ctrl+p finds any command", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Help"
