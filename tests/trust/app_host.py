"""The netkeep app, headless, for the concurrency test: it says what it shows, and writes too.

    python app_host.py DB TARGET_ID SECONDS

Lines on stdout: ``READY`` once the first frame is out; ``SEEN MONOTONIC TEXT`` the first
time the contact list has a person called TEXT or the timeline shows an entry TEXT written
by a writer of the test (``Crash Capture N``, ``crash log N``, ``ImportedN …``); ``ACK app N
MONOTONIC`` / ``ERR app N MESSAGE`` for its own writes (an interaction logged through core
on the UI thread, as the log form's save does, every quarter second); ``NOTE MESSAGE`` for
every notification (a failed load says so there). It quits when its stdin is closed, or
after SECONDS at the latest.
"""

from __future__ import annotations

import io
import os
import re
import sys
import threading
import time
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the trust package

from netkeep.core.interactions import log_interaction
from netkeep.core.records import InteractionInput
from netkeep.tui.app import NetkeepApp
from trust.ledger import app_log_text

WATCHED = re.compile(r"crash log \d+")
WATCHED_NAMES = ("Crash Capture ", "Imported")
OUT = os.fdopen(os.dup(1), "w", buffering=1)


def say(line: str) -> None:
    OUT.write(" ".join(line.split()) + "\n")


class WatchedApp(NetkeepApp):
    def __init__(self, db: str, target: int, seconds: float) -> None:
        super().__init__(db)
        self.target = target
        self.seconds = seconds
        self.seen: set[str] = set()
        self.written = 0
        self.timeline_state: tuple | None = None

    def notify(self, message, **options) -> None:  # type: ignore[override]
        say(f"NOTE {message}")
        super().notify(message, **options)

    async def on_ready(self) -> None:
        super().on_ready()
        await self.action_show_view("timeline")
        self.set_interval(0.05, self._report)
        self.set_interval(0.25, self._write)
        self.set_timer(self.seconds, self.exit)
        threading.Thread(target=self._quit_when_stdin_closes, daemon=True).start()
        say("READY")

    def _quit_when_stdin_closes(self) -> None:
        sys.stdin.read()
        self.call_from_thread(self.exit)

    def _report(self) -> None:
        now = time.monotonic()
        for row in self.contact_rows:
            if row.name.startswith(WATCHED_NAMES) and row.name not in self.seen:
                self.seen.add(row.name)
                say(f"SEEN {now:.4f} {row.name}")
        found = self.query("#timeline")
        if not found:
            return
        timeline = found.first()
        state = (timeline.generation, timeline.count, timeline.loading)
        if timeline.loading or state == self.timeline_state:
            return
        self.timeline_state = state
        console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
        for page in timeline.query(".timeline-page"):
            console.print(page.content)
        for text in WATCHED.findall(console.export_text()):
            if text not in self.seen:
                self.seen.add(text)
                say(f"SEEN {now:.4f} {text}")

    def _write(self) -> None:
        n, self.written = self.written, self.written + 1
        try:
            log_interaction(
                InteractionInput(contact_ids=(self.target,), kind="note", summary=app_log_text(n))
            )
        except Exception as error:  # counted by the test
            say(f"ERR app {n} {type(error).__name__}: {error}")
        else:
            say(f"ACK app {n} {time.monotonic():.4f}")


if __name__ == "__main__":
    app = WatchedApp(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
    app.run(headless=True)
    sys.exit(app.return_code or 0)
