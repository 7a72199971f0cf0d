"""A writer for the crash and concurrency tests: one kind of write, again and again, each
acknowledged on stdout once it is committed.

    python writer.py KIND DB [--start N] [--seconds S] [--interval S] [--target NAME]

KIND is ``capture`` (``netkeep capture TEXT``), ``log`` (``netkeep log NAME TEXT``),
``import`` (``netkeep import linkedin FILE`` of five new people) or ``edit`` (a contact's
notes rewritten through core, as the app's contact form does). The commands run through
``netkeep.cli.main``, the code of the ``netkeep`` command, many times in one process.

Lines: ``READY`` once started, then ``ACK KIND N MONOTONIC`` after write N is committed,
or ``ERR KIND N MESSAGE`` when it failed (the process goes on).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from dataclasses import replace
from pathlib import Path

#: Family names of the five people each import brings in (``Imported{N} {name}``).
IMPORT_NAMES = ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def capture_name(n: int) -> str:
    return f"Crash Capture {n}"


def log_text(n: int) -> str:
    return f"crash log {n}"


def edit_note(n: int) -> str:
    return f"edit {n}"


def import_names(n: int) -> list[str]:
    return [f"Imported{n} {family}" for family in IMPORT_NAMES]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["capture", "log", "import", "edit"])
    parser.add_argument("db")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=3600.0)
    parser.add_argument("--interval", type=float, default=0.0)
    parser.add_argument("--target", default="Logan Target")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]

    from netkeep.cli import main as netkeep
    from netkeep.store.models import database

    if args.kind == "capture":
        write = lambda n: _command(netkeep, ["--db", args.db, "capture", f"{capture_name(n)} -- note {n}"])  # noqa: E731
    elif args.kind == "log":
        write = lambda n: _command(netkeep, ["--db", args.db, "log", args.target, log_text(n)])  # noqa: E731
    elif args.kind == "import":
        write = lambda n: _import(netkeep, args.db, n)  # noqa: E731
    else:
        write = _editor(args.db, args.target)
    print("READY")
    deadline = time.monotonic() + args.seconds
    n = args.start
    while time.monotonic() < deadline:
        try:
            problem = write(n)
        except Exception as error:  # reported, never hidden: the test counts these
            problem = f"{type(error).__name__}: {error}"
        finally:
            if args.kind != "edit" and database.obj is not None:
                database.obj.close()  # as the command's process would on exit
        if problem:
            print(f"ERR {args.kind} {n} {' '.join(problem.split())}")
        else:
            print(f"ACK {args.kind} {n} {time.monotonic():.4f}")
        n += 1
        if args.interval:
            time.sleep(args.interval)  # pacing the load, not waiting for anything
    return 0


def _command(netkeep, argv: list[str]) -> str:
    """Run one command; "" when it succeeded, else what it said on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = netkeep(argv)
    return "" if code == 0 else err.getvalue().strip() or f"exit {code}"


def _import(netkeep, db: str, n: int) -> str:
    path = Path(db).with_name(f"import-{n}.csv")
    rows = "".join(f"Imported{n},{family},,,,,1 Mar 2026\n" for family in IMPORT_NAMES)
    path.write_text(HEADER + rows, encoding="utf-8")
    try:
        return _command(netkeep, ["--db", db, "import", "linkedin", str(path)])
    finally:
        path.unlink(missing_ok=True)


def _editor(db: str, name: str):
    """Rewrite the notes of the contact called ``name`` through core, as a form's save does."""
    from netkeep.core import contacts, session
    from netkeep.core.lookup import candidates

    session.open_at(db)
    contact_id = candidates(name)[0][0]

    def edit(n: int) -> str:
        data = contacts.get_card(contact_id).to_input()
        contacts.update_contact(contact_id, replace(data, notes=edit_note(n)))
        return ""

    return edit


if __name__ == "__main__":
    sys.exit(main())
