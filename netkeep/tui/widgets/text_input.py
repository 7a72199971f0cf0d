"""The app's text fields: Textual's Input and TextArea, keeping every character text needs.

Textual's fields take only the keys for which ``str.isprintable()`` holds, so a typed
zero-width joiner (👩🏽‍💻), zero-width non-joiner (Persian names) or direction mark never
arrived. These take those too (format, space and private-use characters, and a byte that
was not UTF-8, for core to refuse), never a typed control character, and show what they
hold safely (``core.text.visible``): a control character
in a stored value or a paste shows as its symbol, ␛ for ESC, never reaching the terminal.
The field keeps it as it came, so core's check refuses it under the field on save.
"""

from __future__ import annotations

import unicodedata

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.widgets import Input, TextArea

from netkeep.core.text import visible

#: Unicode categories ``isprintable()`` refuses that a field takes: format characters
#: (joiners, direction marks), spaces other than " " (no-break spaces), private-use
#: characters, and surrogates: a byte that was not UTF-8 (see ``tui.text_driver``), kept so
#: that core's check can say so under the field.
INVISIBLE_TEXT = frozenset({"Cf", "Zs", "Co", "Cs"})


def typeable(character: str) -> bool:
    """Whether a text field takes this key's character."""
    return character.isprintable() or unicodedata.category(character) in INVISIBLE_TEXT


def _invisible_text(event: events.Key) -> str | None:
    """The key's character when Textual's own handler would drop it but text needs it."""
    character = event.character
    if character is None or len(character) != 1 or character.isprintable() or not typeable(character):
        return None
    return character


class VisibleControls(Highlighter):
    """Shows control characters as their symbols: one character for one, so the cursor and
    the selection stay where they are."""

    def highlight(self, text: Text) -> None:
        text.plain = visible(text.plain)


class TextInput(Input):
    """A one-line field (see the module)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("highlighter", VisibleControls())
        super().__init__(*args, **kwargs)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and typeable(character)

    def on_key(self, event: events.Key) -> None:
        character = _invisible_text(event)
        if character is None:
            return  # Input's own handler takes it
        event.stop()
        event.prevent_default()
        if self.selection.is_empty:
            self.insert_text_at_cursor(character)
        else:
            self.replace(character, *self.selection)


class TextEditor(TextArea):
    """A field of several lines (see the module)."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        if self.read_only:
            return False
        return super().check_consume_key(key, character) or (character is not None and typeable(character))

    def on_key(self, event: events.Key) -> None:
        character = None if self.read_only else _invisible_text(event)
        if character is not None:
            event.stop()
            event.prevent_default()
            result = self.replace(character, *self.selection, maintain_selection_offset=False)
            self.move_cursor(result.end_location)

    def get_line(self, line_index: int) -> Text:
        """The line as drawn: its control characters as symbols (one for one, so the cursor
        and the selection stay where they are)."""
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)
