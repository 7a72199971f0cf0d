"""The help screen: every key that works right now, read from the active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from netkeep.tui.styles import HELP
from netkeep.tui.widgets.jk import JKScroll

MORE_KEYS = [
    ("a–z", "Filter", "On the contact list, a letter starts the filter (j and k move)"),
    ("tab shift+tab", "Next pane", "Move between the list, the filter and the panes"),
    ("esc", "Back", "Leave a text field for the pane's keys; close a form or dialog without saving"),
    ("ctrl+s", "Save", "Save a form"),
]


def key_table(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) for every enabled netkeep binding on ``screen``, app keys first."""
    app = screen.app
    merged: dict[tuple[str, str, str], list[str]] = {}
    ordered = sorted(screen.active_bindings.values(), key=lambda active: active.node is not app)
    for active in ordered:
        binding = active.binding
        if not active.enabled or not binding.description or not binding.id:
            continue
        key = (binding.action, binding.description, binding.tooltip)
        merged.setdefault(key, []).append(app.get_key_display(binding))
    return [
        (" ".join(dict.fromkeys(keys)), description, tooltip)
        for (_action, description, tooltip), keys in merged.items()
    ]


class HelpScreen(ModalScreen[None]):
    """Keys and screens; any of esc, q or ? closes it."""

    CSS_PATH = HELP
    AUTO_FOCUS = "#help-scroll"  # ↑ ↓ j k PgUp PgDn scroll at once (the app's own is #today)

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_help"),
    ]

    def __init__(self, keys: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        for keys, description, tooltip in self.keys + MORE_KEYS:
            table.add_row(keys, description, tooltip)
        intro = Text.assemble(
            ("netkeep", "bold"),
            " keeps your network alive: the list on the left is everyone, the right side shows "
            "Today (the agenda), the selected Contact (card, follow-ups, thank-you, reflect, "
            "prep), the whole network's Timeline or the Job search. On the list, typing a name "
            "filters it; press 2 (or tab) to go into the contact, where its keys work.\n",
        )
        with Vertical(id="help-box"):
            with JKScroll(id="help-scroll"):
                yield Static(intro)
                yield Static(table)
            yield Static(Text("esc closes · ctrl+p finds any command", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Help"
