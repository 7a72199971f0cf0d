"""The timeline: logging interactions and reading them back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pendulum
from peewee import fn

from netkeep.core import chase, loops, replies, session
from netkeep.core.contact_card import who
from netkeep.core.contacts import refresh_follow_up
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.participants import distinct
from netkeep.core.records import INTERACTION_KINDS, InteractionInput, TimelineEntry
from netkeep.core.text import text_problem
from netkeep.store.models import Contact, Interaction, InteractionContact

#: Called inside the logging transaction with the new interaction's id and its input,
#: so follow-up rules can react to it. The built-in rules (owed replies answered,
#: referral loops opened and closed, chases of replies they owe started and ended) are
#: listed here explicitly; their modules never import this one, so there is no import
#: cycle and no registration by side effect.
after_log_hooks: list[Callable[[int, InteractionInput], None]] = [
    replies.settle_owed_replies,
    loops.close_mentioned_loops,
    loops.open_referral_loops,
    chase.follow_chases,
]


def validate_interaction(data: InteractionInput) -> None:
    errors = {}
    if not data.contact_ids:
        errors["contacts"] = "Choose at least one contact."
    else:
        try:
            distinct(data.contact_ids, field="contacts")
        except ValidationError as error:
            errors.update(error.errors)
    if data.kind not in INTERACTION_KINDS:
        errors["kind"] = f"Unknown kind; choose one of {', '.join(INTERACTION_KINDS)}."
    if data.direction not in ("", "in", "out"):
        errors["direction"] = "Direction is 'in', 'out' or empty."
    elif data.awaiting_reply and data.direction == "in":
        errors["awaiting_reply"] = "Awaiting their reply is for something you sent: choose 'out'."
    if len(data.summary) > 100_000:
        errors["summary"] = "The text is too long (at most 100,000 characters)."
    texts = {"summary": data.summary, "points": data.points, "advice": data.advice}
    for name, text in texts.items():
        problem = text_problem(text, multiline=True)
        if problem:
            errors.setdefault(name, problem)
    if problem := text_problem(data.location):
        errors["location"] = problem
    if errors:
        raise ValidationError(errors)


def log_interaction(data: InteractionInput) -> int:
    """Add an interaction to the timeline of each of its contacts (one entry they share) and
    reset each one's follow-up; return its id."""
    validate_interaction(data)
    when = data.occurred_at or pendulum.now("UTC")
    now = pendulum.now("UTC")
    with session.writing(kind="log", contacts=data.contact_ids) as change:
        contacts = list(Contact.select().where(Contact.id.in_(data.contact_ids)))
        if len(contacts) != len(set(data.contact_ids)):
            raise NotFound("One of the contacts of this interaction is not there any more.")
        change.default(f"Logged {_a(data.kind)} with {who(data.contact_ids)}")
        interaction = Interaction.create(
            kind=data.kind,
            direction=data.direction,
            occurred_at=when,
            location=data.location.strip(),
            summary=data.summary.strip(),
            reply_owed=data.reply_owed,
            points=data.points.strip(),
            advice=data.advice.strip(),
            resume_advice=data.resume_advice,
            created_at=now,
        )
        InteractionContact.insert_many(
            [{"interaction": interaction.id, "contact": c.id} for c in contacts]
        ).execute()
        for contact in contacts:
            if contact.last_contact_at is None or when >= contact.last_contact_at:
                contact.last_contact_at = when
            contact.follow_up_manual = False
            refresh_follow_up(contact)
            contact.save()
        for hook in after_log_hooks:
            hook(interaction.id, data)
    return interaction.id


def _entries(query) -> list[TimelineEntry]:
    rows = list(query)
    if not rows:
        return []
    people: dict[int, list[tuple[int, str]]] = {}
    ids = [row.id for row in rows]
    for iid, cid, name in (
        InteractionContact.select(InteractionContact.interaction, Contact.id, Contact.full_name)
        .join(Contact)
        .where(InteractionContact.interaction.in_(ids))
        .tuples()
    ):
        people.setdefault(iid, []).append((cid, name))
    return [
        TimelineEntry(
            id=row.id,
            kind=row.kind,
            direction=row.direction,
            occurred_at=row.occurred_at,
            location=row.location,
            summary=row.summary,
            reply_owed=row.reply_owed,
            replied=row.replied_by_id is not None,
            contacts=tuple(people.get(row.id, ())),
            points=row.points,
            advice=row.advice,
            resume_advice=row.resume_advice,
        )
        for row in rows
    ]


def timeline_for(contact_id: int, *, limit: int = 200) -> list[TimelineEntry]:
    """A contact's interactions, newest first."""
    query = (
        Interaction.select()
        .join(InteractionContact)
        .where(InteractionContact.contact == contact_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return _entries(query)


def network_timeline(
    *, before: datetime | None = None, before_id: int | None = None, limit: int = 100
) -> list[TimelineEntry]:
    """Everyone's interactions, newest first.

    Page with ``before`` (and ``before_id``): the entries after the last one shown, which was
    at ``before`` with id ``before_id`` — so entries sharing a moment are never skipped.
    """
    query = Interaction.select().order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    if before is not None and before_id is not None:
        query = query.where(
            (Interaction.occurred_at < before)
            | ((Interaction.occurred_at == before) & (Interaction.id < before_id))
        )
    elif before is not None:
        query = query.where(Interaction.occurred_at < before)
    return _entries(query.limit(limit))


def get_interaction(interaction_id: int) -> TimelineEntry:
    entries = _entries(Interaction.select().where(Interaction.id == interaction_id))
    if not entries:
        raise NotFound(f"There is no interaction with id {interaction_id}.")
    return entries[0]


def weekly_activity(weeks: int = 52, *, now: datetime | None = None) -> list[int]:
    """Interactions per week for the last ``weeks`` weeks, oldest first (this week last)."""
    now = now or pendulum.now("UTC")
    this_monday = pendulum.instance(now).start_of("week")
    start = this_monday - timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    day = fn.DATE(Interaction.occurred_at).coerce(False)  # a date string, not a timestamp
    query = (
        Interaction.select(day, fn.COUNT(Interaction.id))
        .where(Interaction.occurred_at >= start)
        .group_by(day)
        .tuples()
    )
    for text, count in query:
        index = (datetime.fromisoformat(text).date() - start.date()).days // 7
        if 0 <= index < weeks:
            counts[index] += count
    return counts


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def delete_interaction(interaction_id: int) -> None:
    with session.writing("Deleted an entry from the timeline", kind="delete-entry"):
        Interaction.delete().where(Interaction.id == interaction_id).execute()
