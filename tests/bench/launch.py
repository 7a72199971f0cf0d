"""Start one app for the start-up benchmark and write when it was ready (not a test).

    python tests/bench/launch.py READY_FILE bare|capture|main [DB]

Every app is started the same way and timed the same way: this script wraps Textual's
``Screen._compositor_refresh`` (the step that writes a frame to the terminal) and, after
each frame, looks at what that frame showed. ``bare`` is a Textual app with one Input;
``capture`` runs ``netkeep capture`` through the real command line; ``main`` runs
``netkeep`` itself.

``bare`` and ``capture`` are ready at the first frame with an Input focused (ready to type).
``main`` is ready at the first frame whose contact list shows contacts and whose contact
pane holds the first contact's card; the app keeps running until a frame also shows the
whole list (every contact loaded, ``complete_at``) and the agenda (``agenda_at``), so its
peak memory includes both. The script writes ``time.time()`` of those frames, the CPU time
used until ready (all threads) and what was focused to READY_FILE, then exits the app.
"""

from __future__ import annotations

import json
import sys
import time


def install(ready_file: str, kind: str) -> None:
    from textual.app import App
    from textual.screen import Screen

    report: dict = {}
    original = Screen._compositor_refresh

    def focused_input(app: App) -> bool:  # netkeep's fields are Inputs of its own (TextInput)
        from textual.widgets import Input

        return isinstance(app.focused, Input)

    def contacts_shown(app: App) -> bool:
        contact_list = getattr(app, "contact_list", None)
        contact_view = getattr(app, "contact_view", None)
        return (
            contact_list is not None
            and bool(contact_list.rows_view.rows)
            and contact_view is not None
            and contact_view.card is not None
        )

    def after_frame(app: App) -> None:
        now = time.time()
        if "at" not in report:
            if not (contacts_shown(app) if kind == "main" else focused_input(app)):
                return
            report.update(
                at=now,
                cpu=time.process_time(),
                screen=type(app.screen).__name__,
                focused=type(app.focused).__name__ if app.focused else "",
            )
        if kind == "main":
            if "complete_at" not in report and app.contact_list.complete:
                report["complete_at"] = now
            today = app.query_one("#today")
            if "agenda_at" not in report and today.agenda is not None:
                report["agenda_at"] = now
            if "complete_at" not in report or "agenda_at" not in report:
                return
        with open(ready_file, "w") as out:
            json.dump(report, out)
        report["written"] = True
        app.exit()

    def compositor_refresh(screen: Screen) -> None:
        original(screen)
        if screen is screen.app.screen and "written" not in report:
            after_frame(screen.app)

    Screen._compositor_refresh = compositor_refresh


def main() -> int:
    ready_file, kind = sys.argv[1], sys.argv[2]
    install(ready_file, kind)
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
