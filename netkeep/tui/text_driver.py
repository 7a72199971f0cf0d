"""Textual's Linux and macOS driver, carrying on past keyboard bytes that are not UTF-8.

Imported only where that driver is (it needs ``termios``): see ``tui.terminal``.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver

from netkeep.tui.messages import NotText


class TextOnlyDriver(LinuxDriver):
    """The input thread starts again after bytes it cannot decode (that read is dropped)."""

    def run_input_thread(self) -> None:
        while True:
            try:
                super().run_input_thread()
                return
            except UnicodeDecodeError:
                self.process_message(NotText())
                if self.exit_event.is_set():
                    return
