"""The trash: deleted contacts, restorable for 30 days because the journal keeps all they took.

Restoring one is undoing its delete (``core.history.undo``). The journal forgets changes
after :data:`history.KEEP_DAYS` days, which empties the trash of them; :func:`empty` does it
now, for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pendulum

from netkeep.core import history, session
from netkeep.store import journal
from netkeep.store.models import Contact, Interaction, InteractionContact, ReferralLoop

#: What a delete is called in the journal.
DELETE = "delete"


@dataclass(frozen=True)
class Trashed:
    """One delete that can still be undone."""

    change_id: int
    summary: str  # "Deleted Ana Silva"
    deleted_at: datetime
    expires_at: datetime


def contents() -> list[Trashed]:
    """Deletes that still stand, newest first."""
    now = pendulum.now("UTC")
    kept = [
        Trashed(entry.id, entry.summary, entry.at, entry.at + timedelta(days=history.KEEP_DAYS))
        for entry in history.recent(10_000, kinds=(DELETE,))
        if not entry.undone
    ]
    return [item for item in kept if item.expires_at > now]


def empty() -> int:
    """Forget every delete in the trash for good, and every earlier change that wrote what
    they deleted (none of those could be undone again); return how many contacts went."""
    with session.writing(journal_it=False):
        deletes = [t.change_id for t in contents()]
        earlier = {other for change_id in deletes for other in journal.earlier_writers(change_id)}
        journal.forget(sorted(set(deletes) | earlier))
    return len(deletes)


def delete_effects(contact_id: int) -> list[str]:
    """What deleting this contact will change besides them, in sentences (for the confirm)."""
    with session.snapshot():
        name = Contact.select(Contact.full_name).where(Contact.id == contact_id).scalar() or "they"
        introduced = Contact.select().where(Contact.introduced_by == contact_id).count()
        loops = (
            ReferralLoop.select()
            .where(
                ((ReferralLoop.introducer == contact_id) | (ReferralLoop.contact == contact_id))
                & ReferralLoop.closed_at.is_null()
            )
            .count()
        )
        theirs = InteractionContact.select(InteractionContact.interaction).where(
            InteractionContact.contact == contact_id
        )
        shared = InteractionContact.select(InteractionContact.interaction).where(
            InteractionContact.interaction.in_(theirs) & (InteractionContact.contact != contact_id)
        )
        only = Interaction.select().where(Interaction.id.in_(theirs) & Interaction.id.not_in(shared)).count()
    lines = []
    if introduced:
        people = "1 person was" if introduced == 1 else f"{introduced} people were"
        lines.append(f"{people} introduced by {name}; they will show no introducer.")
    if loops:
        lines.append(f"{_count(loops, 'open referral loop')} will close.")
    if only:
        lines.append(f"{_count(only, 'timeline entry', 'timeline entries')} only with {name} will go.")
    return lines


def _count(number: int, one: str, many: str = "") -> str:
    return f"1 {one}" if number == 1 else f"{number} {many or one + 's'}"
