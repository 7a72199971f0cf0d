"""``netkeep capture [TEXT]``: save a one-line capture at once, or open the small form."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


def run(args: argparse.Namespace | SimpleNamespace) -> int:
    from netkeep.cli.common import resolve_db

    text = " ".join(args.text).strip()
    if args.text and not text:
        from netkeep.cli.common import fail

        return fail(
            "nothing to capture: the text is empty (a name is required; "
            "run `netkeep capture` without text for the form)"
        )
    if not text:
        from netkeep.tui.startup import collector_paused

        with collector_paused():  # until CaptureApp.on_ready
            # Textual is imported only here: the one-line path never pays for it.
            from netkeep.tui.capture import CaptureApp

            app = CaptureApp(resolve_db(args))
            app.run()
        if app.saved is not None:
            print(confirmation(app.saved))
        elif app.return_value is not None:  # "open them": they were already here
            print("Nothing saved: they were already here.")
        return app.return_code or 0

    from netkeep.cli.common import open_db
    from netkeep.core.capture import capture_line
    from netkeep.core.duplicates import DuplicateFound

    open_db(args)
    try:
        _, data = capture_line(text, new=args.new)  # one write transaction (core.session)
    except DuplicateFound as found:
        if not _asked_to_save_another(found):
            from netkeep.cli.common import fail

            return fail(f"{found}; add --new to save another.")
        _, data = capture_line(text, new=True)
    print(confirmation(data))
    return 0


def _asked_to_save_another(found: Exception) -> bool:
    """On a terminal, ask whether to save a second person anyway; elsewhere, no."""
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    try:
        answer = input(f"{found}. Save another anyway? [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def confirmation(data) -> str:
    """One line saying what was saved: ``Saved Jane Doe (Stripe) #alumni, follow up 12 Dec 2026``."""
    from netkeep.core.dates import format_date

    parts = [f"Saved {data.full_name.strip()}"]
    details = ", ".join(x for x in (data.title.strip(), data.company.strip()) if x)
    if details:
        parts.append(f"({details})")
    parts.extend(f"#{t.lstrip('#')}" for t in data.tags)
    line = " ".join(parts)
    if data.introduced_by_id is not None:
        line += f", {data.how_met}"
    elif data.met_at:
        line += f", met at {data.met_at.strip()}"
    if data.next_follow_up is not None:
        line += f", follow up {format_date(data.next_follow_up)}"
    return line + "."
