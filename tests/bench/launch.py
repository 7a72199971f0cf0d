"""Start one app for the start-up benchmark and write when it was ready (not a test).

    python tests/bench/launch.py READY_FILE bare|capture|main [DB]

Every app is started the same way: this script installs a Ready hook on Textual's
``App`` (an ``_on_ready`` handler, which Textual calls for every app class after the
first paint), then runs the app. ``bare`` is a Textual app with one Input; ``capture``
runs ``netkeep capture`` through the real command line; ``main`` runs ``netkeep`` itself.

``bare`` and ``capture`` count as ready at the first paint with an Input focused (ready
to type). ``main`` counts as ready once the contact list is filled and the first contact's
card is shown. The script writes ``time.time()`` at that moment (plus what was focused)
and the CPU time used so far (all threads) to READY_FILE and exits the app.
"""

from __future__ import annotations

import json
import sys
import time


def install(ready_file: str, wait_for_data: bool) -> None:
    from textual.app import App

    def write(app: App) -> None:
        focused = type(app.focused).__name__ if app.focused else ""
        with open(ready_file, "w") as out:
            json.dump({"at": time.time(), "cpu": time.process_time(), "screen": type(app.screen).__name__,
                       "focused": focused}, out)
        app.exit()

    def loaded(app: App) -> bool:
        contact_list = getattr(app, "contact_list", None)
        contact_view = getattr(app, "contact_view", None)
        if contact_list is None or contact_view is None:
            return not any(worker.is_running for worker in app.workers)
        return bool(getattr(contact_list, "loaded", True)) and getattr(contact_view, "card", None) is not None

    def on_ready(app: App, _event) -> None:
        if not wait_for_data:
            write(app)
            return

        def check() -> None:
            if loaded(app):
                timer.stop()
                app.call_after_refresh(write, app)

        timer = app.set_interval(0.002, check)

    App._on_ready = on_ready


def main() -> int:
    ready_file, kind = sys.argv[1], sys.argv[2]
    install(ready_file, wait_for_data=(kind == "main"))
    if kind == "bare":
        from textual.app import App
        from textual.widgets import Input

        class Bare(App):
            def compose(self):
                yield Input()

        Bare().run()
        return 0
    from netkeep.cli import main as netkeep

    return netkeep(["--db", sys.argv[3], "capture"] if kind == "capture" else ["--db", sys.argv[3]])


if __name__ == "__main__":
    sys.exit(main())
