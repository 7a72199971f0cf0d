"""The history of changes, and undoing them.

Every change is recorded by ``session.writing`` in the same transaction (``store.journal``
holds the SQL). Undoing a change replays its rows backwards inside a new change
("Undo: …"), so an undo can itself be undone (a redo). A change cannot be undone once a
later change that still stands wrote one of its rows: undo then says which, and changes
nothing. Changes older than :data:`KEEP_DAYS` are forgotten (``prune``), and with them
what deleted contacts left in the trash (``core.trash``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pendulum
from peewee import IntegrityError

from netkeep.core import session
from netkeep.core.dates import local_tz
from netkeep.core.errors import NetkeepError, NotFound
from netkeep.store import journal, replay
from netkeep.store.journal import ChangeRecord
from netkeep.store.models import Contact

#: How long the journal keeps a change (and the trash a deleted contact).
KEEP_DAYS = 30
UNDO, REDO = "Undo: ", "Redo: "


class UndoBlocked(NetkeepError):
    """A change that cannot be undone now; the message says why and what to do first."""


@dataclass(frozen=True)
class Entry:
    """One change as the history lists it."""

    id: int
    at: datetime
    kind: str
    summary: str
    contact_ids: tuple[int, ...]
    names: tuple[str, ...]  # of the contacts still there, in contact_ids order
    undone: bool
    undo_of: int | None  # the change this one undid

    @property
    def when(self) -> str:
        return when_text(self.at)


def when_text(moment: datetime) -> str:
    """``12 Mar 10:04`` in local time."""
    return pendulum.instance(moment).in_tz(local_tz()).format("D MMM HH:mm")


def _moment(stamp: str) -> datetime:
    return pendulum.instance(datetime.fromisoformat(stamp).replace(tzinfo=UTC))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _entries(records: list[ChangeRecord], names_shown: int = 3) -> list[Entry]:
    wanted = {cid for record in records for cid in record.contact_ids[:names_shown]}
    names = (
        dict(Contact.select(Contact.id, Contact.full_name).where(Contact.id.in_(list(wanted))).tuples())
        if wanted
        else {}
    )
    return [
        Entry(
            id=r.id,
            at=_moment(r.at),
            kind=r.kind,
            summary=r.summary,
            contact_ids=r.contact_ids,
            names=tuple(names[c] for c in r.contact_ids[:names_shown] if c in names),
            undone=r.undone_by_id is not None,
            undo_of=r.undoes_id,
        )
        for r in records
    ]


def recent(limit: int = 200, *, kinds: tuple[str, ...] = ()) -> list[Entry]:
    """The newest changes first (of ``kinds`` when given)."""
    with session.snapshot():
        return _entries(journal.recent(limit, kinds=kinds))


def get(change_id: int) -> Entry:
    with session.snapshot():
        record = journal.get(change_id)
        if record is None:
            raise NotFound(
                f"There is no change {change_id} in the history (it may be over {KEEP_DAYS} days old)."
            )
        return _entries([record])[0]


def last_undoable() -> Entry | None:
    """The newest change that still stands and is not itself an undo (what ctrl+z undoes)."""
    with session.snapshot():
        for record in journal.recent(50):
            if record.undone_by_id is None and record.undoes_id is None:
                return _entries([record])[0]
    return None


def undo(change_id: int) -> Entry:
    """Undo a change, in a new change that can itself be undone; return that new change.

    Raises :class:`UndoBlocked` (changing nothing) when a later change depends on it.
    """
    with session.writing(kind="undo") as change:
        record = journal.get(change_id)
        if record is None:
            raise NotFound(
                f"There is no change {change_id} in the history (it may be over {KEEP_DAYS} days old)."
            )
        if record.undone_by_id is not None:
            raise NetkeepError(f"“{record.summary}” was already undone (change {record.undone_by_id}).")
        keep = _check_later(record)
        change.undoes = change_id
        assert change.id is not None
        try:
            fresh = replay.replay_backwards(change_id).get("contact", {})
        except (IntegrityError, sqlite3.IntegrityError):
            raise UndoBlocked(_blocked(record, _standing_later(record), "")) from None
        for (table, row_id), values in keep.items():
            if values:
                journal.set_values(table, row_id, values)
        contacts = [fresh.get(cid, cid) for cid in record.contact_ids]
        change.describe(_undo_summary(record.summary), kind="undo", contacts=contacts)
        _check_cascades(record, change.id)
        journal.mark_undone(change_id, change.id)
    return get(change.id)


def _undo_summary(summary: str) -> str:
    if summary.startswith(UNDO):
        return REDO + summary.removeprefix(UNDO)
    return UNDO + summary.removeprefix(REDO)


def _standing_later(record: ChangeRecord) -> list[ChangeRecord]:
    """Later changes whose effect still stands: not undone, and not an undo that cancels
    another later change (an undo of an undo of a later change re-applies it, so counts)."""
    later = journal.later(record.id)
    by_id = {c.id: c for c in later}
    standing = []
    for change in later:
        if change.undone_by_id is not None:
            continue
        chain, current = 1, change
        while current.undoes_id in by_id:
            current = by_id[current.undoes_id]
            chain += 1
        if chain % 2:
            standing.append(change)
    return standing


def _check_later(record: ChangeRecord) -> dict[tuple[str, int], dict]:
    """Refuse when a later change that stands wrote a row the change wrote, unless all the
    change did to that row was clear references (see :func:`_cleared_only`); return what the
    later changes set in those rows, to keep once the undo has put the references back."""
    standing = _standing_later(record)
    keep: dict[tuple[str, int], dict] = {}
    for other, table, row_id in journal.shared_rows(record.id, [c.id for c in standing]):
        if (table, row_id) in keep:
            continue
        later = _cleared_only(record.id, table, row_id)
        if later is None:
            blocker = next(c for c in standing if c.id == other)
            raise UndoBlocked(_blocked(record, [blocker], _row_name(table, row_id)))
        keep[table, row_id] = later
    return keep


def _cleared_only(change_id: int, table: str, row_id: int) -> dict | None:
    """When all the change did to this row was clear references (a delete empties "introduced
    by" in the people the deleted contact introduced) and nothing later set them again:
    the values later changes gave the row's other columns. Otherwise None."""
    ops, before, after, now = journal.row_states(change_id, table, row_id)
    if set(ops) != {"u"} or after is None or now is None:
        return None
    references = replay.references(table)
    cleared = {name for name in before if before[name] != after.get(name)}
    since = {name: value for name, value in now.items() if name in after and after[name] != value}
    if any(name not in references or after[name] is not None for name in cleared) or cleared & set(since):
        return None
    return since


def _check_cascades(record: ChangeRecord, undo_id: int) -> None:
    """An undo that reached rows the change never wrote (a later row pointing at one it
    added) would take those with it: refuse, naming the change that wrote them."""
    extra = journal.extra_rows(undo_id, record.id)
    if not extra:
        return
    table, row_id = extra[0]
    writer = journal.last_writer(table, row_id, undo_id)
    blockers = [c for c in [journal.get(writer)] if c] if writer else _standing_later(record)
    raise UndoBlocked(_blocked(record, blockers, _row_name(table, row_id)))


def _row_name(table: str, row_id: int) -> str:
    if table == "contact":
        name = Contact.select(Contact.full_name).where(Contact.id == row_id).scalar()
        if name:
            return name
    return ""


def _blocked(record: ChangeRecord, blockers: list[ChangeRecord], what: str) -> str:
    if not blockers:
        return f"Can't undo “{record.summary}”: something done since depends on it."
    blocker = blockers[-1]
    later = f"“{blocker.summary}” ({when_text(_moment(blocker.at))})"
    if what:
        return f"Can't undo “{record.summary}”: {what} was changed since, by {later}; undo that first."
    return f"Can't undo “{record.summary}”: {later} came after it and depends on it; undo that first."


def prune(now: datetime | None = None) -> int:
    """Forget changes older than :data:`KEEP_DAYS` (and so empty the trash of them); how many."""
    moment = (now or pendulum.now("UTC")) - timedelta(days=KEEP_DAYS)
    with session.writing(journal_it=False):
        old = journal.older_than(_stamp(moment))
        journal.forget(old)
    return len(old)
