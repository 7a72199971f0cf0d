"""A one-line-per-row list with a cursor that draws only the rows on screen (Line API).

The contact list (30,000 rows) and the agenda (hundreds) are built on it: setting new rows
costs nothing per row, where an ``OptionList`` renders every option up front (~50 ms for
800 agenda lines).
"""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class CursorList(ScrollView, can_focus=True):
    """Rows ``0 .. row_count - 1``; subclasses draw a row and say which ones the cursor may take."""

    COMPONENT_CLASSES = {"cursor-list--cursor", "cursor-list--secondary"}
    DEFAULT_CSS = """
    CursorList {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    CursorList > .cursor-list--cursor {
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    CursorList:focus > .cursor-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    CursorList > .cursor-list--secondary {
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("j", "cursor_down", "Down", show=False, id="list.down_j"),
        Binding("up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up_k"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", show=False, id="list.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._line_styles: tuple[Style, Style, Style] | None = None

    # -- what subclasses provide -------------------------------------------------------

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def render_row(self, index: int, width: int, base: Style, secondary: Style) -> Strip:
        """Row ``index`` at ``width`` cells (``base``/``secondary`` already carry the cursor)."""
        raise NotImplementedError

    def render_blank(self, y: int, width: int, base: Style) -> Strip:
        """Line ``y`` of the view below the last row (an empty list's message, if any)."""
        return Strip.blank(width, base)

    def selectable(self, index: int) -> bool:
        """Whether the cursor may rest on row ``index`` (headings may not)."""
        return True

    def cursor_moved(self) -> None:
        """The cursor is on another row: subclasses post their message."""

    def chosen(self) -> None:
        """Enter or a double click on the cursor's row: subclasses post their message."""

    # -- the cursor ----------------------------------------------------------------------

    def show_rows(self, cursor: int) -> None:
        """The rows changed: size the view for them and put the cursor on ``cursor``."""
        self.virtual_size = Size(0, self.row_count)  # rows are cut to the width, never scrolled sideways
        self.cursor = cursor
        self.call_after_refresh(self.scroll_to_cursor)

    def scroll_to_cursor(self) -> None:
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count - 1))

    def watch_cursor(self) -> None:
        self.refresh()
        self.scroll_to_cursor()
        self.cursor_moved()

    def _move(self, target: int, step: int) -> None:
        """Put the cursor on ``target``, or the nearest row the cursor may take in ``step``'s
        direction from it (then in the other direction)."""
        count = self.row_count
        if not count:
            return
        target = max(0, min(target, count - 1))
        for direction in (step, -step):
            index = target
            while 0 <= index < count:
                if self.selectable(index):
                    self.cursor = index
                    return
                index += direction

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1, -1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(self.scrollable_content_region.height - 1, 1), 1)

    def action_page_up(self) -> None:
        self._move(self.cursor - max(self.scrollable_content_region.height - 1, 1), -1)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(self.row_count - 1, -1)

    def action_select(self) -> None:
        if 0 <= self.cursor < self.row_count and self.selectable(self.cursor):
            self.chosen()

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.row_count and self.selectable(index):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    # -- drawing -------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._line_styles = None  # read again once per paint, not per line (see render_line)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if self._line_styles is None:  # ``rich_style`` walks every ancestor: once per paint
            self._line_styles = (
                self.rich_style,
                self.get_component_rich_style("cursor-list--secondary"),
                self.get_component_rich_style("cursor-list--cursor"),
            )
        base, secondary, cursor = self._line_styles
        if index >= self.row_count or width <= 0:
            return self.render_blank(y, width, base)
        if index == self.cursor and self.selectable(index):
            base, secondary = base + cursor, secondary + cursor
        return self.render_row(index, width, base, secondary)
