"""Is the database sound, and somewhere safe: the app's daily quick check, ``netkeep doctor``.

SQLite's ``quick_check`` reads every page (~0.7 s for a 30,000-contact network), too slow
for every start, so the app runs it from a worker at most once a day per database and
records the day in the cache folder (``checked.json``). ``netkeep doctor`` runs the full
``integrity_check`` and says where the database lives, how big it is, its schema version,
its backups, and whether it sits in a folder a sync service rewrites.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netkeep.store.failures import is_read_only
from netkeep.store.inspect import Examination, examine

#: Folder names (and marker files) of services that sync by writing a new copy and renaming
#: it over the old file: a live SQLite file there can be corrupted or forked into conflicts.
SYNC_FOLDERS = {
    "dropbox": "Dropbox",
    "sync": "Syncthing",
    "icloud drive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
}
SYNC_MARKERS = {".stfolder": "Syncthing", ".dropbox": "Dropbox", ".dropbox.cache": "Dropbox"}


@dataclass(frozen=True)
class Checkup:
    """What ``netkeep doctor`` found."""

    examination: Examination
    read_only: bool
    backups: list  # core.backups.Backup, newest first
    backup_folder: Path
    migration_copies: list[Path]
    synced_by: str | None


def synced_by(path: Path) -> str | None:
    """The sync service whose folder holds ``path`` (Dropbox, Syncthing, iCloud Drive,
    OneDrive, Google Drive), or None."""
    folder = path.expanduser().resolve().parent
    for part in (folder, *folder.parents):
        for marker, service in SYNC_MARKERS.items():
            if (part / marker).exists():
                return service
        name = part.name.casefold()
        for prefix, service in SYNC_FOLDERS.items():
            # "Dropbox (Work)", "OneDrive - Company", "GoogleDrive-me@example.com"
            if name == prefix or name.startswith((f"{prefix} ", f"{prefix}-")):
                return service
    return None


def doctor(path: Path) -> Checkup:
    """The full check of the database at ``path`` (which must exist) and where it lives."""
    from netkeep.core import backups

    folder = backups.folder(path)
    return Checkup(
        examination=examine(path, quick=False),
        read_only=is_read_only(path),
        backups=backups.listing(folder),
        backup_folder=folder,
        migration_copies=sorted(path.parent.glob(f"{path.name}.v*.bak")),
        synced_by=synced_by(path),
    )


def _record_file() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("netkeep", appauthor=False) / "checked.json"


def _checked() -> dict[str, str]:
    try:
        data = json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record_check(path: Path, day: date) -> None:
    """Remember that ``path`` was checked on ``day`` (a lost record means one check more)."""
    checked = _checked()
    checked[str(path.resolve())] = day.isoformat()
    record = _record_file()
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        temp = record.with_name(f".{record.name}.{os.getpid()}")
        temp.write_text(json.dumps(checked, indent=1), encoding="utf-8")
        os.replace(temp, record)
    except OSError:
        pass


def daily_quick_check(path: Path, today: date) -> list[str] | None:
    """SQLite's quick check of ``path`` when it has not had one today: what it found wrong
    (empty: sound), or None when it was not due. The day is recorded either way."""
    if _checked().get(str(path.resolve())) == today.isoformat():
        return None
    found = examine(path, quick=True)
    record_check(path, today)
    return [found.error] if found.error else found.problems
