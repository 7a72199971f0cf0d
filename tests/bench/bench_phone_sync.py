"""How long ``netkeep sync`` takes on a big network (not collected by pytest).

    uv run python tests/bench/bench_phone_sync.py [--db DEMO.db] [--contacts 30000]

Copies the demo database (``--db``; else makes one with ``netkeep demo``), then times the
first sync of every contact to an empty vCard folder, a sync with nothing changed, and a
sync after one card was edited in the folder and one contact in netkeep. Budgets: first
sync <= 10 s, nothing changed <= 1 s (wall clock; the CPU time beside it says how much of
that was waiting on a busy machine).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.core import contacts, session
from netkeep.core.exports import load_contacts
from netkeep.sync.contacts import sync_contacts


def timed(what: str, folder: Path, budget: float | None = None) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    report = sync_contacts(folder)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    verdict = "" if budget is None else ("  ok" if took <= budget else f"  OVER the {budget:g} s budget")
    counts = f"folder {report.folder.said()}; netkeep {report.netkeep.said()}"
    print(f"{what:<26} {took:6.2f} s (CPU {cpu:5.2f} s)  ({counts}){verdict}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database to copy")
    parser.add_argument("--contacts", type=int, default=30_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "bench.db"
        if args.db:
            shutil.copy(args.db, work)
        else:
            subprocess.run(
                [sys.executable, "-m", "netkeep", "demo", "--contacts", str(args.contacts), "--no-open",
                 "--db", str(work)], check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        folder = Path(tmp) / "contacts"
        folder.mkdir()
        session.open_at(work)
        print(f"{sum(1 for _ in load_contacts())} contacts")
        first = timed("first sync, empty folder", folder, 10)
        same = timed("nothing changed", folder, 1)
        card = sorted(folder.glob("*.vcf"))[0]
        card.write_text(card.read_text().replace("END:VCARD", "NOTE:edited on the phone\r\nEND:VCARD"))
        one = load_contacts(ids=[2])[0]
        contacts.update_contact(one.id, replace(one.to_input(), notes="edited here"))
        timed("one edit on each side", folder)
        timed("nothing changed again", folder, 1)
    return 0 if first <= 10 and same <= 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
