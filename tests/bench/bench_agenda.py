"""Agenda benchmark (not collected by pytest).

    uv run python tests/bench/bench_agenda.py [--contacts 30000] [--db PATH]

Generates the demo network (30,000 contacts, ~316,000 interactions) unless ``--db``
names an existing one, then times what the Today view and ``netkeep due`` run.
Target: ``agenda()`` ≤ 150 ms; ``apply_cadence()`` ≤ 100 ms; helpers for a need ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.core import agenda, keep_in_touch, needs
from netkeep.demo import network as demo
from netkeep.store.database import open_database
from netkeep.store.models import Contact


def timed(label: str, target_ms: float, fn, runs: int = 7):
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    best, median = min(times), sorted(times)[len(times) // 2]
    flag = "" if median <= target_ms else "  SLOW"
    print(f"{label:<34} best {best:7.1f} ms  median {median:7.1f} ms  (target ≤ {target_ms:g} ms){flag}")
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--db", help="an existing database to time instead of a new demo")
    args = parser.parse_args()
    if args.db:
        open_database(args.db)
    else:
        path = Path(tempfile.mkdtemp()) / "bench-agenda.db"
        print(f"writing the demo network to {path} …")
        demo.generate(path, contacts=args.contacts)
        open_database(path)
    print(f"{Contact.select().count():,} contacts")
    result = timed("agenda() (100 per section)", 150, agenda.agenda)
    timed("agenda(limit=15) (netkeep due)", 150, lambda: agenda.agenda(limit=15))
    timed("apply_cadence()", 100, keep_in_touch.apply_cadence)
    someone = Contact.select(Contact.id).where(Contact.needs != "").first()
    if someone is not None:
        timed("suggest_helpers(one contact)", 300, lambda: needs.suggest_helpers(someone.id), runs=3)
    print(agenda.header_text(result.counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
