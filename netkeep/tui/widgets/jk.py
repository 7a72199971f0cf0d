"""The app's option lists and scrolling parts, with j and k beside ↓ and ↑ (as in the
contact list and the agenda, whose ``CursorList`` binds them under the same ids)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList


class JKOptionList(OptionList):
    """An ``OptionList`` that also moves on j and k."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down_j"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up_k"),
    ]


class JKScroll(VerticalScroll):
    """A ``VerticalScroll`` that also scrolls on j and k."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="list.down_j"),
        Binding("k", "scroll_up", "Up", show=False, id="list.up_k"),
    ]
