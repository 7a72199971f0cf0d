"""Two-way sync of netkeep's contacts with a folder of vCards (a vdir).

Each side's change is found against what the last sync left (``core.sync_state``): in the
folder by each file's stamp and hash, in netkeep by the journal's changes since and the hash
of netkeep's own rendering of the card. A change on one side is taken; changes on both are
merged field by field (``sync.merge``) and listed as conflicts. Adds and edits in netkeep are
one change of the journal (undo it, and the next sync carries the undo to the folder); each
contact deleted from the folder is a delete of its own, so it waits in the trash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pendulum

from netkeep.core import contacts, session, sync_state
from netkeep.core.errors import NetkeepError
from netkeep.core.exports import ExportContact, load_contacts
from netkeep.core.sync_state import Item
from netkeep.interop import vcard
from netkeep.interop.vcard_write import card_text
from netkeep.interop.vdir import card_filename
from netkeep.sync import files
from netkeep.sync.cards import Card, Folder, read_folder
from netkeep.sync.merge import INTRODUCER, MULTI, Fields, as_input, fields_of, merge, said
from netkeep.sync.report import FolderReport

NAME = "contacts"
Progress = Callable[[str], None]


@dataclass
class _Run:
    path: Path
    report: FolderReport
    state: dict[str, Item]
    folder: Folder
    ids: dict[str, int]  # every contact's id by UID
    local: dict[str, ExportContact]  # the contacts read (changed since the last sync, or new)
    rendered: dict[str, str]
    kept: dict[str, Item]
    dropped: set[str]
    restamped: dict[str, str] = field(default_factory=dict)  # UID -> the file's new stamp
    saved: set[str] = field(default_factory=set)  # UIDs this sync wrote into netkeep


def sync_contacts(path: Path, progress: Progress | None = None) -> FolderReport:
    """Sync netkeep's contacts with the vCards in ``path``; what it did, side by side."""
    say = progress or (lambda text: None)
    report = FolderReport(NAME, str(path))
    if problem := files.folder_problem(path):
        report.failed = problem
        return report
    say(f"Reading {path} and netkeep's contacts…")
    with session.snapshot():
        seen = sync_state.seen_change(NAME)
        state = sync_state.items(NAME)
        mark = sync_state.last_change()
        ids = sync_state.contact_ids()
        folder = read_folder(path, state)
        wanted = {cid for uid, cid in ids.items() if uid not in state}
        if seen is None or len(wanted) > 5000:
            local = {c.uid: c for c in load_contacts()}
        else:
            wanted |= sync_state.contacts_touched_since(seen) & set(ids.values())
            local = {c.uid: c for c in load_contacts(ids=wanted)} if wanted else {}
        rendered = {uid: card_text(c) for uid, c in local.items() if uid not in folder.bad}
        also = [ids[uid] for uid in folder.changed if uid in ids and uid not in local]
        local |= {c.uid: c for c in load_contacts(ids=also)} if also else {}
    report.problems += folder.problems
    run = _Run(path, report, state, folder, ids, local, rendered, {}, set())
    _apply(run, say)
    when = pendulum.now("UTC").format("YYYY-MM-DD HH:mm:ss")
    sync_state.save(NAME, str(path), run.kept.values(), run.dropped, run.restamped, mark, when)
    return report


def _changed_here(run: _Run, uid: str) -> bool:
    text = run.rendered.get(uid)
    item = run.state.get(uid)
    return text is not None and (item is None or files.digest(text.encode("utf-8")) != item.netkeep_hash)


def _apply(run: _Run, say: Progress) -> None:
    folder, state, report = run.folder, run.state, run.report
    pushes: list[str] = []  # UIDs whose card netkeep writes to the folder
    taken: list[str] = []  # UIDs netkeep took from the folder (no file written)
    trash: list[str] = []
    merges: list[str] = []  # changed on both sides (or new on both)
    uids = sorted((set(state) | set(folder.uids) | set(run.rendered)) - folder.bad)
    with session.writing(f"Synced {NAME}", kind="sync") as change:
        for uid in uids:
            item, card, here = state.get(uid), folder.changed.get(uid), run.ids.get(uid)
            changed_here = _changed_here(run, uid)
            if item is None and card is None and here is not None:
                pushes.append(uid)
                report.folder.added += 1
            elif item is None and card is not None and here is None:
                if _take(run, uid, card, create=True):
                    taken.append(uid)
            elif card is not None and here is not None:
                if item is None or changed_here:
                    merges.append(uid)
                elif _take(run, uid, card, create=False):
                    taken.append(uid)
            elif item is not None and here is not None and uid not in folder.uids:
                if changed_here:  # gone from the folder, changed here: netkeep's card goes back
                    report.conflicts.append(
                        f"{run.local[uid].full_name}: removed from the folder but changed here; kept"
                    )
                    pushes.append(uid)
                    report.folder.added += 1
                else:
                    trash.append(uid)
            elif item is not None and here is None and uid in folder.uids:
                if card is not None:  # deleted here, changed in the folder: it comes back
                    report.conflicts.append(
                        f"{card.data.full_name}: deleted here but changed in the folder; brought back"
                    )
                    if _take(run, uid, card, create=True):
                        taken.append(uid)
                else:
                    files.remove(run.path, folder.uids[uid])
                    run.dropped.add(uid)
                    report.folder.deleted += 1
            elif item is not None and here is not None and changed_here:
                pushes.append(uid)
                report.folder.updated += 1
            elif item is not None and here is None and uid not in folder.uids:
                run.dropped.add(uid)
            elif uid in folder.restamped and item is not None:
                run.restamped[uid] = folder.restamped[uid]
        change.describe(report.summary(), kind="sync")
    for uid in merges:  # each its own change: undoing one conflict leaves the rest of the sync
        if _merge(run, uid, run.folder.changed[uid], state.get(uid)):
            pushes.append(uid)
    say("Writing the cards…")
    _settle(run, taken, pushes)
    for uid in trash:
        _trash(run, uid)


