"""``netkeep sync``: two-way sync with the vdirs ``[sync]`` in config.toml names."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netkeep.cli.common import open_db

NOTHING = (
    "Nothing to sync: name a folder in config.toml, e.g.\n"
    '  [sync]\n  contacts = "~/.local/share/contacts/netkeep"\n'
    "(see docs/sync.md), or give one with --contacts PATH."
)


def run(args: argparse.Namespace) -> int:
    from netkeep.core.config import load_config
    from netkeep.core.text import visible
    from netkeep.sync.run import configured, sync_folders

    config = load_config()
    folders, problems = configured(config)
    if args.contacts:
        folders["contacts"] = Path(args.contacts).expanduser()
    for problem in (*config.problems, *problems):
        print(f"netkeep: {visible(problem, one_line=True)}", file=sys.stderr)
    if not folders:
        print(NOTHING, file=sys.stderr)
        return 1
    open_db(args)
    reports = sync_folders(folders)
    for report in reports:
        print("\n".join(report.lines()))
    return 1 if any(report.failed for report in reports) else 0
