"""Commitments: what I promised them, or they promised me, in a conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pendulum

from netkeep.core import session
from netkeep.core.contacts import strip_controls
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.schedule import upcoming_date
from netkeep.store.models import Commitment, Contact, Interaction, InteractionContact

OWNERS = ("me", "them")
TEXT_MAX = 1000


@dataclass(frozen=True)
class CommitmentRecord:
    id: int
    contact_id: int | None
    interaction_id: int | None
    owner: str
    text: str
    due_on: date | None


def add_commitment(
    text: str,
    *,
    owner: str = "me",
    contact_id: int | None = None,
    interaction_id: int | None = None,
    due: str | date | None = None,
) -> int:
    """Record a commitment for a contact and/or an interaction; return its id.

    Without a contact, the interaction's first participant is the contact.
    """
    text = strip_controls(" ".join(text.split()))
    errors = {}
    if not text:
        errors["text"] = "Say what was promised."
    elif len(text) > TEXT_MAX:
        errors["text"] = f"Too long (at most {TEXT_MAX} characters)."
    if owner not in OWNERS:
        errors["owner"] = "A commitment is mine ('me') or theirs ('them')."
    if contact_id is None and interaction_id is None:
        errors["contact"] = "A commitment belongs to a contact or an interaction."
    if errors:
        raise ValidationError(errors)
    due_on = upcoming_date(due, field="due") if due not in (None, "") else None
    with session.writing(kind="commitment") as change:
        if interaction_id is not None:
            if not Interaction.select().where(Interaction.id == interaction_id).exists():
                raise NotFound(f"There is no interaction with id {interaction_id}.")
            if contact_id is None:
                first = (
                    InteractionContact.select(InteractionContact.contact)
                    .where(InteractionContact.interaction == interaction_id)
                    .first()
                )
                contact_id = first.contact_id if first else None
        if contact_id is not None and not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFound(f"There is no contact with id {contact_id}.")
        if contact_id is not None:
            change.concern([contact_id])
        change.default(f"Noted a promise: {text}")
        row = Commitment.create(
            contact=contact_id,
            interaction=interaction_id,
            owner=owner,
            text=text,
            due_on=due_on,
            created_at=pendulum.now("UTC"),
        )
    return row.id


def _get(commitment_id: int) -> Commitment:
    row = Commitment.get_or_none(Commitment.id == commitment_id)
    if row is None:
        raise NotFound(f"There is no commitment with id {commitment_id}.")
    return row


def complete_commitment(commitment_id: int) -> None:
    with session.writing(kind="done") as change:
        row = _get(commitment_id)
        change.default(f"Done: {row.text}")
        if row.done_at is None:
            row.done_at = pendulum.now("UTC")
            row.save()


def snooze_commitment(commitment_id: int, until: str | date) -> date:
    """Give a commitment a later due date; return it."""
    due = upcoming_date(until, field="until")
    with session.writing(kind="snooze") as change:
        row = _get(commitment_id)
        change.default(f"Snoozed: {row.text}")
        row.due_on = due
        row.save()
    return due


def open_commitments(contact_id: int) -> list[CommitmentRecord]:
    """A contact's open commitments: dated ones soonest first, then the rest."""
    query = (
        Commitment.select()
        .where((Commitment.contact == contact_id) & Commitment.done_at.is_null())
        .order_by(Commitment.due_on.is_null(), Commitment.due_on, Commitment.id)
    )
    return [CommitmentRecord(c.id, c.contact_id, c.interaction_id, c.owner, c.text, c.due_on) for c in query]
