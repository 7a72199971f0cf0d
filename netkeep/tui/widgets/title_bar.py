"""The title line: the app's name and the agenda counts, drawn by one widget."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "◆"


class TitleBar(Widget, can_focus=False):
    """``◆  netkeep — 3 due · 1 reply owed``; a click on the icon opens the command palette."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        app = self.app
        title = app.format_title(app.title, app.sub_title)
        width = self.size.width
        left = f" {ICON}  "
        room = max(width - 2 * len(left), 0)
        padding = max((room - title.cell_length) // 2, 0)
        return Content.assemble(left, " " * padding, title)

    async def on_click(self, event: events.Click) -> None:
        if event.x < 4 and self.app.ENABLE_COMMAND_PALETTE:
            await self.run_action("app.command_palette")
