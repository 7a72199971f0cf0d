"""How long ``netkeep remind`` takes with nothing new due, as a whole process (not collected
by pytest). Budget: the median <= 150 ms, like ``netkeep find``, timed beside it.

    uv run python tests/bench/bench_remind.py --db DEMO.db [--runs 11]

Works on a copy of ``--db`` (the 30,000-contact demo: ``netkeep demo --contacts 30000
--no-open --db DEMO.db``): a first run delivers what is due to a command that does nothing
(config in a temporary folder), then every timed run has nothing new to send.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        took.append((time.perf_counter() - start) * 1000)
    return statistics.median(took)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    netkeep = str(Path(sys.executable).parent / "netkeep")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        shutil.copy(args.db, db)
        config = Path(tmp) / "config"
        config.mkdir()
        (config / "config.toml").write_text('[remind]\ndesktop = false\ncommand = "true"\n')
        env = {**os.environ, "NETKEEP_CONFIG": str(config)}
        first = subprocess.run([netkeep, "--db", str(db), "remind"], env=env, capture_output=True, text=True)
        print(first.stdout.strip() or first.stderr.strip())
        remind = median_ms([netkeep, "--db", str(db), "remind"], env, args.runs)
        find = median_ms([netkeep, "--db", str(db), "find", "zzzz"], env, args.runs)
    verdict = "ok" if remind <= 150 else "OVER the 150 ms budget"
    print(f"netkeep remind, nothing new: {remind:5.0f} ms median  {verdict}")
    print(f"netkeep find (for scale):    {find:5.0f} ms median")
    return 0 if remind <= 150 else 1


if __name__ == "__main__":
    raise SystemExit(main())
