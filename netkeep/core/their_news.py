"""Their news: a contact's new job, move, graduation or new search, recorded from the log form.

Recording it updates their card in the same change (a new job keeps the old employer as
past in their employment history; a move sets their location; a graduation adds a line to
their notes; a new search marks them as job-searching), and Today suggests a word about it —
a congratulation or a check-in, with a short note to start from — for
:data:`RECENT_DAYS` days, until it is done or snoozed.
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum

from netkeep.core import interactions, session
from netkeep.core.agenda_items import AgendaItem
from netkeep.core.contact_card import get_card
from netkeep.core.contacts import update_contact
from netkeep.core.dates import format_date
from netkeep.core.errors import NetkeepError, NotFound, ValidationError
from netkeep.core.records import InteractionInput, updated
from netkeep.core.schedule import upcoming_date
from netkeep.core.text import text_problem
from netkeep.store.models import Contact, ContactNews, Employment

#: The kinds of news, with how the log form names them.
KINDS = {
    "job": "a new job",
    "move": "a move",
    "graduation": "a graduation",
    "search": "a new job search",
}
#: What the details field holds for each kind.
DETAIL_HINTS = {
    "job": "their new title at the company: 'Staff Engineer at Stripe', or just 'Stripe'",
    "move": "where they live now: 'Lisbon'",
    "graduation": "what and where, if you know: 'MBA, INSEAD'",
    "search": "what they are looking for, if you know",
}
#: How long Today keeps suggesting a word about their news.
RECENT_DAYS = 30
DETAIL_MAX = 300


def read_job(detail: str) -> tuple[str, str]:
    """``"Staff Engineer at Stripe"`` → ``("Staff Engineer", "Stripe")``; ``"Stripe"`` →
    ``("", "Stripe")``."""
    text = " ".join(detail.split())
    for separator in (" @ ", "@", " at "):
        title, found, company = text.rpartition(separator)
        if found and company.strip():
            return title.strip(), company.strip()
    return "", text


def check_news(kind: str, detail: str) -> None:
    """:class:`ValidationError` on ``news`` for a kind netkeep does not know, on ``news_detail``
    for details that are missing (a new job's company, a move's place) or not text."""
    if kind not in KINDS:
        raise ValidationError({"news": f"Their news is one of: {', '.join(KINDS)}."})
    detail = detail.strip()
    problem = text_problem(detail)
    if not problem and len(detail) > DETAIL_MAX:
        problem = f"At most {DETAIL_MAX} characters."
    if not problem and kind == "job" and not read_job(detail)[1]:
        problem = "Where is the new job? Type the company ('Staff Engineer at Stripe')."
    if not problem and kind == "move" and not detail:
        problem = "Where did they move to?"
    if problem:
        raise ValidationError({"news_detail": problem})


def record_news(contact_id: int, kind: str, detail: str = "", *, interaction_id: int | None = None) -> int:
    """Note their news, update their card to match, in one change; return the news' id."""
    check_news(kind, detail)
    detail = " ".join(detail.split())
    today = pendulum.today().date()
    with session.writing(kind="news", contacts=[contact_id]) as change:
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFound(f"There is no contact with id {contact_id}.")
        if contact.archived:
            raise NetkeepError(f"{contact.full_name} is archived: bring them back before noting their news.")
        change.default(f"Noted {KINDS[kind]} for {contact.full_name}")
        card = get_card(contact_id).to_input()
        if kind == "job":
            title, company = read_job(detail)
            _keep_past_employer(contact, today)
            update_contact(contact_id, updated(card, {"company": company, "title": title or card.title}))
        elif kind == "move":
            update_contact(contact_id, updated(card, {"location": detail}))
        elif kind == "graduation":
            line = f"Graduated{f': {detail}' if detail else ''} ({format_date(today)})"
            notes = f"{card.notes.rstrip()}\n{line}" if card.notes.strip() else line
            update_contact(contact_id, updated(card, {"notes": notes}))
        else:
            update_contact(contact_id, updated(card, {"job_search": True}))
        news = ContactNews.create(
            contact=contact_id,
            interaction=interaction_id,
            kind=kind,
            detail=detail,
            noted_on=today,
            created_at=pendulum.now("UTC"),
        )
    return news.id


