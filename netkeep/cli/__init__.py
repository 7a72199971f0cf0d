"""The ``netkeep`` command and its subcommands.

Start-up stays lean: the parser imports nothing heavy, and each subcommand imports
only what it uses (Textual costs ~300 ms and is loaded only by the commands that
open a screen).
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable


def screen_args(argv: list[str]) -> SimpleNamespace | None:
    """``netkeep [--db PATH]`` and ``netkeep [--db PATH] capture [--db PATH]``, read without argparse.

    These two open a screen, and argparse's start-up (~5 ms: the module, gettext lookups,
    the parser) is a tenth of the time a screen takes to appear. Anything else is None.
    """
    db, rest = _db_first(argv)
    if db == "":
        return None
    if not rest:
        return SimpleNamespace(db=db, command=None)
    if rest[0] != "capture":
        return None
    later, rest = _db_first(rest[1:])
    if later == "" or rest:
        return None
    return SimpleNamespace(db=later if later is not None else db, command="capture", text=[])


def _db_first(argv: list[str]) -> tuple[str | None, list[str]]:
    """A leading ``--db PATH`` / ``--db=PATH`` and the rest; the path is "" when it is missing."""
    if argv and argv[0].startswith("--db="):
        db, rest = argv[0].removeprefix("--db="), argv[1:]
    elif argv and argv[0] == "--db":
        db, rest = (argv[1], argv[2:]) if len(argv) >= 2 else ("", [])
    else:
        return None, list(argv)
    return ("" if db.startswith("-") else db), rest


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure ends as one line on stderr and exit status 1."""
    argv = sys.argv[1:] if argv is None else argv
    args = screen_args(argv) or _parse(argv)
    command = args.command or "open"
    try:
        from netkeep.cli.common import undecodable_argument  # light: no peewee

        problem = undecodable_argument(args)
        if problem:
            from netkeep.cli.common import fail

            return fail(problem)
        handler = HANDLERS[command]
        return handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        # Imported here, not up front: `netkeep capture` paints its form before peewee loads.
        from netkeep.cli.common import fail, failure_message, unexpected

        message = failure_message(error)
        return fail(message) if message is not None else unexpected(error)


def _parse(argv: list[str]) -> argparse.Namespace:
    from netkeep.cli.parser import build_parser

    return build_parser().parse_args(argv)


def _open_app(args: argparse.Namespace | SimpleNamespace) -> int:
    from netkeep.cli.common import resolve_db
    from netkeep.tui.run import run_app

    return run_app(resolve_db(args))


def _capture(args: argparse.Namespace | SimpleNamespace) -> int:
    from netkeep.cli.capture import run

    return run(args)


def _demo(args: argparse.Namespace) -> int:
    from netkeep.cli.demo import run

    return run(args)


def _find(args: argparse.Namespace) -> int:
    from netkeep.cli.find import run

    return run(args)


def _due(args: argparse.Namespace) -> int:
    from netkeep.cli.due import run

    return run(args)


def _log(args: argparse.Namespace) -> int:
    from netkeep.cli.log import run

    return run(args)


def _import(args: argparse.Namespace) -> int:
    from netkeep.cli.transfer import run_import

    return run_import(args)


def _export(args: argparse.Namespace) -> int:
    from netkeep.cli.transfer import run_export

    return run_export(args)


def _history(args: argparse.Namespace) -> int:
    from netkeep.cli.history import run_history

    return run_history(args)


def _undo(args: argparse.Namespace) -> int:
    from netkeep.cli.history import run_undo

    return run_undo(args)


def _trash(args: argparse.Namespace) -> int:
    from netkeep.cli.history import run_trash

    return run_trash(args)


def _delete(args: argparse.Namespace) -> int:
    from netkeep.cli.history import run_delete

    return run_delete(args)


def _backup(args: argparse.Namespace) -> int:
    from netkeep.cli.backup import run_backup

    return run_backup(args)


def _restore(args: argparse.Namespace) -> int:
    from netkeep.cli.backup import run_restore

    return run_restore(args)


def _sync(args: argparse.Namespace) -> int:
    from netkeep.cli.sync import run

    return run(args)


def _remind(args: argparse.Namespace) -> int:
    from netkeep.cli.remind import run

    return run(args)


def _doctor(args: argparse.Namespace) -> int:
    from netkeep.cli.doctor import run

    return run(args)


# Each reads its arguments by name: argparse's Namespace, or (open and capture) screen_args'.
HANDLERS: dict[str, Callable[[Any], int]] = {
    "open": _open_app,
    "capture": _capture,
    "demo": _demo,
    "find": _find,
    "due": _due,
    "log": _log,
    "import": _import,
    "export": _export,
    "history": _history,
    "undo": _undo,
    "trash": _trash,
    "delete": _delete,
    "backup": _backup,
    "restore": _restore,
    "doctor": _doctor,
    "sync": _sync,
    "remind": _remind,
}
