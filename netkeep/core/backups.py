"""Rolling, verified backups of the database, in ``backups/`` beside it.

One is made on the first use of each day (:func:`daily`, from a worker in the app) and
before every import, merge and restore (:func:`before`); each is checked after it is
written (reopened, ``PRAGMA integrity_check``, the same row counts) and private (0600).
The newest of each of the last 7 days and of each of the last 4 weeks are kept, and the 3
newest of all; older ones are removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pendulum

from netkeep.core import session
from netkeep.core.dates import local_tz
from netkeep.core.errors import NetkeepError
from netkeep.store import backup
from netkeep.store.backup import BackupError

DAYS, WEEKS, NEWEST = 7, 4, 3

__all__ = ["Backup", "BackupError", "before", "daily", "listing", "make", "restore"]


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: pendulum.DateTime
    reason: str  # "daily", "manual", "before-import", …
    counts: dict[str, int] | None = None  # filled by listing(check=True)

    @property
    def when(self) -> str:
        """``2026-03-02 10:00``, local time."""
        local = self.made_at.in_timezone(local_tz())
        return local.format("YYYY-MM-DD HH:mm")

    @property
    def contacts(self) -> int | None:
        return None if self.counts is None else self.counts.get("contact", 0)


def folder(db_path: Path | None = None) -> Path:
    """Where the open database's backups go."""
    return backup.folder(db_path or _live())


def _live() -> Path:
    files = session.database_files()
    if not files:
        raise NetkeepError("there is no database file to back up (it is in memory)")
    return files[0]


def make(reason: str = "manual") -> Backup:
    """Back the open database up now (checked, 0600), then drop backups no longer kept."""
    live = _live()
    now = pendulum.now("UTC")
    path = backup.new_file(live, reason, now)
    try:
        counts = backup.copy(live, path)
    except BackupError as error:
        raise NetkeepError(str(error)) from None
    prune(path.parent)
    return Backup(path, now, reason, counts)


def before(action: str) -> Backup | None:
    """The backup made before an import, a merge or a restore (``before-import``, …); none
    for a database in memory."""
    return make(f"before-{action}") if session.database_files() else None


def daily() -> Backup | None:
    """Today's backup, when there is none yet (the app's first start of the day)."""
    today = pendulum.now("UTC").date()
    if any(b.made_at.date() == today for b in listing()):
        return None
    return make("daily")


def listing(directory: Path | None = None, *, check: bool = False) -> list[Backup]:
    """The backups there are, newest first; with ``check``, each opened and counted (a
    damaged one is left out)."""
    directory = directory or folder()
    found = []
    for path in directory.glob("netkeep-*.db") if directory.is_dir() else ():
        match = backup.NAME.match(path.name)
        if not match:
            continue
        made = datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        counts = None
        if check:
            try:
                counts = backup.check(path)[1]
            except BackupError:
                continue
        found.append(Backup(path, pendulum.instance(made), match[2], counts))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune(directory: Path) -> list[Path]:
    """Remove the backups no longer kept; return them."""
    backups = listing(directory)
    keep = {b.path for b in backups[:NEWEST]}
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for b in backups:  # newest first: the first of each day or week is its newest
        days.setdefault(b.made_at.date(), b.path)
        weeks.setdefault(tuple(b.made_at.isocalendar()[:2]), b.path)
    keep |= set(list(days.values())[:DAYS]) | set(list(weeks.values())[:WEEKS])
    gone = [b.path for b in backups if b.path not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def restore(file: str | Path) -> Backup:
    """Swap the backup ``file`` in for the open database, after backing the current one up
    (returned). A missing or damaged file changes nothing."""
    path = Path(file).expanduser()
    try:
        backup.check(path)
    except BackupError as error:
        raise NetkeepError(f"cannot restore: {error}; nothing was changed") from None
    live = _live()
    saved = make("before-restore")
    try:
        backup.put_back(path, live)
    except BackupError as error:
        raise NetkeepError(f"{error}; your database is as it was (and saved in {saved.path.name})") from None
    session.open_at(live)  # a backup from an older netkeep is brought up to date
    return saved
