"""A small form asking where to save a file."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input

from netkeep.tui.forms.base import FieldRow, FormScreen
from netkeep.tui.widgets.text_input import TextInput


class PathPrompt(FormScreen[str]):
    """Ask for a file path (pre-filled); Enter dismisses with it, Esc with None."""

    BOX_CLASSES = "small-form"

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default

    def form_title(self) -> Text:
        return Text(self.title_text)

    def fields(self) -> ComposeResult:
        field = TextInput(self.default, id="path-input", compact=True)
        yield FieldRow("path", "Save to (a file, or a folder)", field)

    def collect(self) -> str | None:
        return self.query_one("#path-input", Input).value.strip() or None  # empty: save nothing
