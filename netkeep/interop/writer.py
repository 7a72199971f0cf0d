"""Writing an export to a stream, a file or (vCards) a folder: shared by the CLI and the app."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from netkeep.core.errors import NetkeepError
from netkeep.core.private_files import write_private
from netkeep.interop.pause_gc import gc_paused

KINDS = ("vcard", "csv", "json", "ics")


class Exported(NamedTuple):
    """What an export to a path wrote: how many, where, whether one card per file, and
    what else happened there ("3 removed (contacts deleted or archived since)")."""

    items: int
    path: Path
    folder: bool
    note: str = ""


def write_export(kind: str, out, vcard_version: str = "4.0") -> int:
    """Write the export of ``kind`` to the text stream ``out``; return how many items."""
    with gc_paused():
        return _write_export(kind, out, vcard_version)


def _write_export(kind: str, out, vcard_version: str) -> int:
    if kind == "json":
        from netkeep.interop.backup import write_backup

        return write_backup(out)["contact"]
    if kind == "ics":
        from netkeep.interop.ics import calendar_text, upcoming_events

        events = upcoming_events()
        out.write(calendar_text(events))
        return len(events)
    from netkeep.core.exports import load_contacts

    if kind == "csv":
        from netkeep.interop.csv_export import write_csv

        return write_csv(load_contacts(), out)
    from netkeep.interop.vcard_write import write_cards

    return write_cards(load_contacts(include_archived=False), out, vcard_version)


def wants_folder(kind: str, path: Path, typed: str) -> bool:
    """A vCard export goes one card per file when the target is (or is typed as) a folder."""
    return kind == "vcard" and (path.is_dir() or typed.endswith(("/", "\\")))


def export_to_path(kind: str, typed: str, vcard_version: str = "4.0") -> Exported:
    """Write the export to the path a person typed (every file private to the user: 0600)."""
    path = Path(typed).expanduser()
    try:
        if wants_folder(kind, path, typed):
            from netkeep.core.exports import load_contacts
            from netkeep.interop.vdir import write_vdir

            with gc_paused():
                done = write_vdir(load_contacts(include_archived=False), path, vcard_version)
            return Exported(done.cards, path, True, done.note())
        if path.is_dir():
            raise NetkeepError(
                f"{path} is a folder; give a file name (only vCards go one per file into a folder)"
            )
        refuse_database(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        encoding = "utf-8-sig" if kind == "csv" else "utf-8"
        count = write_private(path, lambda out: write_export(kind, out, vcard_version), encoding=encoding)
        return Exported(count, path, False)
    except OSError as error:
        raise NetkeepError(f"cannot write {path}: {error.strerror or error}") from None


def refuse_database(path: Path) -> None:
    """Refuse to write an export over the open database or its journal files."""
    from netkeep.core.session import database_files

    target = path.resolve()
    for live in database_files():
        if target == live or (target.exists() and live.exists() and os.path.samefile(target, live)):
            raise NetkeepError(f"{path} is the netkeep database itself; choose another file for the export")
