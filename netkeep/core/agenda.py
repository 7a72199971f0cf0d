"""The agenda (the Today view and ``netkeep due``): everything that needs me now.

Sections: overdue, due today and the coming seven days (contacts' next follow-ups and
reminders), owed replies, replies they owe to chase (``core.chase``), thank-yous due after
meetings (``core.thanks_due``), their news (``core.their_news``), open commitments,
referral loops to close, intros owed.
Each section shows at most ``limit`` items; :class:`AgendaCounts` has the full totals.
The items and counts are in ``core.agenda_items``, the section queries in
``core.agenda_sections``; this module puts them together and acts on an item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pendulum

from netkeep.core import (
    chase,
    commitments,
    intros,
    keep_in_touch,
    loops,
    reminders,
    replies,
    session,
    their_news,
)
from netkeep.core.agenda_items import Agenda, AgendaCounts, AgendaItem
from netkeep.core.agenda_sections import (
    commitments_section,
    dated_section,
    intros_section,
    loops_section,
    replies_section,
    thanks_section,
)
from netkeep.core.errors import NetkeepError
from netkeep.core.interactions import log_interaction
from netkeep.core.records import InteractionInput
from netkeep.core.thanks_due import COUNT_CAP as THANKS_COUNT_CAP
from netkeep.store.models import Contact, Interaction, ReferralLoop, Reminder

__all__ = [
    "SNOOZABLE",
    "WEEK_DAYS",
    "Agenda",
    "AgendaCounts",
    "AgendaItem",
    "LogEffects",
    "agenda",
    "complete",
    "default_kind",
    "effects_of",
    "header_text",
    "log_input",
    "snooze",
    "total_text",
    "when_text",
]

WEEK_DAYS = 7
#: Kinds whose date can be moved.
SNOOZABLE = ("follow-up", "reminder", "commitment", "news", "chase", "chase-other")
#: Kinds dated by when they began rather than when they are due.
SINCE = ("reply", "loop", "intro", "news")


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
    if counts.chase:
        parts.append(f"{counts.chase} to chase")
    if counts.thanks:
        more = "+" if counts.thanks >= THANKS_COUNT_CAP else ""
        parts.append(f"{counts.thanks}{more} thank-you{'' if counts.thanks == 1 else 's'} due")
    if counts.news:
        parts.append(f"news from {counts.news}")
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

    if item.due_on is None or (item.due_on == day and item.kind not in SINCE):
        return ""
    if item.kind in SINCE:
        return f"since {humanize_date(item.due_on, base=day)}"
    if item.due_on < day:
        return f"due {humanize_date(item.due_on, base=day)}"
    return humanize_date(item.due_on, base=day)


def agenda(*, limit: int = 100, day: date | None = None) -> Agenda:
    """Today's agenda (``day`` defaults to today), at most ``limit`` items per section."""
    day = day or pendulum.today().date()
    week_end = day + timedelta(days=WEEK_DAYS)
    follow, due = Contact.next_follow_up, Reminder.due_on
    with session.snapshot():  # sections and counts agree
        overdue, n_overdue = dated_section(follow < day, due < day, limit)
        today, n_today = dated_section(follow == day, due == day, limit)
        week, n_week = dated_section(
            (follow > day) & (follow <= week_end), (due > day) & (due <= week_end), limit
        )
        owed, n_owed = replies_section(limit)
        promised, n_promised = commitments_section(limit)
        open_loops, n_loops = loops_section(limit)
        offered, n_intros = intros_section(limit)
        thanks, n_thanks = thanks_section(day, limit)
        news, n_news = their_news.news_section(day, limit)
        chased, n_chased = chase.chase_section(day, limit)
    counts = AgendaCounts(
        n_overdue, n_today, n_week, n_owed, n_promised, n_loops, n_intros, n_thanks, n_news, n_chased
    )
    return Agenda(
        day, overdue, today, week, owed, promised, open_loops, offered, thanks, counts, news, chased
    )


def default_kind(item: AgendaItem) -> str:
    """The interaction kind a log from this item most likely is."""
    return {"loop": "thank-you", "thanks": "thank-you", "intro": "intro"}.get(item.kind, "message")


def log_input(
    item: AgendaItem, summary: str, *, kind: str | None = None, when=None, direction: str = "out"
) -> InteractionInput:
    """The interaction to log for an item: with its contact (both people for an intro)."""
    people: tuple[int, ...] = (item.contact_id,)
    if item.kind == "intro":
        assert item.other_id is not None  # an intro always names the second person
        people = (item.contact_id, item.other_id)
    return InteractionInput(
        contact_ids=people,
        kind=kind or default_kind(item),
        summary=summary,
        occurred_at=when,
        direction=direction,
    )


def snooze(item: AgendaItem, until) -> date:
    """Move an item to a later day (``"tomorrow"``, ``"in 1 week"``, ``"4 Mar"`` or a date)."""
    with session.writing(f"Snoozed {_what(item)}", kind="snooze", contacts=[item.contact_id]):
        return _snooze(item, until)


def _snooze(item: AgendaItem, until) -> date:
    if item.kind == "follow-up":
        return keep_in_touch.snooze_follow_up(item.ref_id, until)
    if item.kind == "reminder":
        return reminders.snooze_reminder(item.ref_id, until)
    if item.kind == "commitment":
        return commitments.snooze_commitment(item.ref_id, until)
    if item.kind == "news":
        return their_news.snooze_news(item.ref_id, until)
    if item.kind in ("chase", "chase-other"):
        return chase.snooze_chase(item.ref_id, until)
    raise NetkeepError("Only follow-ups, reminders, commitments, their news and chases can be snoozed.")


def complete(item: AgendaItem, log: InteractionInput | None = None) -> int | None:
    """Mark an item done, logging ``log`` in the same transaction; return the logged id.

    Follow-up: logging resets the cadence; without a log the next follow-up is one
    cadence from today. Reply: a log that is not itself a reply still answers it;
    without a log it is dismissed. Thank-you: the log is the thank-you; without one,
    the meeting's draft is marked sent (or a plain "thank-you sent" is logged). Loop:
    closed by the log (which must include the introducer). Intro: made. Their news: done.
    Chase: ended (a log with them ends it too); someone else there: that step done.
    """
    people = [item.contact_id, *([item.other_id] if item.other_id else [])]
    with session.writing(f"Done: {_what(item)}", kind="done", contacts=people):
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
        elif item.kind == "news":
            their_news.complete_news(item.ref_id)
        elif item.kind == "chase":
            chase.end_chase(item.ref_id)
        elif item.kind == "chase-other":
            chase.reached_other(item.ref_id)
        else:
            raise NetkeepError(f"Unknown agenda item kind {item.kind!r}.")
    return logged


def _what(item: AgendaItem) -> str:
    """``the follow-up with Ana Silva``: an agenda item in a change's summary."""
    noun = {
        "follow-up": "follow-up with",
        "reminder": "reminder about",
        "reply": "reply to",
        "thanks": "thank-you to",
        "commitment": "promise to",
        "loop": "loop with",
        "intro": "intro of",
        "news": "news of",
        "chase": "follow-up to",
        "chase-other": "outreach to",
    }.get(item.kind, "item for")
    other = f" and {item.other_name}" if item.kind == "intro" and item.other_name else ""
    return f"the {noun} {item.contact_name}{other}"


def _send_thanks(item: AgendaItem) -> int:
    # Imported here: letters (with email and meetings) costs ~15 ms before the app's first frame.
    from netkeep.core import letters

    if letters.get_draft(item.ref_id, item.contact_id) is not None:
        return letters.mark_sent(item.ref_id, item.contact_id)
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
