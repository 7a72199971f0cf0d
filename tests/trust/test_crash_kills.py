"""Crash: writers killed with SIGKILL at random moments never corrupt the database or lose a
write they acknowledged.

Four writers take turns (``netkeep capture TEXT`` and ``netkeep log`` in a loop, an edit
through core, ``netkeep import``) plus one-shot ``netkeep capture`` processes. After each
kill, a copy of the database (and its write-ahead log) passes ``PRAGMA integrity_check`` and
holds every write acknowledged so far; an import is there entirely or not at all. The
original file is left as the killed process left it, so the next writer recovers it.
"""

from __future__ import annotations

import os
import random
import time

from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from trust.figures import record
from trust.killing import live
from trust.ledger import Ledger, check
from trust.scale import SCALE

KINDS = ("capture", "log", "edit", "import", "shot")


def _seed(db_path) -> dict[str, str]:
    database = open_database(db_path)
    try:
        target = contacts.create_contact(ContactInput(full_name="Logan Target"))
        edited = contacts.create_contact(ContactInput(full_name="Eddie Edit", notes="edit -1"))
    finally:
        database.close()
    return {"log": f"#{target}", "edit": f"#{edited}"}


def test_sigkill_at_random_moments_never_corrupts_or_loses_an_acknowledged_write(tmp_path):
    db = tmp_path / "crash.db"
    targets = _seed(db)
    seed = int(os.environ.get("NETKEEP_TRUST_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    ledger = Ledger()
    kills = finished = corruptions = 0
    lost: set[str] = set()
    partial: set[str] = set()
    errors: list[str] = []
    started = time.monotonic()
    turn = 0
    while kills < SCALE.kills:
        kind = KINDS[turn % len(KINDS)]
        life = live(kind, db, start=turn * 100_000, target=targets.get(kind, ""), rng=rng)
        turn += 1
        kills += life.killed
        finished += not life.killed
        errors += life.errors
        for n in life.acks:
            ledger.ack(kind, n)
        result = check(db, ledger, tmp_path / "copy")
        if result.corrupt:
            corruptions += 1
            break  # later checks would only repeat it
        lost.update(result.lost)
        partial.update(result.partial)
        if errors:
            break
    elapsed = time.monotonic() - started
    record("crash", "SIGKILLs of writers", kills, f">= {SCALE.kills}")
    record("crash", "acknowledged writes", ledger.total())
    record("crash", "corruptions (integrity_check)", corruptions, "0")
    record("crash", "lost acknowledged writes", len(lost), "0")
    record("crash", "imports found in part", len(partial), "0")
    record("crash", "seconds", f"{elapsed:.0f}")
    context = f"(seed {seed}; set NETKEEP_TRUST_SEED to repeat)"
    assert not errors, f"writers failed {context}: {errors[:5]}"
    assert corruptions == 0, f"integrity_check failed after kill {kills}: {result.integrity} {context}"
    assert not lost, f"acknowledged writes lost: {sorted(lost)[:10]} {context}"
    assert not partial, f"imports found in part: {sorted(partial)[:10]} {context}"
    assert ledger.total() > 0, "no write was ever acknowledged: the kills all came too early"


def test_the_check_sees_a_lost_write_and_a_damaged_file(tmp_path):
    """The checks above can fail: a write acknowledged but not there, a page overwritten."""
    db = tmp_path / "crash.db"
    _seed(db)
    ledger = Ledger()
    ledger.ack("capture", 7)  # acknowledged, never written
    assert check(db, ledger, tmp_path / "copy").lost == ("capture 7",)
    with open(db, "r+b") as file:
        file.seek(4096)  # the second page: a table's root
        file.write(b"\xff" * 4096)
    assert check(db, Ledger()).corrupt
