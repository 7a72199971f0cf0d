"""The agenda's sections, each one query (or two) for its first ``limit`` items and its total.

``core.agenda`` puts them together in one read transaction.
"""

from __future__ import annotations

from datetime import date

from netkeep.core import replies
from netkeep.core.agenda_items import AgendaItem
from netkeep.core.dates import format_date
from netkeep.core.thanks_due import thanks_due
from netkeep.store.models import (
    Commitment,
    Contact,
    Interaction,
    InteractionContact,
    Intro,
    ReferralLoop,
    Reminder,
)


def _follow_up_text(last_contact) -> str:
    if last_contact is None:
        return "keep in touch — no interaction logged yet"
    from netkeep.core.dates import humanize_date

    return f"keep in touch — last contact {humanize_date(last_contact)}"


def _follow_ups(where, limit: int) -> tuple[list[AgendaItem], int]:
    base = Contact.select().where(where & Contact.active())
    total = base.count()
    rows = (
        Contact.select(Contact.id, Contact.full_name, Contact.next_follow_up, Contact.last_contact_at)
        .where(where & Contact.active())
        .order_by(Contact.next_follow_up, Contact.id)
        .limit(limit)
        .tuples()
    )
    items = [
        AgendaItem("follow-up", cid, cid, name, _follow_up_text(last), due) for cid, name, due, last in rows
    ]
    return items, total


def _reminders(where, limit: int) -> tuple[list[AgendaItem], int]:
    query = (
        Reminder.select(Reminder.id, Contact.id, Contact.full_name, Reminder.reason, Reminder.due_on)
        .join(Contact)
        .where(where & Reminder.done_at.is_null() & Contact.active())
    )
    total = query.count()
    items = [
        AgendaItem("reminder", ref, cid, name, reason or "reminder", due)
        for ref, cid, name, reason, due in query.order_by(Reminder.due_on, Reminder.id).limit(limit).tuples()
    ]
    return items, total


def dated_section(contact_where, reminder_where, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    people, people_total = _follow_ups(contact_where, limit)
    dated, dated_total = _reminders(reminder_where, limit)
    merged = sorted(people + dated, key=lambda i: (i.due_on, i.kind != "reminder", i.ref_id))
    return tuple(merged[:limit]), people_total + dated_total


def replies_section(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    owed = replies.owed_query()
    total = owed.count()
    rows = list(owed.order_by(Interaction.occurred_at, Interaction.id).limit(limit))
    first: dict[int, tuple[int, str]] = {}
    if rows:
        for iid, cid, name in (
            InteractionContact.select(InteractionContact.interaction, Contact.id, Contact.full_name)
            .join(Contact)
            .where(InteractionContact.interaction.in_([r.id for r in rows]))
            .order_by(Contact.full_name)
            .tuples()
        ):
            first.setdefault(iid, (cid, name))
    items = []
    for row in rows:
        if row.id not in first:
            continue
        cid, name = first[row.id]
        summary = row.summary.splitlines()[0] if row.summary else row.kind
        items.append(
            AgendaItem("reply", row.id, cid, name, f"{row.kind} — {summary}", row.occurred_at.date())
        )
    return tuple(items), total


def thanks_section(day: date, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    due, total = thanks_due(day, limit=limit)
    items = tuple(
        AgendaItem(
            "thanks",
            t.interaction_id,
            t.contact_id,
            t.contact_name,
            f"thank-you for the {t.kind} on {format_date(t.occurred_at)}"
            + (" (draft written)" if t.has_draft else ""),
            t.due_on,
        )
        for t in due
    )
    return items, total


def commitments_section(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    query = (
        Commitment.select(
            Commitment.id, Contact.id, Contact.full_name, Commitment.owner, Commitment.text, Commitment.due_on
        )
        .join(Contact)
        .where(Commitment.done_at.is_null() & Contact.active())
    )
    total = query.count()
    rows = (
        query.order_by(Commitment.due_on.is_null(), Commitment.due_on, Commitment.owner, Commitment.id)
        .limit(limit)
        .tuples()
    )
    items = tuple(
        AgendaItem(
            "commitment",
            ref,
            cid,
            name,
            ("I promised: " if owner == "me" else "They promised: ") + text,
            due_on,
            owner=owner,
        )
        for ref, cid, name, owner, text, due_on in rows
    )
    return items, total


def loops_section(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    Referral, Introducer = Contact.alias(), Contact.alias()
    query = (
        ReferralLoop.select(
            ReferralLoop.id,
            ReferralLoop.opened_at,
            Referral.id.alias("rid"),
            Referral.full_name.alias("rname"),
            Introducer.id.alias("iid"),
            Introducer.full_name.alias("iname"),
        )
        .join(Referral, on=(ReferralLoop.contact == Referral.id))
        .switch(ReferralLoop)
        .join(Introducer, on=(ReferralLoop.introducer == Introducer.id))
        .where(ReferralLoop.closed_at.is_null())
    )
    total = query.count()
    items = tuple(
        AgendaItem(
            "loop",
            r.id,
            r.iid,
            r.iname,
            f"thank them for the intro to {r.rname} and tell them how it went",
            r.opened_at.date(),
            other_id=r.rid,
            other_name=r.rname,
        )
        for r in query.order_by(ReferralLoop.opened_at, ReferralLoop.id).limit(limit).objects()
    )
    return items, total


def intros_section(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    First, Second = Contact.alias(), Contact.alias()
    query = (
        Intro.select(
            Intro.id,
            Intro.reason,
            Intro.created_at,
            First.id.alias("aid"),
            First.full_name.alias("aname"),
            Second.id.alias("bid"),
            Second.full_name.alias("bname"),
        )
        .join(First, on=(Intro.first == First.id))
        .switch(Intro)
        .join(Second, on=(Intro.second == Second.id))
        .where(Intro.status == "offered")
    )
    total = query.count()
    items = tuple(
        AgendaItem(
            "intro",
            r.id,
            r.aid,
            r.aname,
            f"introduce them to {r.bname}" + (f" — {r.reason}" if r.reason else ""),
            r.created_at.date(),
            other_id=r.bid,
            other_name=r.bname,
        )
        for r in query.order_by(Intro.created_at, Intro.id).limit(limit).objects()
    )
    return items, total
