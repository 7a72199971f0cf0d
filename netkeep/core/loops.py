"""Referral loops: after meeting someone a contact sent my way, thank the introducer.

Rules (run inside the logging transaction, see ``interactions.after_log_hooks``):

- **Opening.** The first interaction that is more than a note with a contact who has
  ``introduced_by`` set opens a loop "thank <introducer> and tell them how it went",
  unless the introducer took part in that interaction too.
- **Closing.** A loop closes when an interaction with the introducer is logged that
  refers to it: either it names the referred contact (full or first name) in its text
  and goes out to them or is a conversation, or it is closed explicitly with
  :func:`close_loop` (the Today view's log form does this for the loop it was opened
  from). A loop can also be closed without logging anything.
"""

from __future__ import annotations

import re

import pendulum

from netkeep.core import session
from netkeep.core.contact_card import who
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.records import InteractionInput
from netkeep.store.models import (
    Contact,
    Interaction,
    InteractionContact,
    ReferralLoop,
)


def open_loops_query():
    return ReferralLoop.select().where(ReferralLoop.closed_at.is_null())


def _is_exchange(data: InteractionInput) -> bool:
    return data.kind != "note"


def open_referral_loops(interaction_id: int, data: InteractionInput) -> None:
    """After-log hook: open a loop for each referred contact met for the first time."""
    if not _is_exchange(data):
        return
    people = set(data.contact_ids)
    referred = Contact.select(Contact.id, Contact.introduced_by).where(
        Contact.id.in_(list(people)) & Contact.introduced_by.is_null(False)
    )
    now = pendulum.now("UTC")
    for contact in referred:
        if contact.introduced_by_id in people:
            continue
        if (
            ReferralLoop.select()
            .where(
                (ReferralLoop.contact == contact.id) & (ReferralLoop.introducer == contact.introduced_by_id)
            )
            .exists()
        ):
            continue
        earlier = (
            Interaction.select(Interaction.id)
            .join(InteractionContact)
            .where(
                (InteractionContact.contact == contact.id)
                & (Interaction.kind != "note")
                & (Interaction.id != interaction_id)
            )
        )
        if earlier.exists():
            continue
        ReferralLoop.create(
            contact=contact.id, introducer=contact.introduced_by_id, opened_by=interaction_id, opened_at=now
        )


def _mentions(text: str, contact: Contact) -> bool:
    names = {contact.full_name, contact.given_name}
    return any(name and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text) for name in names)


def close_mentioned_loops(interaction_id: int, data: InteractionInput) -> None:
    """After-log hook: close open loops whose introducer is told about the referral."""
    if not _is_exchange(data) or data.direction == "in":
        return
    loops = list(open_loops_query().where(ReferralLoop.introducer.in_(list(data.contact_ids))))
    if not loops:
        return
    text = f"{data.summary}\n{data.points}".casefold()
    referred = {c.id: c for c in Contact.select().where(Contact.id.in_([loop.contact_id for loop in loops]))}
    for loop in loops:
        if _mentions(text, referred[loop.contact_id]):
            _close(loop, interaction_id)


def _close(loop: ReferralLoop, interaction_id: int | None) -> None:
    loop.closed_by = interaction_id
    loop.closed_at = pendulum.now("UTC")
    loop.save()


def close_loop(loop_id: int, interaction_id: int | None = None) -> None:
    """Close a loop, by the interaction with the introducer that closed it (or none)."""
    with session.writing(kind="done") as change:
        loop = ReferralLoop.get_or_none(ReferralLoop.id == loop_id)
        if loop is None:
            raise NotFound(f"There is no referral loop with id {loop_id}.")
        change.concern([loop.introducer_id, loop.contact_id])
        change.default(f"Closed the loop with {who([loop.introducer_id])} about {who([loop.contact_id])}")
        if interaction_id is not None:
            took_part = (
                InteractionContact.select()
                .where(
                    (InteractionContact.interaction == interaction_id)
                    & (InteractionContact.contact == loop.introducer_id)
                )
                .exists()
            )
            if not took_part:
                raise ValidationError(
                    {"interaction": "Only an interaction with the introducer closes this loop."}
                )
        if loop.closed_at is None:
            _close(loop, interaction_id)
