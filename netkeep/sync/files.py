"""A vdir's files: listed with their stamps, read, hashed, written atomically, removed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from netkeep.core.private_files import write_private_bytes

#: An item bigger than this is left alone (a phone's 5 MB photo is not netkeep's to carry).
MAX_BYTES = 1_000_000


def folder_problem(folder: Path) -> str:
    """Why ``folder`` cannot be synced ("" when it can)."""
    if not folder.exists():
        return f"{folder} does not exist (run `vdirsyncer discover` first, or fix the path in config.toml)"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return f"{folder} cannot be written to (check its permissions)"
    return ""


def listing(folder: Path, suffix: str) -> dict[str, str]:
    """Each item file's name and stamp (``mtime_ns:size``); hidden and temporary files skipped."""
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(suffix):
                continue
            try:
                if entry.is_file():
                    found[entry.name] = stamp_of(entry.stat())
            except OSError:
                continue
    return found


def stamp_of(stat: os.stat_result) -> str:
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write(folder: Path, name: str, data: bytes) -> str:
    """Write an item atomically (temporary file, then rename); its new stamp."""
    path = folder / name
    write_private_bytes(path, data, durable=False)  # one of thousands: no wait for the disk
    return stamp_of(path.stat())


def remove(folder: Path, name: str) -> None:
    try:
        (folder / name).unlink()
    except FileNotFoundError:
        pass


def mtime(stamp: str) -> float:
    """The modification time (seconds since the epoch) a stamp holds."""
    return int(stamp.split(":", 1)[0]) / 1e9
