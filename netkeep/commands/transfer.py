"""``netkeep import`` and ``netkeep export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netkeep.cli import fail, open_db

PARSERS = {"linkedin": "netkeep.interop.linkedin", "vcard": "netkeep.interop.vcard",
           "google": "netkeep.interop.google"}


def read_file(kind: str, path: str):
    """Parse ``path`` with the importer for ``kind``; a :class:`ParseResult`."""
    import importlib

    return importlib.import_module(PARSERS[kind]).parse(path)


def run_import(args: argparse.Namespace) -> int:
    if args.format == "backup":
        return _restore(args)
    result = read_file(args.format, args.file)
    open_db(args)
    from netkeep.interop import dedupe, report

    plan = dedupe.plan(result, args.on_duplicate)
    if args.dry_run or plan.problems:
        print("\n".join(report.preview_lines(plan)))
    if plan.problems:
        print("Unreadable rows:", file=sys.stderr)
        print("\n".join(report.problem_lines(plan)), file=sys.stderr)
        if not args.skip_bad:
            good = len(plan.steps)
            return fail(f"{len(plan.problems)} of {good + len(plan.problems)} rows cannot be read, "
                        f"so nothing was imported; fix them, or add --skip-bad to import the "
                        f"other {good}")
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    print(report.report_line(dedupe.apply(plan)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    open_db(args)
    from netkeep.interop import backup

    if not backup.is_empty():
        return fail("this database is not empty; a backup is restored only into an empty one "
                    "(use --db with a new file, or NETKEEP_DB)")
    data = backup.load(args.file)
    if args.dry_run:
        counts = {name: len(table["rows"]) for name, table in data["tables"].items()}
        print(f"Dry run: the backup holds {_counts(counts)}; nothing was written.")
        return 0
    counts = backup.restore(data)
    print(f"Restored {_counts(counts)}.")
    return 0


def _counts(counts: dict[str, int]) -> str:
    return (f"{counts.get('contact', 0)} contacts, {counts.get('interaction', 0)} interactions, "
            f"{counts.get('reminder', 0)} reminders and {sum(counts.values())} rows in all")


def run_export(args: argparse.Namespace) -> int:
    open_db(args)
    output = Path(args.output).expanduser() if args.output and args.output != "-" else None
    if args.format == "vcard" and output is not None and (output.is_dir() or args.output.endswith(("/", "\\"))):
        from netkeep.interop.exportdata import load_contacts
        from netkeep.interop.vcard_write import write_vdir

        count = write_vdir(load_contacts(include_archived=False), output, args.vcard_version)
        print(f"Wrote {count} cards to {output}/", file=sys.stderr)
        return 0
    if output is not None and output.is_dir():
        return fail(f"{output} is a folder; give a file name (only vCards go one per file into a folder)")
    try:
        if output is None:
            count = write_export(args.format, sys.stdout, args.vcard_version)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
            with open(output, "w", encoding=encoding, newline="") as out:
                count = write_export(args.format, out, args.vcard_version)
    except BrokenPipeError:
        raise
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror or error}")
    if output is not None:
        print(f"Wrote {count} {'events' if args.format == 'ics' else 'contacts'} to {output}", file=sys.stderr)
    return 0


def write_export(kind: str, out, vcard_version: str = "4.0") -> int:
    """Write the export of ``kind`` to the text stream ``out``; return how many items."""
    if kind == "json":
        from netkeep.interop.backup import write_backup

        return write_backup(out)["contact"]
    if kind == "ics":
        from netkeep.interop.ics import calendar_text, upcoming_events

        events = upcoming_events()
        out.write(calendar_text(events))
        return len(events)
    from netkeep.interop.exportdata import load_contacts

    if kind == "csv":
        from netkeep.interop.csv_export import write_csv

        return write_csv(load_contacts(), out)
    from netkeep.interop.vcard_write import write_cards

    return write_cards(load_contacts(include_archived=False), out, vcard_version)
