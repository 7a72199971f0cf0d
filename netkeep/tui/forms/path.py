"""A small modal asking where to save a file."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PathPrompt(ModalScreen[str | None]):
    """Ask for a file path (pre-filled); Enter dismisses with it, Esc with None."""

    DEFAULT_CSS = """
    PathPrompt { align: center middle; }
    PathPrompt #path-box {
        width: 80; max-width: 100%; height: auto; border: round $primary;
        background: $surface; padding: 0 1;
    }
    PathPrompt Label { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="path.cancel", tooltip="Do not save")]

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="path-box"):
            yield Label("Save to (a file, or a folder); Enter saves, Esc cancels")
            yield Input(self.default, id="path-input")

    def on_mount(self) -> None:
        self.query_one("#path-box").border_title = Text(self.title_text)
        self.query_one("#path-input", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
