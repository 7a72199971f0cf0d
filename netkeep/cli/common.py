"""What every subcommand shares: where the database is, opening it, one-line failures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


def resolve_db(args: argparse.Namespace | SimpleNamespace) -> Path:
    if args.db:
        return Path(args.db).expanduser()
    from netkeep.paths import default_db_path

    return default_db_path()


def open_db(args: argparse.Namespace | SimpleNamespace):
    from netkeep.core.session import open_at

    return open_at(resolve_db(args))


def fail(message: str) -> int:
    print(f"netkeep: {message}", file=sys.stderr)
    return 1
