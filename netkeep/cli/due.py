"""``netkeep due``: today's agenda for the shell, a login script or cron."""

from __future__ import annotations

import argparse
import sys

from netkeep.cli.common import open_db, print_json

SHOWN_PER_SECTION = 15
EMPTY = "Nothing due — a good day to reach out to someone new."


def _as_json(agenda) -> dict:
    def item(entry) -> dict:
        return {
            "kind": entry.kind,
            "id": entry.ref_id,
            "contact_id": entry.contact_id,
            "contact": entry.contact_name,
            "text": entry.text,
            "date": entry.due_on.isoformat() if entry.due_on else None,
            "other_id": entry.other_id,
            "other": entry.other_name or None,
            "owner": entry.owner or None,
            "note": entry.note or None,
        }

    counts = agenda.counts
    return {
        "date": agenda.day.isoformat(),
        "summary": _summary(agenda),
        "counts": {name: getattr(counts, name) for name, _ in agenda.SECTIONS} | {"due": counts.due},
        "sections": {name: [item(e) for e in items] for name, _, items, _ in agenda.sections()},
    }


def _summary(agenda) -> str:
    from netkeep.core.agenda import header_text

    return EMPTY if agenda.empty else header_text(agenda.counts)


def _print_human(agenda) -> None:
    from netkeep.core.agenda import total_text, when_text
    from netkeep.core.text import visible

    if agenda.empty:
        print(EMPTY)
        return
    print(_summary(agenda))
    for name, heading, items, total in agenda.sections():
        if not total:
            continue
        print(f"\n{heading} ({total_text(name, total)})")
        width = max(len(e.contact_name) for e in items[:SHOWN_PER_SECTION])
        for entry in items[:SHOWN_PER_SECTION]:
            name = visible(entry.contact_name, one_line=True).ljust(min(width, 28))
            when = when_text(entry, agenda.day)
            print(f"  {name}  {visible(entry.text, one_line=True)}" + (f"  ({when})" if when else ""))
        if total > SHOWN_PER_SECTION:
            more = total_text(name, total, SHOWN_PER_SECTION)
            print(f"  … and {more} more (open netkeep to see them all)")


def run(args: argparse.Namespace) -> int:
    open_db(args, create=False, write=False)
    from netkeep.core import agenda as agenda_module
    from netkeep.core import session
    from netkeep.core.cadence import config_problems
    from netkeep.core.keep_in_touch import apply_cadence

    for problem in config_problems():
        print(f"netkeep: warning: {problem}", file=sys.stderr)
    if not session.read_only():  # a read-only file is shown as it is
        apply_cadence()
    agenda = agenda_module.agenda(limit=500 if args.json else SHOWN_PER_SECTION)
    if args.json:
        print_json(_as_json(agenda), indent=2)
    else:
        _print_human(agenda)
    return 0
