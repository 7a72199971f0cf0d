"""The real netkeep app with one addition for the crash test: it reports what is on screen
in STATE_FILE, so the test knows when to send the next key.

Usage: python crash_host.py DB STATE_FILE. The test drives it with real keys through a
pseudo-terminal: / and Esc give the list the keyboard, End picks the last contact, 2 goes
into the contact, t opens the Thank-you tab, then it types.
States: "listed" (the contact list is filled), "contact" (the list has the keyboard),
"selected" (the last contact's card is shown), "card" (the card has the keyboard),
"typing" (the letter editor has the keyboard, with a letter in it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from netkeep.tui.app import NetkeepApp
from netkeep.tui.panes.letters import ThanksPane


class CrashHost(NetkeepApp):
    def __init__(self, db_path: str, state: Path) -> None:
        super().__init__(db_path)
        self.state = state

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(0.05, self._report)

    def _report(self) -> None:
        rows = self.contact_rows
        panes = self.screen.query(ThanksPane)  # mounted when its tab is first opened
        pane = panes.first() if panes else None
        focused = self.focused
        if (
            focused is not None
            and focused.id == "thanks-body"
            and focused.text
            and pane is not None
            and pane.meeting_id is not None
        ):
            state = "typing"
        elif focused is not None and focused.id == "tab-card":
            state = "card"
        elif rows and self.contact_view.card is not None and self.contact_view.card.id == rows[-1].id:
            state = "selected"
        elif rows and focused is not None and type(focused).__name__ == "ContactRows":
            state = "contact"
        elif rows:
            state = "listed"
        else:
            return
        self.state.write_text(state)


if __name__ == "__main__":
    CrashHost(sys.argv[1], Path(sys.argv[2])).run()
