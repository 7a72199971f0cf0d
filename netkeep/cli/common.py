"""What every subcommand shares: where the database is, opening it, one-line failures."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

#: Arguments that name files: they may hold any bytes the file system allows.
PATH_ARGUMENTS = frozenset({"db", "file", "output", "demo_db"})


def resolve_db(args: argparse.Namespace | SimpleNamespace) -> Path:
    if args.db:
        return Path(args.db).expanduser()
    from netkeep.paths import default_db_path

    return default_db_path()


def open_db(args: argparse.Namespace | SimpleNamespace, *, create: bool = True, write: bool = True):
    """Open the database for a command. Only the commands that add to it create a missing
    one (``create``); the others say there is none. ``write=False``: a command that only
    reads, which reads a read-only file as it is (a writing one refuses it)."""
    from netkeep.core.session import open_at

    return open_at(resolve_db(args), create=create, write=write)


def fail(message: str) -> int:
    """Say what went wrong in one line on stderr (user text in it shown safely); exit status 1."""
    from netkeep.core.text import visible

    print(f"netkeep: {visible(message)}", file=sys.stderr)
    return 1


def print_json(data: object, indent: int) -> None:
    """``data`` as JSON on stdout, every control character escaped (``json`` leaves DEL and
    the C1 controls raw) and undecodable bytes as ``\\udcXX`` escapes, so it is safe on a terminal."""
    import json
    import re

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    sys.stdout.write(re.sub(r"[\x7f-\x9f\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def undecodable_argument(args: argparse.Namespace | SimpleNamespace) -> str | None:
    """A message naming the first text argument that holds bytes that are not UTF-8 (Python
    hands them over as lone surrogates); None when all are text. File names may hold any bytes."""
    from netkeep.core.text import undecodable

    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        if any(
            isinstance(text, str) and undecodable(text)
            for text in (value if isinstance(value, list) else [value])
        ):
            return f"the {name} argument is not UTF-8 text (check the terminal's encoding)"
    return None


def failure_message(error: BaseException) -> str | None:
    """What to say about an error that ended a command: a user-facing error's message, or a
    storage failure's cause. None for anything else (a bug)."""
    from netkeep.core.errors import NetkeepError
    from netkeep.core.session import StorageError, storage_error

    if isinstance(error, (NetkeepError, StorageError)):
        return str(error)
    failure = storage_error(error)
    return str(failure) if failure is not None else None


def unexpected(error: BaseException) -> int:
    """A bug: one line, not a traceback (``NETKEEP_DEBUG=1`` shows the traceback instead)."""
    if os.environ.get("NETKEEP_DEBUG"):
        raise error
    line = next((part.strip() for part in str(error).splitlines() if part.strip()), "")
    kind = type(error).__name__
    return fail(f"unexpected error: {line} ({kind}); please report it" if line else f"unexpected {kind}")
