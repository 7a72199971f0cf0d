"""What phone sync remembers between runs: each folder's place in the journal, and each item
as it was last synced (its file, the file's stamp and hash, the hash of netkeep's rendering,
and the text both sides agreed on). Written outside the journal, so undoing a sync's change
leaves the memory as it was and the next sync carries the undo to the other side."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from netkeep.core import session
from netkeep.store import touched
from netkeep.store.bulk import insert_rows
from netkeep.store.models import Contact, SyncFolder, SyncItem, database


@dataclass(frozen=True)
class Item:
    """One item as it was when last synced."""

    uid: str
    href: str  # its file's name in the folder
    stamp: str  # the file's mtime_ns:size then
    file_hash: str
    netkeep_hash: str
    base: str = ""  # the text both sides agreed on (read by :func:`base_of`, when a merge needs it)


def seen_change(folder: str) -> int | None:
    """The newest change of the journal the folder's last sync saw (None: never synced)."""
    return SyncFolder.select(SyncFolder.seen_change).where(SyncFolder.name == folder).scalar()


def items(folder: str) -> dict[str, Item]:
    """The folder's items by UID (without their base text)."""
    query = SyncItem.select(
        SyncItem.uid, SyncItem.href, SyncItem.stamp, SyncItem.file_hash, SyncItem.netkeep_hash
    ).where(SyncItem.folder == folder)
    return {row[0]: Item(*row) for row in database.execute(query)}


def base_of(folder: str, uid: str) -> str:
    """The text both sides agreed on when the item was last synced ("" when none)."""
    query = SyncItem.select(SyncItem.base).where((SyncItem.folder == folder) & (SyncItem.uid == uid))
    return query.scalar() or ""


def last_change() -> int:
    return touched.last_change()


def contacts_touched_since(change_id: int) -> set[int]:
    return touched.contacts_touched_since(change_id)


def contact_ids() -> dict[str, int]:
    """Every contact's id by UID."""
    return dict(database.execute(Contact.select(Contact.uid, Contact.id)))


def updated_at(ids: Collection[int]) -> dict[int, str]:
    """When these contacts were last edited (UTC text), by id."""
    query = Contact.select(Contact.id, Contact.updated_at).where(Contact.id.in_(list(ids)))
    return {cid: str(stamp) for cid, stamp in database.execute(query)}


def save(
    folder: str,
    path: str,
    kept: Iterable[Item],
    dropped: Iterable[str],
    restamped: dict[str, str],
    change: int,
    at: str,
) -> None:
    """Remember ``kept`` items, forget ``dropped`` UIDs, note files touched but the same
    (``restamped``: UID -> stamp), and mark the folder synced up to ``change``."""
    kept = list(kept)
    with session.writing(journal_it=False):
        for uid, stamp in restamped.items():
            SyncItem.update(stamp=stamp).where((SyncItem.folder == folder) & (SyncItem.uid == uid)).execute()
        gone = [*dropped, *(item.uid for item in kept)]
        for start in range(0, len(gone), 500):
            SyncItem.delete().where(
                (SyncItem.folder == folder) & SyncItem.uid.in_(gone[start : start + 500])
            ).execute()
        fields = [SyncItem.folder, SyncItem.uid, SyncItem.href, SyncItem.stamp, SyncItem.file_hash]
        fields += [SyncItem.netkeep_hash, SyncItem.base]
        insert_rows(SyncItem, fields, ((folder, *row) for row in (_row(i) for i in kept)), convert=False)
        SyncFolder.insert(name=folder, path=path, seen_change=change, synced_at=at).on_conflict(
            conflict_target=[SyncFolder.name],
            update={SyncFolder.path: path, SyncFolder.seen_change: change, SyncFolder.synced_at: at},
        ).execute()


def _row(item: Item) -> tuple[str, ...]:
    return (item.uid, item.href, item.stamp, item.file_hash, item.netkeep_hash, item.base)
