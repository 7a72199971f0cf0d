"""``netkeep demo``: generate a demo network in its own database and open the app on it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from netkeep.cli.common import fail
    from netkeep.demo.network import generate
    from netkeep.paths import demo_db_path

    # Never the user's database: NETKEEP_DB and the global --db are not used here.
    if args.db:
        return fail("the demo writes its own database; say where with 'netkeep demo --db PATH'")
    path = Path(args.demo_db or demo_db_path()).expanduser()

    def progress(message: str) -> None:
        print(f"demo: {message}…", file=sys.stderr, flush=True)

    stats = generate(path, contacts=args.contacts, seed=args.seed, progress=progress)
    print(
        f"demo: {stats.contacts:,} contacts and {stats.interactions:,} interactions "
        f"written to {stats.path} in {stats.seconds:.1f} s",
        file=sys.stderr,
    )
    if args.no_open:
        return 0
    from netkeep.tui.run import run_app

    return run_app(path)
