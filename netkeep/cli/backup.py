"""``netkeep backup`` and ``netkeep restore``."""

from __future__ import annotations

import argparse

from netkeep.cli.common import fail, open_db


def _contacts(count: int | None) -> str:
    return "?" if count is None else f"{count:,} contact{'s' if count != 1 else ''}"


def run_backup(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.core import backups

    made = backups.make()
    print(f"Backed up to {made.path} ({_contacts(made.contacts)}; checked)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.core import backups

    if args.list or not args.file:
        found = backups.listing(check=True)
        if not found:
            print(f"No backups yet in {backups.folder()}.")
            return 0 if args.list else 1
        for b in found:
            print(f"{b.when}  {b.reason:<16} {_contacts(b.contacts):>16}  {b.path}")
        if not args.list:
            return fail("say which backup to restore: netkeep restore FILE")
        return 0
    saved = backups.restore(args.file)
    print(f"Restored {args.file}. The database as it was is saved in {saved.path}")
    return 0
