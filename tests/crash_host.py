"""A tiny app holding the thank-you pane, run in a real pseudo-terminal by the crash test.

Usage: python crash_host.py DB CONTACT_ID READY_FILE. It writes READY_FILE once the draft is
on screen with the cursor at its end, then waits for keys like the real app.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from netkeep.store.database import open_database
from netkeep.tui.thanks import ThanksPane


class CrashHost(App[None]):
    def __init__(self, contact_id: int, ready: Path) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.ready = ready

    def compose(self) -> ComposeResult:
        yield ThanksPane()

    def on_mount(self) -> None:
        self.query_one(ThanksPane).show_contact(self.contact_id)
        self.waiting = self.set_interval(0.1, self._when_loaded)

    def _when_loaded(self) -> None:
        editor = self.query_one("#thanks-body", TextArea)
        if editor.text:
            self.waiting.stop()
            editor.focus()
            editor.move_cursor(editor.document.end)
            self.ready.write_text("ready")


if __name__ == "__main__":
    open_database(sys.argv[1])
    CrashHost(int(sys.argv[2]), Path(sys.argv[3])).run()
