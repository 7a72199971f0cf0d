"""The agenda's lines: section headings and notes, and the items the cursor stops on."""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from netkeep.tui.widgets.cursor_list import CursorList

#: The narrowest the text of an item may get before its date gives up its own column.
MIN_TEXT = 12


class AgendaLine(NamedTuple):
    """One line: an item (its key) or, with an empty key, a heading or a note; ``when`` (an
    item's date: ``due 3 days ago``) keeps a column at the right edge, the text is cut first."""

    key: str
    text: Text
    when: str = ""


class AgendaList(CursorList):
    """Hundreds of agenda lines, drawn only where they are on screen (``TodayView`` acts on them)."""

    def __init__(self, lines: list[AgendaLine], **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines = lines

    def set_lines(self, lines: list[AgendaLine], keep_key: str | None, near: int) -> None:
        """Show ``lines`` with the cursor on ``keep_key``, or on the first item from line ``near``."""
        self.lines = lines
        keys = [line.key for line in lines]
        if keep_key and keep_key in keys:
            cursor = keys.index(keep_key)
        else:
            items = [index for index, key in enumerate(keys) if key]
            cursor = next((index for index in items if index >= near), items[0] if items else 0)
        self.show_rows(cursor)

    @property
    def highlighted_key(self) -> str | None:
        """The key of the item under the cursor (None when there are no items)."""
        if 0 <= self.cursor < len(self.lines):
            return self.lines[self.cursor].key or None
        return None

    @property
    def row_count(self) -> int:
        return len(self.lines)

    def selectable(self, index: int) -> bool:
        return bool(self.lines[index].key)

    def render_row(self, index: int, width: int, base: Style, secondary: Style) -> Strip:
        line = self.lines[index]
        text = line.text.copy()
        room = max(width - 2, 0)
        when = Text(line.when, style="dim", no_wrap=True)
        if line.when and room - when.cell_len - 2 >= MIN_TEXT:
            text.truncate(room - when.cell_len - 2, overflow="ellipsis", pad=True)
            text.append("  ").append_text(when)
        elif line.when:  # too narrow for two columns: the date follows the text
            text.append("  · ").append_text(when)
        text.truncate(room, overflow="ellipsis")
        segments = [Segment(" "), *text.render(self.app.console, end=""), Segment(" ")]
        return Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)
