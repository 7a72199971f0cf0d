"""The app's text fields: Textual's Input and TextArea, keeping every character text needs.

Textual's fields take only the keys for which ``str.isprintable()`` holds, so a typed
zero-width joiner (👩🏽‍💻), zero-width non-joiner (Persian names) or direction mark never
arrived. These take those too (format, space and private-use characters), never a typed control
character, and show what they hold safely (``core.text.visible``): a control character
in a stored value or a paste shows as its symbol, ␛ for ESC, never reaching the terminal.
A one-line field keeps it in its value, so core's check refuses it under the field; a
field of several lines shows a stored one as its symbol and leaves a pasted one out.
"""

from __future__ import annotations

import unicodedata

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.widgets import Input, TextArea

from netkeep.core.text import strip_controls, visible

#: Unicode categories ``isprintable()`` refuses that text needs: format characters (joiners,
#: direction marks), spaces other than " " (no-break spaces), private-use characters.
INVISIBLE_TEXT = frozenset({"Cf", "Zs", "Co"})


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

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(visible(text), **kwargs)

    def load_text(self, text: str) -> None:
        super().load_text(visible(text))

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        if self.read_only:
            return False
        return super().check_consume_key(key, character) or (character is not None and typeable(character))

    def on_key(self, event: events.Key) -> None:
        character = None if self.read_only else _invisible_text(event)
        if character is not None:
            event.stop()
            event.prevent_default()
            self._type(character)

    def on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            return
        event.stop()
        event.prevent_default()
        self._type(strip_controls(event.text.replace("\r\n", "\n").replace("\r", "\n"), multiline=True))

    def _type(self, text: str) -> None:
        result = self.replace(text, *self.selection, maintain_selection_offset=False)
        self.move_cursor(result.end_location)
