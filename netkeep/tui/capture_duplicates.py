"""The capture form's "is this …?" panel: who the new person may already be, and the
choices: open them, add to them, or save a new person anyway."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from netkeep.core.text import visible

#: (button id, label) for each choice, in the order Tab visits them.
CHOICES = (("open", "Open them"), ("add", "Add to them"), ("new", "New person anyway"))


class DuplicateChoice(Vertical):
    """The first likely match, with the others listed; posts ``Chosen`` on a button."""

    class Chosen(Message):
        def __init__(self, choice: str, match, data) -> None:
            super().__init__()
            self.choice = choice
            self.match = match
            self.data = data

    def __init__(self, matches: list, data) -> None:
        super().__init__(id="duplicates")
        self.matches = matches
        self.data = data

    def compose(self) -> ComposeResult:
        first = self.matches[0]
        lines = [f"Already here? {first.describe()}: {first.reason}."]
        lines += [f"  or {m.describe()}: {m.reason}" for m in self.matches[1:4]]
        yield Static(visible("\n".join(lines)), id="duplicates-text", markup=False)
        with Horizontal(id="duplicates-choices"):
            for choice, label in CHOICES:
                yield Button(label, id=f"dup-{choice}", compact=True)

    def on_mount(self) -> None:
        self.query_one("#dup-open", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = (event.button.id or "").removeprefix("dup-")
        self.post_message(self.Chosen(choice, self.matches[0], self.data))
