"""Textual's Linux and macOS driver, reading the keyboard so that a byte that is not UTF-8
never ends the app.

Textual's driver decodes the keyboard as strict UTF-8 in its input thread: one byte that
was not UTF-8 (a terminal set to Latin-1, a binary paste) raised in that thread, and the
app ended with a traceback and exit status 0 before anything could be saved. Here such a
byte comes through as Python's surrogate escape (``\\udcff``), the way ``sys.argv`` hands
it over: a text field keeps it, shows it as �, and core's check refuses it under the field
when saving. Everything else in the same read (an Enter, an Esc) goes on as typed.

Imported only where that driver is (it needs ``termios``): see ``tui.terminal``.
"""

from __future__ import annotations

import codecs
import os
import selectors

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

#: Bytes read from the terminal at a time (Textual's own driver reads as much).
READ_SIZE = 4096


class TextOnlyDriver(LinuxDriver):
    """See the module. The input loop is Textual's, with a forgiving decoder."""

    def run_input_thread(self) -> None:
        parser = XTermParser()
        decode = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        def pass_on(ready: list, final: bool = False) -> None:
            for _key, mask in ready:
                if mask & selectors.EVENT_READ:
                    text = decode(os.read(self.fileno, READ_SIZE), final=final)
                    if not text:  # stdin is a pipe that has ended
                        break
                    for message in parser.feed(text):
                        self.process_message(message)
            for message in parser.tick():  # a lone Esc, once no sequence follows it
                self.process_message(message)

        try:
            while not self.exit_event.is_set():
                pass_on(selector.select(0.1))
            selector.unregister(self.fileno)
            pass_on(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _message in parser.feed(""):
                    pass
            except (EOFError, ParseError):  # the end of the input: nothing is left to read
                pass
