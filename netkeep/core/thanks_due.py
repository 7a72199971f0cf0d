"""Thank-yous due after meetings: the one query for the rule (the agenda's "Thank-yous due").

A meeting (a conversation kind) from the last ``THANK_YOU_WINDOW_DAYS`` days up to
today is due for each of its people whose draft is not marked sent and with whom no
"thank-you" was logged since it happened: a meeting with two people is two thank-yous.

Counting stops at :data:`COUNT_CAP`: no one has a thousand thank-you notes to write,
and a history full of recent meetings (the 30,000-contact demo) would otherwise make
every agenda read slow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pendulum
from peewee import JOIN, fn

from netkeep.core.dates import local_tz
from netkeep.core.records import MEETING_KINDS
from netkeep.store.models import Contact, Interaction, InteractionContact, ThankYouDraft

#: How many days back the agenda looks for meetings still waiting for a thank-you.
THANK_YOU_WINDOW_DAYS = 14
COUNT_CAP = 1000


@dataclass(frozen=True)
class ThankYouDue:
    """A meeting still waiting for its thank-you note to one of its people (an agenda item)."""

    interaction_id: int
    contact_id: int
    contact_name: str
    kind: str
    occurred_at: datetime
    due_on: date
    overdue: bool
    has_draft: bool


def _query(day: date):
    tz = local_tz()
    midnight = pendulum.datetime(day.year, day.month, day.day, tz=tz)
    start, end = midnight - timedelta(days=THANK_YOU_WINDOW_DAYS), midnight.add(days=1)
    Thanks, ThanksLink = Interaction.alias("thanks"), InteractionContact.alias("thanks_link")
    thanked = (
        ThanksLink.select(ThanksLink.interaction)
        .join(Thanks, on=(ThanksLink.interaction == Thanks.id))
        .where(
            (ThanksLink.contact == InteractionContact.contact)
            & (Thanks.kind == "thank-you")
            & (Thanks.occurred_at >= Interaction.occurred_at)
        )
    )
    return (
        Interaction.select(
            Interaction.id,
            Interaction.kind,
            Interaction.occurred_at,
            Contact.id.alias("contact_id"),
            Contact.full_name,
            ThankYouDraft.status,
        )
        .join(InteractionContact, on=(InteractionContact.interaction == Interaction.id))
        .join(Contact, on=(InteractionContact.contact == Contact.id))
        .switch(Interaction)
        .join(
            ThankYouDraft,
            JOIN.LEFT_OUTER,
            on=(
                (ThankYouDraft.interaction == Interaction.id)
                & (ThankYouDraft.contact == InteractionContact.contact)
            ),
        )
        .where(
            Interaction.kind.in_(MEETING_KINDS)
            & (Interaction.occurred_at >= start)
            & (Interaction.occurred_at < end)
            & (ThankYouDraft.status.is_null() | (ThankYouDraft.status != "sent"))
            & ~fn.EXISTS(thanked)
        )
    )


def thanks_due(day: date, *, limit: int | None) -> tuple[list[ThankYouDue], int]:
    """The first ``limit`` (None: all) thank-yous (a meeting and one of its people) waiting on
    ``day``, oldest first, and how many (at most :data:`COUNT_CAP`).

    A thank-you is due the day after the meeting; a meeting counts as thanked when its
    draft is marked sent, or when a "thank-you" was logged with that contact since.
    """
    query = _query(day)
    total = query.limit(COUNT_CAP).count()
    tz = local_tz()
    items = []
    for row in query.order_by(Interaction.occurred_at, Interaction.id, Contact.id).limit(limit).objects():
        due_on = row.occurred_at.in_timezone(tz).date() + timedelta(days=1)
        items.append(
            ThankYouDue(
                row.id,
                row.contact_id,
                row.full_name,
                row.kind,
                row.occurred_at,
                due_on,
                day > due_on,
                row.status == "draft",
            )
        )
    return items, total
