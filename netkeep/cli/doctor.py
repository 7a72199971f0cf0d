"""``netkeep doctor``: where the database lives, whether it is sound, and its backups."""

from __future__ import annotations

import argparse
import sys


def _size(count: int) -> str:
    if count < 2**10:
        return f"{count} bytes"
    return f"{count / 2**20:.1f} MB" if count >= 2**20 else f"{count / 2**10:.0f} kB"


def run(args: argparse.Namespace) -> int:
    from netkeep.cli.common import fail, resolve_db

    path = resolve_db(args)
    if not path.is_file():
        return fail(f"no netkeep database at {path}")
    print(f"Database   {path}", flush=True)
    print("Checking   every page, row and index (this reads the whole file)…", file=sys.stderr, flush=True)
    from netkeep.core import checkup
    from netkeep.core.dates import today

    found = checkup.doctor(path)
    seen = found.examination
    lines = [
        f"Size       {_size(seen.size)}"
        + (f" (+ {_size(seen.wal_size)} not yet merged)" if seen.wal_size else "")
    ]
    if seen.schema is not None:
        if seen.schema > seen.latest_schema:
            note = " (a newer netkeep's: upgrade netkeep)"
        elif seen.schema < seen.latest_schema:
            note = " (brought up to date when netkeep next opens it)"
        else:
            note = ""
        lines.append(f"Schema     version {seen.schema}, this netkeep's is {seen.latest_schema}{note}")
    if seen.contacts is not None:
        lines.append(f"Contacts   {seen.contacts:,}")
    if seen.error:
        lines.append(f"Integrity  cannot be read: {seen.error}")
    elif seen.problems:
        lines.append("Integrity  DAMAGED; SQLite's check found:")
        lines += [f"             {problem}" for problem in seen.problems[:5]]
        if len(seen.problems) > 5:
            lines.append("             …")
    else:
        lines.append("Integrity  ok (full check)")
        checkup.record_check(path, today())
    if found.read_only:
        lines.append("Access     read-only: netkeep can show it but not change it")
    lines += _backup_lines(found)
    if seen.schema == seen.latest_schema and not seen.error:
        lines += _reminder_lines(path)
    if found.synced_by:
        lines.append(
            f"Warning    it is in a {found.synced_by} folder: {found.synced_by} replaces a file by "
            "writing a new copy over it, which can damage a database in use or split it into "
            "conflicted copies. Keep it outside (--db or NETKEEP_DB), and let the backups go there."
        )
    if not seen.sound:
        lines.append(
            "What now   `netkeep restore --list` shows the backups; `netkeep restore FILE` puts one back."
        )
    from netkeep.core.text import visible

    print(visible("\n".join(lines)))
    return 0 if seen.sound else 1


def _reminder_lines(path) -> list[str]:
    """Whether the reminders' timer is installed, and each channel's last delivery."""
    from netkeep.core.remind import last_deliveries
    from netkeep.core.remind_timer import installed

    timer = "the timer runs `netkeep remind`" if installed() else "not installed (`netkeep remind --install`)"
    lines = [f"Reminders  {timer}"]
    lines += [
        f"           {channel}: last sent {when} UTC"
        for channel, when in sorted(last_deliveries(path).items())
    ]
    return lines


def _backup_lines(found) -> list[str]:
    if not found.backups:
        lines = [f"Backups    none yet in {found.backup_folder} (the app makes one each day)"]
    else:
        newest = found.backups[0]
        lines = [
            f"Backups    {len(found.backups)} in {found.backup_folder}; "
            f"the newest {newest.when} ({newest.reason})"
        ]
    lines += [f"           before an upgrade: {copy.name}" for copy in found.migration_copies[-3:]]
    return lines
