"""The footer: the keys that work right now, on one line.

One widget that redraws when the bindings change, where Textual's ``Footer`` rebuilds a
widget per key each time: at start-up that cost three rebuilds of nine widgets (~40 ms).
A click on a key presses it; keys that are shown but unavailable are dimmed.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """A key to show: the key, how it is written, its description and tooltip, and whether it works now."""

    key: str
    display: str
    description: str
    tooltip: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    """Key hints for the focused widget, the screen and the app, with the palette key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--hover {
        background: $block-hover-background;
    }
    """

    hovered: reactive[int | None] = reactive(None)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        #: Where each drawn key starts and ends on the line.
        self._shown: list[tuple[int, int, Key]] = []

    def on_mount(self) -> None:
        self._watched: Screen = self.screen
        self._watched.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self._watched.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: Screen) -> None:
        """A form or dialog opened (or closed) over the app: show its keys, not the ones
        under it, which do nothing while it is open."""
        self._watched.bindings_updated_signal.unsubscribe(self)
        self._watched = screen if screen.is_modal else self.screen
        self._watched.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.refresh()

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """Each shown action's key, and the command palette's key."""
        app = self.app
        shown: list[Key] = []
        actions: set[str] = set()
        palette = None
        for key, (_node, binding, enabled, tooltip) in self._watched.active_bindings.items():
            entry = Key(
                key,
                app.get_key_display(binding),
                binding.description,
                tooltip or binding.description,
                enabled,
            )
            if app.ENABLE_COMMAND_PALETTE and key == app.COMMAND_PALETTE_BINDING:
                palette = entry
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(entry)
        return shown, palette

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        keys, palette = self.keys()
        line = Text(no_wrap=True, overflow="crop", end="")
        self._shown = []
        right = None
        if palette is not None:
            right = Text.assemble(
                (f" {palette.display} ", key_style), (f"{palette.description} ", description_style)
            )
        room = width - (right.cell_len + 1 if right is not None else 0)
        for key in keys:
            part = Text.assemble((f" {key.display} ", key_style), (f"{key.description} ", description_style))
            if line.cell_len + part.cell_len > room:
                break
            self._add(line, part, key, hover_style)
        if right is not None and palette is not None:
            line.append(" " * max(width - line.cell_len - right.cell_len, 1))
            self._add(line, right, palette, hover_style)
        return line

    def _add(self, line: Text, part: Text, key: Key, hover_style) -> None:
        start = line.cell_len
        if not key.enabled:
            part.stylize("dim")
        elif self.hovered == len(self._shown):
            part.stylize(hover_style)
        line.append_text(part)
        self._shown.append((start, line.cell_len, key))

    def _at(self, x: int) -> int | None:
        for index, (start, end, _key) in enumerate(self._shown):
            if start <= x < end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._at(event.x)

    def watch_hovered(self, hovered: int | None) -> None:
        self.tooltip = self._shown[hovered][2].tooltip if hovered is not None else None

    def on_leave(self) -> None:
        self.hovered = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        key = self._shown[index][2]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
