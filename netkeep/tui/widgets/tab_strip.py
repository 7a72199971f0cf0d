"""A row of tab titles drawn by one widget (Textual's tabs build a widget per tab)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class TabStrip(Widget, can_focus=True):
    """Tab titles with one active; ← → move between them, a click picks one."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"tab-strip--active"}
    BINDINGS = [
        Binding("left", "step(-1)", "Previous tab", show=False, id="tabs.previous"),
        Binding("right", "step(1)", "Next tab", show=False, id="tabs.next"),
    ]
    DEFAULT_CSS = """
    TabStrip {
        height: 1;
        margin-bottom: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    TabStrip > .tab-strip--active {
        color: $text;
        background: $block-cursor-blurred-background;
        text-style: bold;
    }
    TabStrip:focus > .tab-strip--active {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
    }
    """

    active: reactive[str] = reactive("", init=False)

    @dataclass
    class Activated(Message):
        """Another tab is active."""

        tab_strip: TabStrip
        tab_id: str

        @property
        def control(self) -> TabStrip:
            return self.tab_strip

    def __init__(self, tabs: list[tuple[str, str]], **kwargs) -> None:
        """``tabs``: (tab id, title) pairs, the first one active."""
        super().__init__(**kwargs)
        self.tabs = tabs
        self._spans: list[tuple[int, int, str]] = []
        self.set_reactive(TabStrip.active, tabs[0][0])

    def validate_active(self, tab_id: str) -> str:
        return tab_id if any(tab == tab_id for tab, _title in self.tabs) else self.active

    def watch_active(self) -> None:
        self.post_message(self.Activated(self, self.active))

    def render(self) -> Text:
        active_style = self.get_component_rich_style("tab-strip--active", partial=True)
        line = Text(no_wrap=True, end="")
        self._spans = []
        pad, gap = self._spacing(self.size.width)
        for tab_id, title in self.tabs:
            start = line.cell_len
            line.append(f"{pad}{title}{pad}", style=active_style if tab_id == self.active else "")
            self._spans.append((start, line.cell_len, tab_id))
            line.append(gap)
        return line

    def _spacing(self, width: int) -> tuple[str, str]:
        """The room around each title (padding, gap) that lets every title show in full at
        ``width``: a narrow screen (80 columns) drops the gaps, then the padding."""
        titles = sum(cell_len(title) for _tab_id, title in self.tabs)
        count = len(self.tabs)
        for pad, gap in ((" ", " "), (" ", ""), ("", " ")):
            if titles + count * 2 * len(pad) + (count - 1) * len(gap) <= width:
                break
        return pad, gap

    def action_step(self, delta: int) -> None:
        ids = [tab_id for tab_id, _title in self.tabs]
        self.active = ids[(ids.index(self.active) + delta) % len(ids)]

    def on_click(self, event: events.Click) -> None:
        for start, end, tab_id in self._spans:
            if start <= event.x < end:
                self.active = tab_id
                return
