"""The agenda (the Today view and ``netkeep due``): everything that needs me now.

Sections: overdue, due today and the coming seven days (contacts' next follow-ups and
reminders), owed replies, thank-yous due after meetings (``core.thanks_due``), open
commitments, referral loops to close, intros owed.
Each section shows at most ``limit`` items; :class:`AgendaCounts` has the full totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pendulum

from netkeep.core import commitments, intros, keep_in_touch, loops, reminders, replies, session
from netkeep.core.dates import format_date
from netkeep.core.errors import NetkeepError
from netkeep.core.interactions import log_interaction
from netkeep.core.records import InteractionInput
from netkeep.core.thanks_due import COUNT_CAP as THANKS_COUNT_CAP
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

WEEK_DAYS = 7
#: Kinds whose date can be moved.
SNOOZABLE = ("follow-up", "reminder", "commitment")


@dataclass(frozen=True)
class AgendaItem:
    """One thing to do.

    ``kind`` is ``follow-up``, ``reminder``, ``reply``, ``thanks``, ``commitment``, ``loop``
    or ``intro``; ``ref_id`` is that record's id (a follow-up's is the contact's).
    ``contact_id`` is the person to get in touch with (for a loop: the introducer;
    ``other_*`` is the referral). For an intro, ``other_*`` is the second person.
    """

    kind: str
    ref_id: int
    contact_id: int
    contact_name: str
    text: str
    due_on: date | None = None
    other_id: int | None = None
    other_name: str = ""
    owner: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.ref_id}"


@dataclass(frozen=True)
class AgendaCounts:
    overdue: int = 0
    today: int = 0
    this_week: int = 0
    replies: int = 0
    commitments: int = 0
    loops: int = 0
    intros: int = 0
    thanks: int = 0

    @property
    def due(self) -> int:
        """Overdue plus due today."""
        return self.overdue + self.today

    @property
    def total(self) -> int:
        return (
            self.due
            + self.this_week
            + self.replies
            + self.thanks
            + self.commitments
            + self.loops
            + self.intros
        )


@dataclass(frozen=True)
class Agenda:
    day: date
    overdue: tuple[AgendaItem, ...] = ()
    today: tuple[AgendaItem, ...] = ()
    this_week: tuple[AgendaItem, ...] = ()
    replies: tuple[AgendaItem, ...] = ()
    commitments: tuple[AgendaItem, ...] = ()
    loops: tuple[AgendaItem, ...] = ()
    intros: tuple[AgendaItem, ...] = ()
    thanks: tuple[AgendaItem, ...] = ()
    counts: AgendaCounts = field(default_factory=AgendaCounts)

    #: (attribute, heading) in display order.
    SECTIONS = (
        ("overdue", "Overdue"),
        ("today", "Due today"),
        ("this_week", "This week"),
        ("replies", "Replies owed"),
        ("thanks", "Thank-yous due"),
        ("commitments", "Commitments"),
        ("loops", "Loops to close"),
        ("intros", "Intros owed"),
    )

    def sections(self) -> list[tuple[str, str, tuple[AgendaItem, ...], int]]:
        """``(attribute, heading, items, total)`` for each section, in order."""
        return [
            (name, heading, getattr(self, name), getattr(self.counts, name))
            for name, heading in self.SECTIONS
        ]

    @property
    def empty(self) -> bool:
        return self.counts.total == 0


def total_text(section: str, total: int, shown: int = 0) -> str:
    """How many (beyond the ``shown`` ones) as text: ``12``, or ``1000+`` for a capped count."""
    capped = section == "thanks" and total >= THANKS_COUNT_CAP
    return f"{total - shown}{'+' if capped else ''}"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def header_text(counts: AgendaCounts) -> str:
    """``Today: 3 due · 1 reply owed · 1 loop to close`` (only the non-zero parts)."""
    parts = []
    if counts.due:
        parts.append(f"{counts.due} due")
    if counts.replies:
        parts.append(f"{_plural(counts.replies, 'reply', 'replies')} owed")
    if counts.thanks:
        more = "+" if counts.thanks >= THANKS_COUNT_CAP else ""
        parts.append(f"{counts.thanks}{more} thank-you{'' if counts.thanks == 1 else 's'} due")
    if counts.commitments:
        parts.append(_plural(counts.commitments, "commitment"))
    if counts.loops:
        parts.append(f"{_plural(counts.loops, 'loop')} to close")
    if counts.intros:
        parts.append(f"{_plural(counts.intros, 'intro')} owed")
    return "Today: " + (" · ".join(parts) if parts else "nothing due")


def when_text(item: AgendaItem, day: date) -> str:
    """How the item's date reads next to it: ``due 3 days ago``, ``in 2 days``, ``since …``."""
    from netkeep.core.dates import humanize_date

    if item.due_on is None or (item.due_on == day and item.kind not in ("reply", "loop", "intro")):
        return ""
    if item.kind in ("reply", "loop", "intro"):
        return f"since {humanize_date(item.due_on, base=day)}"
    if item.due_on < day:
        return f"due {humanize_date(item.due_on, base=day)}"
    return humanize_date(item.due_on, base=day)


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


