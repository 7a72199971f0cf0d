"""What the writers acknowledged, and whether a database still holds it.

The checks read the database file with ``sqlite3`` directly (not through netkeep), on a
copy of the file and its write-ahead log when asked: the original then stays exactly as
the killed process left it, for the next writer to recover.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from trust.writer import capture_name, import_names, log_text


@dataclass
class Ledger:
    """Every acknowledged write, by kind: ``capture``, ``log``, ``edit``, ``import``, ``shot``
    (a one-shot ``netkeep capture``), ``app`` (the app's own, in the concurrency test)."""

    acked: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def ack(self, kind: str, n: int) -> None:
        self.acked[kind].add(n)

    def total(self) -> int:
        return sum(len(numbers) for numbers in self.acked.values())


@dataclass(frozen=True)
class Check:
    integrity: str
    #: Acknowledged writes not in the database, as "kind n".
    lost: tuple[str, ...]
    #: Imports that are there in part (an import is all or nothing).
    partial: tuple[str, ...]

    @property
    def corrupt(self) -> bool:
        return self.integrity != "ok"


def app_log_text(n: int) -> str:
    """What the app logs in the concurrency test (``app_host.py``)."""
    return f"app log {n}"


def shot_name(n: int) -> str:
    """The person a one-shot ``netkeep capture`` process saves."""
    return f"Shot Capture {n}"


def check(db: Path, ledger: Ledger, scratch: Path | None = None) -> Check:
    """Integrity and every acknowledged write of ``db`` (read from a copy in ``scratch``)."""
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            source = db.with_name(db.name + suffix)
            target = scratch / (db.name + suffix)
            target.unlink(missing_ok=True)
            if source.exists():
                shutil.copyfile(source, target)
        (scratch / (db.name + "-shm")).unlink(missing_ok=True)
        db = scratch / db.name
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        integrity = "; ".join(str(row[0]) for row in rows)
        if integrity != "ok":
            return Check(integrity, (), ())
        return Check(integrity, *_acknowledged(connection, ledger))
    except sqlite3.DatabaseError as error:  # damaged past what integrity_check can report
        return Check(f"{type(error).__name__}: {error}", (), ())
    finally:
        connection.close()


def _acknowledged(connection: sqlite3.Connection, ledger: Ledger) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = {row[0] for row in connection.execute("SELECT full_name FROM contact")}
    summaries = {row[0] for row in connection.execute("SELECT summary FROM interaction")}
    lost = [f"capture {n}" for n in ledger.acked["capture"] if capture_name(n) not in names]
    lost += [f"shot {n}" for n in ledger.acked["shot"] if shot_name(n) not in names]
    lost += [f"log {n}" for n in ledger.acked["log"] if log_text(n) not in summaries]
    lost += [f"app {n}" for n in ledger.acked["app"] if app_log_text(n) not in summaries]
    if ledger.acked["edit"]:
        notes = {row[0] for row in connection.execute("SELECT notes FROM contact WHERE notes LIKE 'edit %'")}
        latest = max(int(note.split()[1]) for note in notes) if notes else -1
        lost += [f"edit {n}" for n in ledger.acked["edit"] if n > latest]
    imported: dict[int, int] = defaultdict(int)
    for name in names:
        if name.startswith("Imported"):
            imported[int(name.split()[0].removeprefix("Imported"))] += 1
    lost += [f"import {n}" for n in ledger.acked["import"] if imported[n] != len(import_names(n))]
    partial = [f"import {n}" for n, count in imported.items() if count != len(import_names(n))]
    return tuple(sorted(lost)), tuple(sorted(partial))
