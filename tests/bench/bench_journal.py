"""Change journal and backup benchmark (not collected by pytest).

    uv run python tests/bench/bench_journal.py [--contacts 30000] [--changes 300]

Budgets: a change with its journal entry costs ≤ 2× the same change without one (small
changes one by one, and a 30,000-contact import); undoing that import ≤ 5 s. Also reports
the daily backup (copy and check) of the 30,000-contact demo network, which the app makes
in a worker.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peewee import fn

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.core import backups, contacts, history, session
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.interop import dedupe, linkedin
from netkeep.store.models import Contact


def linkedin_csv(rows: int, rng: random.Random) -> str:
    """A LinkedIn connections export of ``rows`` different people at 2,000 companies."""
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for n in range(rows):
        email = f"p{n}@example.org" if n % 3 == 0 else ""
        lines.append(
            f"Ana,Person {n},https://www.linkedin.com/in/person-{n},{email},"
            f"Company {rng.randrange(2000)},Engineer,01 Jan 2020"
        )
    return "\n".join(lines) + "\n"


def small_changes(folder: Path, count: int, journal_it: bool) -> float:
    """Seconds per change: add a contact, log a coffee with them, archive them."""
    session.open_at(folder / f"small-{journal_it}.db")
    from netkeep.core.interactions import log_interaction

    started = time.perf_counter()
    for n in range(count):
        with session.writing(journal_it=journal_it):
            contact = contacts.create_contact(ContactInput(full_name=f"Person {n}", company="Acme"))
        with session.writing(journal_it=journal_it):
            log_interaction(InteractionInput(contact_ids=(contact,), kind="coffee", summary="chat"))
        with session.writing(journal_it=journal_it):
            contacts.set_archived(contact, True)
    return (time.perf_counter() - started) / (3 * count)


def an_import(folder: Path, csv: Path, journal_it: bool) -> tuple[float, float | None]:
    """Seconds to import the file (and, journalled, to undo that import)."""
    session.open_at(folder / f"import-{journal_it}.db")
    plan = dedupe.plan(linkedin.parse(csv), "update")
    backups.before = lambda action: None  # the backup before an import is timed on its own
    started = time.perf_counter()
    with session.writing(journal_it=journal_it):
        dedupe.apply(plan, file_name=csv.name)
    took = time.perf_counter() - started
    if not journal_it:
        return took, None
    change = history.last_undoable()
    assert change is not None
    started = time.perf_counter()
    history.undo(change.id)
    return took, time.perf_counter() - started


def restores_under_fresh_ids() -> tuple[float, float]:
    """Seconds to restore a deleted contact whose id a newcomer took, then to redo the undone
    import (30,000 rows put back) after a newcomer took one of its ids: the journal and the
    open database are the undone import's."""
    undone_import = history.recent(1)[0]
    contacts.create_contact(ContactInput(full_name="Newcomer One"))  # takes an imported id
    started = time.perf_counter()
    history.undo(undone_import.id)
    redo = time.perf_counter() - started
    with session.snapshot():
        newest = Contact.select(fn.MAX(Contact.id)).scalar()
    contacts.delete_contact(newest)
    deleted = history.last_undoable()
    assert deleted is not None
    contacts.create_contact(ContactInput(full_name="Newcomer Two"))  # takes the deleted one's id
    started = time.perf_counter()
    history.undo(deleted.id)
    return time.perf_counter() - started, redo


def daily_backup(folder: Path, contacts_count: int) -> tuple[float, int]:
    path = folder / "demo.db"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "netkeep",
            "demo",
            "--contacts",
            str(contacts_count),
            "--no-open",
            "--db",
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    session.open_at(path)
    started = time.perf_counter()
    made = backups.make("daily")
    return time.perf_counter() - started, made.path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ratios = []
        for run in range(args.runs):
            (folder / str(run)).mkdir()
            plain = small_changes(folder / str(run), args.changes, False)
            journalled = small_changes(folder / str(run), args.changes, True)
            ratios.append(journalled / plain)
            print(f"small changes: {plain * 1e3:.2f} ms alone, {journalled * 1e3:.2f} ms journalled")
        ratio = statistics.median(ratios)
        ok &= ratio <= 2
        print(f"small changes, journalled / alone (median of {args.runs}): {ratio:.2f}× (budget 2×)")

        csv = folder / "Connections.csv"
        csv.write_text(linkedin_csv(args.contacts, random.Random(7)), encoding="utf-8")
        plain, _ = an_import(folder, csv, False)
        journalled, undo = an_import(folder, csv, True)
        assert undo is not None
        ok &= journalled / plain <= 2 and undo <= 5
        print(
            f"import of {args.contacts:,} contacts: {plain:.2f} s alone, {journalled:.2f} s journalled "
            f"({journalled / plain:.2f}×, budget 2×); undo {undo:.2f} s (budget 5 s)"
        )

        restore, redo = restores_under_fresh_ids()
        print(
            f"under fresh ids (a newcomer took the id): restore from the trash {restore:.2f} s; "
            f"redo of the {args.contacts:,}-contact import {redo:.2f} s"
        )

        took, size = daily_backup(folder, args.contacts)
        print(
            f"daily backup of the {args.contacts:,}-contact demo (copy + check): "
            f"{took:.2f} s, {size / 2**20:.0f} MiB"
        )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
