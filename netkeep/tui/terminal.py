"""What the apps take from the terminal and what they send to it.

In: the keyboard through ``text_driver`` (a byte that is not UTF-8 never ends the app).
Out: notifications show user text through ``core.text.visible`` (escape codes as symbols),
and :func:`shown` does the same to a Rich ``Text`` built from user text.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.driver import Driver

from netkeep.core.text import visible


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
