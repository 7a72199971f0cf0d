"""The ``netkeep`` command and its subcommands.

Start-up stays lean: the parser imports nothing heavy, and each subcommand imports
only what it uses (Textual costs ~300 ms and is loaded only by the commands that
open a screen).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

CAPTURE_SYNTAX = """\
one-line capture syntax:
  NAME[, TITLE] [EMAIL] [@COMPANY] [#tag ...] [+INTRODUCER] [!EVENT] [>WHEN] [-- NOTE]

  , TITLE      a comma after the name starts their job title
  @COMPANY     the company they work at (words up to the next marker)
  #tag         a tag (one word; give as many as you like)
  +INTRODUCER  who introduced you: an existing contact's exact name, or words only
               one contact's name has (several or none: nothing is saved, you are told)
  !EVENT       where you met (an event or a place); also how you met, unless introduced
  >WHEN        when to follow up: "in 2 weeks", "2w", "friday", "4 Mar"
  -- NOTE      everything after " -- " is the note
  an email address anywhere before the note is saved as their email;
  quote the whole line (the shell treats #, ! and > specially)

example:
  netkeep capture "Jane Doe, Staff Engineer jane@stripe.com @Stripe #alumni +Bob Smith !PyCon 2026 >2w -- wants a designer"
"""


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="netkeep",
        description="Keep your professional network alive, from the terminal.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: NETKEEP_DB or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    capture = sub.add_parser(
        "capture", help="quick capture: a small form, or save TEXT at once",
        description="Capture someone you just met. Without TEXT, a small form opens; "
        "Enter saves and exits, Esc cancels.",
        epilog=CAPTURE_SYNTAX, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    capture.add_argument("text", nargs="*", metavar="TEXT", help="a one-line capture (see below)")

    demo = sub.add_parser("demo", help="the app on a generated demo network (never your real data)")
    demo.add_argument("--contacts", type=int, default=300, metavar="N", help="how many contacts (up to 30000; default 300)")
    demo.add_argument("--no-open", action="store_true", help="only write the demo database")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--db", dest="demo_db", metavar="PATH", help="where to write the demo database (default: the cache dir; replaced if it exists)")

    find = sub.add_parser("find", help="search contacts from the shell")
    find.add_argument("query", nargs="*", help="words to match (empty lists everyone)")
    find.add_argument("--json", action="store_true", help="print JSON for scripts")
    find.add_argument("--archived", action="store_true", help="include archived contacts")

    due = sub.add_parser("due", help="today's agenda: follow-ups, owed replies, loops to close")
    due.add_argument("--json", action="store_true", help="print JSON for scripts")

    log = sub.add_parser("log", help="log an interaction with a contact")
    log.add_argument("contact", help="the contact's name (fuzzy)")
    log.add_argument("text", nargs="+", help="what happened")
    log.add_argument("--kind", default="note", help="meeting, coffee, call, email, message, event, note, …")
    log.add_argument("--when", default="today", help="when it happened (natural date; default today)")
    log.add_argument("--in", dest="incoming", action="store_true", help="an incoming message")
    log.add_argument("--reply-owed", action="store_true", help="you owe them a reply")

    imp = sub.add_parser("import", help="bring contacts in")
    imp.add_argument("format", choices=["linkedin", "vcard", "google", "backup"])
    imp.add_argument("file", help="the file (or folder of .vcf files) to import")
    imp.add_argument("--on-duplicate", choices=["update", "skip", "add"], default="update",
                     help="what to do with a contact that is already there (default update)")
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument("--skip-bad", action="store_true", help="import the good rows when some are unreadable")

    exp = sub.add_parser("export", help="take your network anywhere")
    exp.add_argument("format", choices=["vcard", "csv", "json", "ics"])
    exp.add_argument("-o", "--output", metavar="FILE", help="where to write (default stdout; a folder for one vCard per file)")
    exp.add_argument("--vcard-version", choices=["3.0", "4.0"], default="4.0")

    shots = sub.add_parser("screenshots", help="write SVG screenshots of the main screens")
    shots.add_argument("dir", nargs="?", default="screenshots", help="where to write them (default screenshots/)")
    return parser


def resolve_db(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db).expanduser()
    from netkeep.paths import default_db_path

    return default_db_path()


def open_db(args: argparse.Namespace):
    from netkeep.store.database import open_database

    return open_database(resolve_db(args))


def fail(message: str) -> int:
    print(f"netkeep: {message}", file=sys.stderr)
    return 1


def screen_args(argv: list[str]) -> SimpleNamespace | None:
    """``netkeep [--db PATH]`` and ``netkeep [--db PATH] capture``, read without argparse.

    These two open a screen, and argparse's start-up (~5 ms: the module, gettext lookups,
    the parser) is a tenth of the time a screen takes to appear. Anything else is None.
    """
    rest = list(argv)
    db = None
    if rest and rest[0].startswith("--db="):
        db, rest = rest[0].removeprefix("--db="), rest[1:]
    elif len(rest) >= 2 and rest[0] == "--db":
        db, rest = rest[1], rest[2:]
    if db is not None and (not db or db.startswith("-")):
        return None
    if not rest:
        return SimpleNamespace(db=db, command=None)
    if rest == ["capture"]:
        return SimpleNamespace(db=db, command="capture", text=[])
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = screen_args(argv) or build_parser().parse_args(argv)
    command = args.command or "open"
    try:
        handler = HANDLERS[command]
        return handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        # Imported here, not up front: `netkeep capture` paints its form before peewee loads.
        from netkeep.core.errors import NetkeepError
        from netkeep.store.database import DatabaseError

        if isinstance(error, (NetkeepError, DatabaseError)):
            return fail(str(error))
        raise


def _open_app(args: argparse.Namespace) -> int:
    from netkeep.tui.run import run_app

    return run_app(resolve_db(args))


def _capture(args: argparse.Namespace) -> int:
    from netkeep.commands.capture import run

    return run(args)


def _demo(args: argparse.Namespace) -> int:
    from netkeep.commands.demo import run

    return run(args)


def _find(args: argparse.Namespace) -> int:
    from netkeep.commands.find import run

    return run(args)


def _due(args: argparse.Namespace) -> int:
    from netkeep.commands.due import run

    return run(args)


def _log(args: argparse.Namespace) -> int:
    from netkeep.commands.log import run

    return run(args)


def _import(args: argparse.Namespace) -> int:
    from netkeep.commands.transfer import run_import

    return run_import(args)


def _export(args: argparse.Namespace) -> int:
    from netkeep.commands.transfer import run_export

    return run_export(args)


def _screenshots(args: argparse.Namespace) -> int:
    from netkeep.commands.screenshots import run

    return run(args)


HANDLERS = {
    "open": _open_app,
    "capture": _capture,
    "demo": _demo,
    "find": _find,
    "due": _due,
    "log": _log,
    "import": _import,
    "export": _export,
    "screenshots": _screenshots,
}

if __name__ == "__main__":
    sys.exit(main())
