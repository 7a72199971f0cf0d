"""``netkeep import`` and ``netkeep export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netkeep.cli.common import fail, open_db


def run_import(args: argparse.Namespace) -> int:
    if args.format == "backup":
        return _restore(args)
    from netkeep.interop.readers import read_file

    result = read_file(args.format, args.file)
    open_db(args)
    from netkeep.interop import dedupe, report

    plan = dedupe.plan(result, args.on_duplicate)
    print("\n".join(report.preview_lines(plan)))
    if plan.problems:
        print("Unreadable records:", file=sys.stderr)
        print("\n".join(report.problem_lines(plan)), file=sys.stderr)
        if not args.skip_bad:
            good = len(plan.steps)
            return fail(
                f"{len(plan.problems)} of {good + len(plan.problems)} records cannot be read, "
                f"so nothing was imported; fix them, or add --skip-bad to import the "
                f"other {good}"
            )
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    print(report.report_line(dedupe.apply(plan, file_name=Path(args.file).name)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    open_db(args)
    from netkeep.interop import backup

    if not backup.is_empty():
        return fail(
            "this database is not empty; a backup is restored only into an empty one "
            "(use --db with a new file, or NETKEEP_DB)"
        )
    data = backup.load(args.file)
    if args.dry_run:
        counts = {name: len(table["rows"]) for name, table in data["tables"].items()}
        print(f"Dry run: the backup holds {_counts(counts)}; nothing was written.")
        return 0
    counts = backup.restore(data)
    print(f"Restored {_counts(counts)}.")
    return 0


def _counts(counts: dict[str, int]) -> str:
    return (
        f"{counts.get('contact', 0)} contacts, {counts.get('interaction', 0)} interactions, "
        f"{counts.get('reminder', 0)} reminders and {sum(counts.values())} rows in all"
    )


def run_export(args: argparse.Namespace) -> int:
    open_db(args, create=False, write=False)
    from netkeep.interop.writer import export_to_path, write_export

    if not args.output or args.output == "-":
        write_export(args.format, sys.stdout, args.vcard_version)
        return 0
    count, path, folder, note = export_to_path(args.format, args.output, args.vcard_version)
    if folder:
        print(f"Wrote {count} cards to {path}/" + (f" ({note})" if note else ""), file=sys.stderr)
    else:
        noun = "events" if args.format == "ics" else "contacts"
        print(f"Wrote {count} {noun} to {path}", file=sys.stderr)
    return 0
