"""The benchmarks' big network: 300,000 contacts and about 3 million interactions.

    uv run python tests/bench/big_network.py [--contacts 300000]   # prints the file's path

Built once with netkeep's demo generator (its 30,000 cap lifted) and cached under
/tmp/netkeep-bench, keyed by size, seed and schema version. When only a file of an older
schema version is cached, a copy of it is migrated instead (and the time the migration
took is printed: at this size it is mostly building the search index).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

CACHE = Path("/tmp/netkeep-bench")


def big_network(contacts: int = 300_000, seed: int = 7, cache: Path = CACHE) -> Path:
    """The path of the cached network at the current schema version, built if need be."""
    from netkeep.store.migrations import LATEST

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"network-{contacts}-seed{seed}-v{LATEST}.db"
    if path.exists():
        return path
    older = sorted(cache.glob(f"network-{contacts}-seed{seed}-v*.db"), key=_version)
    if older:
        _migrate_copy(older[-1], path)
    else:
        _generate(path, contacts, seed)
    return path


def _version(path: Path) -> int:
    return int(path.stem.rsplit("-v", 1)[1])


def _migrate_copy(source: Path, path: Path) -> None:
    from netkeep.store.database import open_database

    partial = path.with_suffix(".partial")
    shutil.copyfile(source, partial)
    started = time.perf_counter()
    open_database(partial).close()
    print(f"migrated {source.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for backup in cache_backups(partial):
        backup.unlink()
    partial.rename(path)


def cache_backups(path: Path) -> list[Path]:
    """The copies the migration kept beside the file (not needed for a benchmark)."""
    return list(path.parent.glob(f"{path.name}.v*.bak"))


def _generate(path: Path, contacts: int, seed: int) -> None:
    from netkeep.demo.network import generate

    partial = path.with_suffix(".partial")
    stats = generate(
        partial, contacts=contacts, seed=seed, most=contacts, progress=lambda m: print(m, file=sys.stderr)
    )
    print(
        f"{stats.contacts:,} contacts, {stats.interactions:,} interactions in {stats.seconds:.0f} s",
        file=sys.stderr,
    )
    partial.rename(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(big_network(args.contacts, args.seed))


if __name__ == "__main__":
    main()
