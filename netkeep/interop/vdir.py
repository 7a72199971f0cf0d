"""A folder of one vCard per contact (khard, vdirsyncer) that mirrors netkeep.

netkeep lists the files it writes in a manifest beside them (``.netkeep-vdir.json``). Each
export writes every active contact's card (a file whose bytes did not change is left as
it is, so a sync tool uploads only what changed), removes the cards it wrote earlier for
contacts since deleted or archived, and never touches a file it did not write: a contact
whose UID already has a card written by another program is left to that card. Each card
is written to a private temporary file and renamed into place (mode 0600).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from netkeep.core.exports import ExportContact
from netkeep.core.private_files import write_private_bytes
from netkeep.interop.vcard_write import card_text

MANIFEST = ".netkeep-vdir.json"
FORMAT = "netkeep-vdir"
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._@-]")
_UID = re.compile(r"^UID:(.*)$", re.M | re.I)


@dataclass(frozen=True)
class VdirResult:
    written: int
    unchanged: int = 0
    removed: int = 0
    #: Contacts whose UID already has a card here that netkeep did not write.
    left_alone: int = 0

    @property
    def cards(self) -> int:
        return self.written + self.unchanged

    def note(self) -> str:
        """What else happened, for the line after "Wrote N cards to …" ("" when nothing)."""
        parts = []
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.removed:
            parts.append(f"{self.removed} removed (contacts deleted or archived since)")
        if self.left_alone:
            parts.append(f"{self.left_alone} left to cards another program wrote there")
        return "; ".join(parts)


def card_filename(uid: str) -> str:
    """A safe file name for a card in a vdir: ``<uid>.vcf``."""
    return _UNSAFE_FILENAME.sub("_", uid)[:200] + ".vcf"


def write_vdir(contacts: Iterable[ExportContact], folder: Path, version: str = "4.0") -> VdirResult:
    """Mirror ``contacts`` into ``folder`` (created if needed) as this module describes."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    ours = _manifest(folder)
    present = {p.name for p in folder.iterdir() if p.suffix.casefold() == ".vcf" and p.is_file()}
    foreign_uids, earlier = _scan(folder, present - (ours or set()))
    if ours is None:  # no manifest yet: the cards an older netkeep wrote are netkeep's
        ours = earlier
        foreign_uids = _scan(folder, present - ours)[0]
    written = unchanged = left_alone = 0
    names: set[str] = set()
    for contact in contacts:
        name = card_filename(contact.uid)
        if contact.uid in foreign_uids or (name in present and name not in ours):
            left_alone += 1
            continue
        names.add(name)
        data = card_text(contact, version).encode("utf-8")
        target = folder / name
        if name in present and _same(target, data):
            unchanged += 1
            continue
        write_private_bytes(target, data, durable=False)  # one of thousands: no wait for the disk
        written += 1
    removed = 0
    for name in sorted(ours - names):
        try:
            (folder / name).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    data = json.dumps({"format": FORMAT, "files": sorted(names)}, indent=1).encode("utf-8")
    write_private_bytes(folder / MANIFEST, data)
    return VdirResult(written, unchanged, removed, left_alone)


def _manifest(folder: Path) -> set[str] | None:
    """The cards netkeep wrote into ``folder`` last time (None when it has no manifest)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(files, list):
        return set()
    return {name for name in files if isinstance(name, str) and "/" not in name}


def _scan(folder: Path, names: set[str]) -> tuple[set[str], set[str]]:
    """The UIDs in these cards (read from the start of each file), and which of the cards
    netkeep wrote (its PRODID)."""
    uids, netkeep = set(), set()
    for name in names:
        try:
            with open(folder / name, encoding="utf-8", errors="replace") as handle:
                head = handle.read(65536)
        except OSError:
            continue
        if match := _UID.search(head):
            uids.add(match.group(1).strip().removeprefix("urn:uuid:"))
        if "PRODID:-//netkeep//" in head:
            netkeep.add(name)
    return uids, netkeep


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