def _dated(contact_where, reminder_where, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    people, people_total = _follow_ups(contact_where, limit)
    dated, dated_total = _reminders(reminder_where, limit)
    merged = sorted(people + dated, key=lambda i: (i.due_on, i.kind != "reminder", i.ref_id))
    return tuple(merged[:limit]), people_total + dated_total


def _owed_replies(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
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


def _thanks(day: date, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
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


def _commitments(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
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


def _loops(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
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


def _intros(limit: int) -> tuple[tuple[AgendaItem, ...], int]:
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


def agenda(*, limit: int = 100, day: date | None = None) -> Agenda:
    """Today's agenda (``day`` defaults to today), at most ``limit`` items per section."""
    day = day or pendulum.today().date()
    week_end = day + timedelta(days=WEEK_DAYS)
    follow, due = Contact.next_follow_up, Reminder.due_on
    with session.snapshot():  # sections and counts agree
        overdue, n_overdue = _dated(follow < day, due < day, limit)
        today, n_today = _dated(follow == day, due == day, limit)
        week, n_week = _dated((follow > day) & (follow <= week_end), (due > day) & (due <= week_end), limit)
        owed, n_owed = _owed_replies(limit)
        promised, n_promised = _commitments(limit)
        open_loops, n_loops = _loops(limit)
        offered, n_intros = _intros(limit)
        thanks, n_thanks = _thanks(day, limit)
    counts = AgendaCounts(n_overdue, n_today, n_week, n_owed, n_promised, n_loops, n_intros, n_thanks)
    return Agenda(day, overdue, today, week, owed, promised, open_loops, offered, thanks, counts)


def default_kind(item: AgendaItem) -> str:
    """The interaction kind a log from this item most likely is."""
    return {"loop": "thank-you", "thanks": "thank-you", "intro": "intro"}.get(item.kind, "message")


def log_input(
    item: AgendaItem, summary: str, *, kind: str | None = None, when=None, direction: str = "out"
) -> InteractionInput:
    """The interaction to log for an item: with its contact (both people for an intro)."""
    people = (item.contact_id, item.other_id) if item.kind == "intro" else (item.contact_id,)
    return InteractionInput(
        contact_ids=people,
        kind=kind or default_kind(item),
        summary=summary,
        occurred_at=when,
        direction=direction,
    )


def snooze(item: AgendaItem, until) -> date:
    """Move an item to a later day (``"tomorrow"``, ``"in 1 week"``, ``"4 Mar"`` or a date)."""
    if item.kind == "follow-up":
        return keep_in_touch.snooze_follow_up(item.ref_id, until)
    if item.kind == "reminder":
        return reminders.snooze_reminder(item.ref_id, until)
    if item.kind == "commitment":
        return commitments.snooze_commitment(item.ref_id, until)
    raise NetkeepError("Only follow-ups, reminders and commitments can be snoozed.")


def complete(item: AgendaItem, log: InteractionInput | None = None) -> int | None:
    """Mark an item done, logging ``log`` in the same transaction; return the logged id.

    Follow-up: logging resets the cadence; without a log the next follow-up is one
    cadence from today. Reply: a log that is not itself a reply still answers it;
    without a log it is dismissed. Thank-you: the log is the thank-you; without one,
    the meeting's draft is marked sent (or a plain "thank-you sent" is logged). Loop:
    closed by the log (which must include the introducer). Intro: made.
    """
    with session.writing():
        logged = log_interaction(log) if log is not None else None
        if item.kind == "follow-up":
            if logged is None:
                keep_in_touch.complete_follow_up(item.ref_id)
        elif item.kind == "reminder":
            reminders.complete_reminder(item.ref_id)
        elif item.kind == "reply":
            if logged is None:
                replies.dismiss_owed_reply(item.ref_id)
            else:
                (
                    Interaction.update(replied_by=logged)
                    .where((Interaction.id == item.ref_id) & Interaction.replied_by.is_null())
                    .execute()
                )
        elif item.kind == "thanks":
            if logged is None:
                logged = _send_thanks(item)
        elif item.kind == "commitment":
            commitments.complete_commitment(item.ref_id)
        elif item.kind == "loop":
            loops.close_loop(item.ref_id, logged)
        elif item.kind == "intro":
            intros.make_intro(item.ref_id)
        else:
            raise NetkeepError(f"Unknown agenda item kind {item.kind!r}.")
    return logged


def _send_thanks(item: AgendaItem) -> int:
    # Imported here: letters (with email and meetings) costs ~15 ms before the app's first frame.
    from netkeep.core import letters

    if letters.get_draft(item.ref_id) is not None:
        return letters.mark_sent(item.ref_id)
    return log_interaction(
        InteractionInput(
            contact_ids=(item.contact_id,), kind="thank-you", direction="out", summary="Thank-you sent"
        )
    )


@dataclass(frozen=True)
class LogEffects:
    """What logging an interaction did to the agenda."""

    replies_answered: int = 0
    loops_closed: tuple[tuple[str, str], ...] = ()  # (introducer, referral)
    loops_opened: tuple[tuple[str, str], ...] = ()


def effects_of(interaction_id: int) -> LogEffects:
    """The owed replies it answered and the referral loops it closed or opened."""
    answered = Interaction.select().where(Interaction.replied_by == interaction_id).count()
    Referral, Introducer = Contact.alias(), Contact.alias()

    def described(column) -> tuple[tuple[str, str], ...]:
        query = (
            ReferralLoop.select(Introducer.full_name, Referral.full_name)
            .join(Referral, on=(ReferralLoop.contact == Referral.id))
            .switch(ReferralLoop)
            .join(Introducer, on=(ReferralLoop.introducer == Introducer.id))
            .where(column == interaction_id)
            .tuples()
        )
        return tuple(query)

    return LogEffects(answered, described(ReferralLoop.closed_by), described(ReferralLoop.opened_by))
