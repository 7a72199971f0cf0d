"""Owed replies: an incoming message marked "reply owed" waits until I answer.

Rule: an interaction logged with a contact that goes out to them (direction ``out``)
or is a conversation (a meeting, call, coffee…) answers every reply owed to that
contact from before it; each answered message gets ``replied_by`` set to it.
"""

from __future__ import annotations

from netkeep.core import session
from netkeep.core.errors import NotFound
from netkeep.core.records import MEETING_KINDS, InteractionInput
from netkeep.store.models import Interaction, InteractionContact


def answers(data: InteractionInput) -> bool:
    """Whether an interaction like ``data`` counts as a reply."""
    return data.direction == "out" or (data.direction != "in" and data.kind in MEETING_KINDS)


def owed_query():
    """Incoming interactions still waiting for my reply."""
    return Interaction.select().where(
        (Interaction.reply_owed == True) & Interaction.replied_by.is_null()  # noqa: E712
    )


def settle_owed_replies(interaction_id: int, data: InteractionInput) -> None:
    """After-log hook: mark what this interaction answers as replied."""
    if not answers(data):
        return
    when = Interaction.get_by_id(interaction_id).occurred_at
    waiting = (
        owed_query()
        .select(Interaction.id)
        .join(InteractionContact)
        .where(
            InteractionContact.contact.in_(list(data.contact_ids))
            & (Interaction.occurred_at <= when)
            & (Interaction.id != interaction_id)
        )
    )
    (
        Interaction.update(replied_by=interaction_id)
        .where(Interaction.id.in_([row.id for row in waiting]))
        .execute()
    )


def dismiss_owed_reply(interaction_id: int) -> None:
    """No reply needed after all: take the message off the agenda without logging one."""
    with session.writing("Dismissed a reply owed", kind="done"):
        updated = Interaction.update(reply_owed=False).where(Interaction.id == interaction_id).execute()
        if not updated:
            raise NotFound(f"There is no interaction with id {interaction_id}.")