def _take(run: _Run, uid: str, card: Card, *, create: bool) -> bool:
    """The folder's card into netkeep, as it is; False when netkeep refuses it."""
    introducer = run.ids.get(card.introducer_uid) if card.introducer_uid else None
    here = run.ids.get(uid)
    source = run.local[uid].source if here is not None else "vcard"
    data = replace(card.data, introduced_by_id=introducer, uid=uid, source=source)
    if not _save(run, uid, data, card.name, None if create else here):
        return False
    counts = run.report.netkeep
    if create:
        counts.added += 1
    else:
        counts.updated += 1
    return True


def _merge(run: _Run, uid: str, card: Card, item: Item | None) -> bool:
    """Both sides changed (or both are new): field by field; False when netkeep refuses it."""
    contact = run.local[uid] if uid in run.local else load_contacts(ids=[run.ids[uid]])[0]
    mine = vcard.parse_text(run.rendered.get(uid) or card_text(contact)).candidates[0]
    base_text = sync_state.base_of(NAME, uid) if item is not None else ""
    was = vcard.parse_text(base_text).candidates if base_text else []
    base: Fields | None = fields_of(was[0].data, was[0].introducer_uid) if was else None
    ours = fields_of(mine.data, mine.introducer_uid)
    theirs = fields_of(card.data, card.introducer_uid)
    edited = sync_state.updated_at([contact.id]).get(contact.id, "")
    ours_newer = edited > datetime.fromtimestamp(files.mtime(card.stamp), UTC).strftime("%Y-%m-%d %H:%M:%S")
    merged, conflicts = merge(base, ours, theirs, ours_newer)
    introducer = run.ids.get(str(merged[INTRODUCER])) if merged[INTRODUCER] else None
    data = replace(as_input(merged, contact.to_input(), introducer), uid=uid)
    said_conflict = ""
    if conflicts:
        kept = "netkeep's" if ours_newer else "the folder's"
        single = [said(name) for name in conflicts if name not in MULTI]
        joined = [said(name) for name in conflicts if name in MULTI]
        parts = [f"{', '.join(single)}: kept {kept} (the newer)"] if single else []
        parts += [f"{', '.join(joined)}: both kept"] if joined else []
        said_conflict = f"{data.full_name}: changed on both sides; " + "; ".join(parts)
    summary = (
        f"Sync conflict, {said_conflict}" if conflicts else f"Synced {data.full_name} from the {NAME} folder"
    )
    if not _save(run, uid, data, card.name, contact.id, summary):
        return False
    if conflicts:
        run.report.conflicts.append(said_conflict)
    if merged != ours:
        run.report.netkeep.updated += 1
    if merged != theirs:
        run.report.folder.updated += 1
    return True


def _save(run: _Run, uid: str, data, name: str, contact_id: int | None, summary: str = "") -> bool:
    try:  # (inside the sync's change, a savepoint: a card netkeep refuses leaves nothing behind)
        with session.writing(summary, kind="sync"):
            if contact_id is None:
                run.ids[uid] = contacts.create_contact(data)
            else:
                contacts.update_contact(contact_id, data)
        run.saved.add(uid)
    except NetkeepError as error:
        run.report.problems.append(f"{name}: {error}")
        run.folder.bad.add(uid)
        return False
    return True


def _settle(run: _Run, taken: list[str], pushes: list[str]) -> None:
    """Write the cards netkeep pushes, and remember every item as both sides now have it."""
    saved = [run.ids[uid] for uid in run.saved if uid in run.ids]
    fresh = {c.uid: c for c in load_contacts(ids=saved)} if saved else {}
    for uid in taken:
        card = run.folder.changed[uid]
        mine = card_text(fresh[uid]).encode("utf-8")
        run.kept[uid] = Item(uid, card.name, card.stamp, card.hash, files.digest(mine), card.text)
    names = set(run.folder.uids.values())
    for uid in pushes:
        if uid in run.folder.bad:
            continue
        text = card_text(fresh[uid]) if uid in fresh else run.rendered[uid]
        data = text.encode("utf-8")
        name = run.folder.uids.get(uid) or _free_name(uid, names)
        names.add(name)
        try:
            stamp = files.write(run.path, name, data)
        except OSError as error:
            run.report.problems.append(f"{name} could not be written ({error.strerror or error})")
            continue
        hashed = files.digest(data)
        run.kept[uid] = Item(uid, name, stamp, hashed, hashed, text)


def _free_name(uid: str, taken: set[str]) -> str:
    name = card_filename(uid)
    number = 1
    while name in taken:
        number += 1
        name = card_filename(f"{uid}-{number}")
    return name


def _trash(run: _Run, uid: str) -> None:
    """Gone from the folder, unchanged here: to netkeep's trash, one delete each."""
    try:
        with session.writing(kind="delete", contacts=[run.ids[uid]]) as change:
            contacts.delete_contact(run.ids[uid])
            change.describe(f"{change.summary} (gone from the {NAME} folder)")
    except NetkeepError as error:
        run.report.problems.append(f"{uid} could not be deleted: {error}")
        return
    run.dropped.add(uid)
    run.report.netkeep.deleted += 1
