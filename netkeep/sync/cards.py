"""The contacts folder as the sync reads it: which cards are new or changed since the last sync
(only those are read and parsed), which are the same, and which are left alone and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from netkeep.core.records import ContactInput
from netkeep.core.sync_state import Item
from netkeep.interop import vcard
from netkeep.interop.textfile import BadFile
from netkeep.sync import files

SUFFIX = ".vcf"


@dataclass(frozen=True)
class Card:
    """A card file new or changed since the last sync, read."""

    name: str
    text: str
    data: ContactInput
    introducer_uid: str
    stamp: str
    hash: str


@dataclass
class Folder:
    #: Every card file's UID -> its name (unreadable ones known from the last sync too).
    uids: dict[str, str] = field(default_factory=dict)
    #: Cards new or changed since the last sync, by UID.
    changed: dict[str, Card] = field(default_factory=dict)
    #: Cards touched but the same bytes: UID -> the new stamp.
    restamped: dict[str, str] = field(default_factory=dict)
    #: UIDs the sync leaves alone on both sides this time.
    bad: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def read_folder(folder: Path, state: dict[str, Item]) -> Folder:
    found = Folder()
    by_href = {item.href: uid for uid, item in state.items()}
    for name, stamp in sorted(files.listing(folder, SUFFIX).items()):
        known = by_href.get(name)
        item = state.get(known) if known else None
        if item is not None and item.stamp == stamp:
            _found(found, known, name)  # type: ignore[arg-type]
            continue
        card = _read(folder, name, stamp, item, found)
        if card is None:
            if known:
                _found(found, known, name)
                found.bad.add(known)
            continue
        if isinstance(card, str):  # the same bytes as last time
            found.restamped[known] = stamp  # type: ignore[index]
            _found(found, known, name)  # type: ignore[arg-type]
            continue
        if _found(found, card.data.uid, name):
            found.changed[card.data.uid] = card
    return found


def _found(found: Folder, uid: str, name: str) -> bool:
    """Note the file holding ``uid``; False (and both left alone) when another one has it too."""
    other = found.uids.get(uid)
    if other is None:
        found.uids[uid] = name
        return True
    found.problems.append(f"{other} and {name} have the same UID ({uid}): both left as they are")
    found.bad.add(uid)
    found.changed.pop(uid, None)
    return False


def _read(folder: Path, name: str, stamp: str, item: Item | None, found: Folder) -> Card | str | None:
    """The card in a file; "" when its bytes are the ones last synced; None (its problem
    noted) when it cannot be read."""
    try:
        size = (folder / name).stat().st_size
        if size > files.MAX_BYTES:
            found.problems.append(f"{name} is {size / 1e6:.1f} MB, more than netkeep syncs (1 MB)")
            return None
        data = (folder / name).read_bytes()
    except OSError as error:
        found.problems.append(f"{name} cannot be read ({error.strerror or error})")
        return None
    hashed = files.digest(data)
    if item is not None and hashed == item.file_hash:
        return ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        found.problems.append(f"{name} is not UTF-8 text")
        return None
    try:
        result = vcard.parse_text(text, name, name)
    except BadFile as error:
        found.problems.append(f"{name}: {error}")
        return None
    if result.problems or len(result.candidates) != 1:
        why = result.problems[0].reason if result.problems else f"holds {len(result.candidates)} cards"
        found.problems.append(f"{name}: {why}")
        return None
    candidate = result.candidates[0]
    if not candidate.data.uid:
        found.problems.append(f"{name} has no UID")
        return None
    return Card(name, text, candidate.data, candidate.introducer_uid, stamp, hashed)
