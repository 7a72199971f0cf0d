"""``[sync]`` in config.toml: which vdirs to keep in step, and one sync of each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from netkeep.core.config import Config
from netkeep.sync.report import FolderReport

#: What each vdir in ``[sync]`` holds, in the order they are synced.
FOLDERS = ("contacts",)
#: Names the docs promise for later; said plainly when set.
LATER = ("followups", "timeline")


def configured(config: Config) -> tuple[dict[str, Path], list[str]]:
    """The folders ``[sync]`` names, and one line for each entry it cannot use."""
    found, problems = {}, []
    for name, value in config.section("sync").items():
        if name in LATER:
            problems.append(
                f"[sync] {name}: this netkeep syncs contacts only; {name} come in a later version"
            )
        elif name not in FOLDERS:
            problems.append(
                f"[sync] {name}: netkeep does not know this folder (it knows: {', '.join(FOLDERS)})"
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"[sync] {name} should be a folder's path in quotes")
        else:
            found[name] = Path(value).expanduser()
    return found, problems


def sync_folders(
    folders: dict[str, Path], progress: Callable[[str], None] | None = None
) -> list[FolderReport]:
    """Sync each folder in turn; a report for each."""
    from netkeep.sync.contacts import sync_contacts

    return [sync_contacts(folders[name], progress) for name in FOLDERS if name in folders]
