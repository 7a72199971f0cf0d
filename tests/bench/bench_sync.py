"""What ``synchronous=FULL`` costs per write, and what the integrity checks cost (not collected
by pytest).

    uv run python tests/bench/bench_sync.py [--writes 1000] [--dir PATH] [--db DEMO.db]

Logs ``--writes`` interactions one by one, each its own transaction through core (what one
``netkeep log`` writes), on a fresh database in ``--dir`` (default: a temporary folder; give
one on the disk you care about, not a RAM disk), once with ``synchronous=NORMAL`` and once
with ``FULL``, and prints the time per write. With ``--db``, also times SQLite's
``quick_check`` and ``integrity_check`` on that database (the 30,000-contact demo:
``netkeep demo --contacts 30000 --no-open --db DEMO.db``).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.core import contacts, interactions
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.store import database as store_database
from netkeep.store.database import open_database


def per_write(folder: Path, synchronous: str, writes: int) -> float:
    """Milliseconds per logged interaction, the median of five rounds of ``writes // 5``."""
    path = folder / f"bench-{synchronous}.db"
    store_database.PRAGMAS["synchronous"] = synchronous
    db = open_database(path)
    try:
        people = [contacts.create_contact(ContactInput(full_name=f"Person {n}")) for n in range(20)]
        rounds = []
        for round_number in range(5):
            start = time.perf_counter()
            for n in range(writes // 5):
                interactions.log_interaction(
                    InteractionInput(
                        contact_ids=(people[n % len(people)],),
                        kind="note",
                        summary=f"round {round_number}: a short note about the conversation, number {n}",
                    )
                )
            rounds.append((time.perf_counter() - start) * 1000 / (writes // 5))
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return sorted(rounds)[2]


def checks(path: Path) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for pragma in ("quick_check", "integrity_check"):
            times = []
            for _ in range(3):
                start = time.perf_counter()
                connection.execute(f"PRAGMA {pragma}").fetchall()
                times.append((time.perf_counter() - start) * 1000)
            print(f"PRAGMA {pragma:<16} on {path.name}: median {sorted(times)[1]:8.0f} ms")
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--dir", help="where to write the test databases (default: a temporary folder)")
    parser.add_argument("--db", help="a database to time the integrity checks on")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        results = {mode: per_write(Path(folder), mode, args.writes) for mode in ("normal", "full")}
    for mode, ms in results.items():
        print(f"synchronous={mode.upper():<6} {ms:6.2f} ms per `netkeep log`-sized write")
    print(f"FULL costs {results['full'] - results['normal']:+.2f} ms per write")
    if args.db:
        checks(Path(args.db))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
