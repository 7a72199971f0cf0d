"""What the apps take from the terminal and what they send to it.

In: Textual's driver decodes the keyboard as strict UTF-8 in its input thread, so one byte
that was not UTF-8 (a terminal set to Latin-1, a binary paste) ended the app with a
traceback and exit status 0, before anything could be saved. ``text_driver`` drops what
cannot be decoded and posts :class:`NotText`, said under the field being typed in.
Out: notifications show user text through ``core.text.visible`` (escape codes as symbols),
and :func:`shown` does the same to a Rich ``Text`` built from user text.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import App
from textual.driver import Driver

from netkeep.core.text import visible
from netkeep.tui.messages import NotText

NOT_TEXT = (
    "Some of what was typed or pasted was not UTF-8 text and was left out (check the terminal's encoding)."
)


def shown(text: Text) -> Text:
    """``text`` with its control characters as symbols, in place (one for one: styles stay)."""
    text.plain = visible(text.plain)
    return text


class TerminalSafeApp(App[Any]):
    """The base of netkeep's apps: the driver of ``text_driver``, notifications made visible."""

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # Linux and macOS; Windows reads keys as text
            from netkeep.tui.text_driver import TextOnlyDriver

            return TextOnlyDriver
        return driver

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        super().notify(visible(message), title=visible(title), **options)

    @on(NotText)
    def _not_text(self) -> None:
        refuse = getattr(self.screen, "refuse_input", None)  # a form says it under the field
        focused = self.focused
        if refuse is not None and focused is not None:
            refuse(focused, NOT_TEXT)
        else:
            self.notify(NOT_TEXT, severity="error", markup=False)
