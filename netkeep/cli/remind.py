"""``netkeep remind``: send what fell due since the last run (for a timer), once per item and
channel; ``--install`` / ``--uninstall`` the timer. Nothing due: answered without peewee."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from netkeep.cli.common import fail, resolve_db

    db = Path(resolve_db(args))
    if args.install or args.uninstall:
        from netkeep.core import remind_timer

        print(remind_timer.install(db) if args.install else remind_timer.uninstall())
        return 0
    if not db.exists():
        return fail(f"there is no database at {db} yet")
    from netkeep.cli.remind_channels import configured
    from netkeep.core.config import load_config
    from netkeep.core.remind import pending
    from netkeep.core.text import visible

    config = load_config()
    channels, problems = configured(config.section("remind"))
    for problem in (*config.problems, *problems):
        print(f"netkeep: {visible(problem, one_line=True)}", file=sys.stderr)
    waiting = pending(db, date.today(), [channel.name for channel in channels])
    if not any(waiting.values()):
        print("Nothing new is due.")
        return 0
    from netkeep.cli.common import open_db
    from netkeep.core.remind import deliver

    open_db(args, create=False)
    failed = 0
    for outcome in deliver(waiting, channels):
        if outcome.failed:
            failed += 1
            print(f"netkeep: {outcome.channel}: {visible(outcome.failed, one_line=True)}", file=sys.stderr)
        else:
            print(f"Sent {outcome.sent} due item{'s' if outcome.sent != 1 else ''} to {outcome.channel}.")
    return 1 if failed else 0