def _keep_past_employer(contact: Contact, today: date) -> None:
    """A card with a company but no current employment row (an older import) gets one, so
    the change of job keeps the old employer as past."""
    if contact.company_id is None:
        return
    current = Employment.select().where((Employment.contact == contact.id) & Employment.ended_on.is_null())
    if not current.exists():
        Employment.create(contact=contact.id, company=contact.company_id, title=contact.title)


def log_with_news(data: InteractionInput, kind: str, detail: str) -> int:
    """Log ``data`` and note the first person's news with it, in one change; return the log's id."""
    check_news(kind, detail)
    with session.writing(kind="log", contacts=data.contact_ids):
        logged = interactions.log_interaction(data)
        record_news(data.contact_ids[0], kind, detail, interaction_id=logged)
    return logged


# -- Today -------------------------------------------------------------------------------


def news_section(day: date, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    """Their news of the last :data:`RECENT_DAYS` days not yet done (or snoozed past ``day``)."""
    query = (
        ContactNews.select(
            ContactNews.id,
            ContactNews.kind,
            ContactNews.detail,
            ContactNews.noted_on,
            Contact.id.alias("cid"),
            Contact.full_name,
            Contact.given_name,
        )
        .join(Contact)
        .where(
            ContactNews.done_at.is_null()
            & (ContactNews.noted_on > day - timedelta(days=RECENT_DAYS))
            & (ContactNews.snoozed_until.is_null() | (ContactNews.snoozed_until <= day))
            & Contact.active()
        )
    )
    total = query.count()
    rows = query.order_by(ContactNews.noted_on.desc(), ContactNews.id.desc()).limit(limit).objects()
    items = tuple(
        AgendaItem(
            "news",
            row.id,
            row.cid,
            row.full_name,
            _headline(row.kind, row.detail),
            row.noted_on,
            note=suggested_note(row.kind, row.detail, row.given_name or row.full_name.split(" ")[0]),
        )
        for row in rows
    )
    return items, total


def _headline(kind: str, detail: str) -> str:
    what = {"job": "new job", "move": "moved", "graduation": "graduated", "search": "looking for a new role"}
    action = "check in" if kind == "search" else "congratulate them"
    return f"{what[kind]}{f': {detail}' if detail else ''} — {action}"


def suggested_note(kind: str, detail: str, first_name: str) -> str:
    """A short note to start from: a congratulation, or for a new search a check-in."""
    if kind == "job":
        title, company = read_job(detail)
        role = f" as {title}" if title else ""
        return f"Congratulations on the new role{role} at {company}, {first_name}! How are the first weeks?"
    if kind == "move":
        return f"I heard you moved to {detail}, {first_name}. How are you settling in?"
    if kind == "graduation":
        return f"Congratulations on graduating{f' ({detail})' if detail else ''}, {first_name}! What's next?"
    return f"I heard you're looking for your next role, {first_name}. How can I help?"


def _news(news_id: int) -> ContactNews:
    news = ContactNews.get_or_none(ContactNews.id == news_id)
    if news is None:
        raise NotFound(f"There is no news with id {news_id}.")
    return news


def complete_news(news_id: int) -> None:
    """Their news is done: off Today (the word was said, or it needs none)."""
    with session.writing("Done: their news", kind="done") as change:
        news = _news(news_id)
        change.concern([news.contact_id])
        if news.done_at is None:
            news.done_at = pendulum.now("UTC")
            news.save()


def snooze_news(news_id: int, until: str | date) -> date:
    """Suggest a word about their news again from ``until`` (a date or what a person typed)."""
    day = upcoming_date(until, field="until")
    with session.writing("Snoozed their news", kind="snooze") as change:
        news = _news(news_id)
        change.concern([news.contact_id])
        news.snoozed_until = day
        news.save()
    return day
