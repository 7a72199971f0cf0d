"""Replies they owe me, chased by a rule (the 3B7 routine of *The 2-Hour Job Search*).

An outreach logged as "awaiting reply" starts a chase with each of its people. When they
have not answered after :data:`OTHER_PERSON_DAYS` business days, Today suggests reaching
someone else at their employer (naming one when I know someone there; nothing to suggest
when they have no company); after :data:`FOLLOW_UP_DAYS` business days, a polite follow-up
to them. Any interaction logged with them afterwards ends it. Both counts can be set in
``config.toml``::

    [chase]
    other-person = 3
    follow-up = 7
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import pendulum
from peewee import JOIN

from netkeep.core import session
from netkeep.core.agenda_items import AgendaItem
from netkeep.core.config import load_config
from netkeep.core.dates import local_tz
from netkeep.core.errors import NotFound
from netkeep.core.records import InteractionInput
from netkeep.core.schedule import upcoming_date
from netkeep.store.models import Chase, Company, Contact, Interaction

OTHER_PERSON_DAYS = 3
FOLLOW_UP_DAYS = 7
MAX_DAYS = 60
_KEYS = {"other-person": OTHER_PERSON_DAYS, "follow-up": FOLLOW_UP_DAYS}


def chase_days(section: dict | None = None) -> tuple[tuple[int, int], tuple[str, ...]]:
    """(other person, follow-up) in business days from ``[chase]`` of the config file, and a
    message for each entry that could not be used (its default is kept)."""
    if section is None:
        section = load_config().section("chase")
    days = dict(_KEYS)
    problems = []
    for key, value in section.items():
        if key not in _KEYS:
            problems.append(f"[chase] {key}: unknown key (use other-person or follow-up)")
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
            problems.append(
                f"[chase] {key}: {value!r} is not a number of business days from 1 to {MAX_DAYS};"
                f" using {_KEYS[key]}"
            )
        else:
            days[key] = value
    return (days["other-person"], days["follow-up"]), tuple(problems)


def add_business_days(day: date, count: int) -> date:
    """The business day ``count`` business days after ``day`` (Saturdays and Sundays skipped)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def latest_start(day: date, count: int) -> date:
    """The last day a chase may have started for its ``count`` business days to be up by ``day``."""
    start = day - timedelta(days=count + 2 * (count // 5 + 1))
    while add_business_days(start + timedelta(days=1), count) <= day:
        start += timedelta(days=1)
    return start


# -- starting and ending: an after-log hook ------------------------------------------------


def follow_chases(interaction_id: int, data: InteractionInput) -> None:
    """After-log hook: anything logged with someone ends the chases of earlier outreach to
    them; an outreach awaiting a reply starts one with each of its people."""
    logged = Interaction.get_by_id(interaction_id)
    earlier = Interaction.select(Interaction.id).where(
        (Interaction.occurred_at <= logged.occurred_at) & (Interaction.id != interaction_id)
    )
    (
        Chase.update(ended_at=pendulum.now("UTC"), ended_by=interaction_id)
        .where(
            Chase.contact.in_(list(data.contact_ids))
            & Chase.ended_at.is_null()
            & Chase.interaction.in_(earlier)
        )
        .execute()
    )
    if data.awaiting_reply:
        started = pendulum.instance(logged.occurred_at).in_timezone(local_tz()).date()
        now = pendulum.now("UTC")
        Chase.insert_many(
            [
                {
                    "interaction": interaction_id,
                    "contact": contact_id,
                    "started_on": started,
                    "created_at": now,
                }
                for contact_id in data.contact_ids
            ]
        ).execute()


def _open(chase_id: int) -> Chase:
    chase = Chase.get_or_none(Chase.id == chase_id)
    if chase is None:
        raise NotFound(f"There is no reply being chased with id {chase_id}.")
    return chase


def reached_other(chase_id: int) -> None:
    """The "someone else there" step is done (the chase of the first person goes on)."""
    with session.writing("Done: reached someone else there", kind="done") as change:
        chase = _open(chase_id)
        change.concern([chase.contact_id])
        if chase.other_done_at is None:
            chase.other_done_at = pendulum.now("UTC")
            chase.save()


def end_chase(chase_id: int) -> None:
    """Stop chasing (followed up outside netkeep, or no longer waiting)."""
    with session.writing("Stopped chasing a reply", kind="done") as change:
        chase = _open(chase_id)
        change.concern([chase.contact_id])
        if chase.ended_at is None:
            chase.ended_at = pendulum.now("UTC")
            chase.save()


def snooze_chase(chase_id: int, until: str | date) -> date:
    """Show this chase's steps again from ``until``."""
    day = upcoming_date(until, field="until")
    with session.writing("Snoozed a chase", kind="snooze") as change:
        chase = _open(chase_id)
        change.concern([chase.contact_id])
        chase.snoozed_until = day
        chase.save()
    return day


# -- Today ---------------------------------------------------------------------------------


def chase_section(day: date, limit: int) -> tuple[tuple[AgendaItem, ...], int]:
    """What to chase on ``day``: someone else at their employer after the first count of
    business days, a follow-up to them after the second; first ``limit`` items and the total.

    The open chases are read first, alone (there are few; most days none), and their people
    only when there are some: Today pays one small query for the section.
    """
    (other_days, follow_days), _ = chase_days()
    other_by, follow_by = latest_start(day, other_days), latest_start(day, follow_days)
    chases = list(
        Chase.select(Chase.id, Chase.interaction, Chase.contact, Chase.started_on, Chase.other_done_at)
        .where(
            Chase.ended_at.is_null()
            & (Chase.started_on <= max(other_by, follow_by))
            & (Chase.snoozed_until.is_null() | (Chase.snoozed_until <= day))
        )
        .tuples()
    )
    if not chases:
        return (), 0
    people = {
        row[0]: row
        for row in Contact.select(
            Contact.id, Contact.full_name, Contact.given_name, Contact.company, Company.name
        )
        .join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .where(Contact.id.in_({c[2] for c in chases}) & Contact.active())
        .tuples()
    }
    kinds = dict(
        Interaction.select(Interaction.id, Interaction.kind)
        .where(Interaction.id.in_({c[1] for c in chases}))
        .tuples()
    )
    steps = []
    for chase_id, interaction_id, contact_id, started, other_done in chases:
        if contact_id not in people:
            continue  # archived since
        _, name, given, company_id, company = people[contact_id]
        row = _Row(
            chase_id,
            started,
            kinds.get(interaction_id, "message"),
            contact_id,
            name,
            given,
            company_id,
            company or "",
        )
        if started <= follow_by:
            steps.append((add_business_days(started, follow_days), "chase", row))
        # Someone else there only when they have an employer: the "other person" step needs one.
        if started <= other_by and other_done is None and company_id is not None:
            steps.append((add_business_days(started, other_days), "chase-other", row))
    steps.sort(key=lambda step: (step[0], step[1], step[2].id))
    kept = steps[:limit]
    others = _someone_else([row for _, kind, row in kept if kind == "chase-other"])
    items = [
        _follow_up(row, due) if kind == "chase" else _other(row, due, others.get(row.company_id or 0))
        for due, kind, row in kept
    ]
    return tuple(items), len(steps)


class _Row(NamedTuple):
    """A chase with what its items say: when and how I reached out, and to whom."""

    id: int
    started_on: date
    kind: str
    cid: int
    full_name: str
    given_name: str
    company_id: int | None
    company: str


def _sent(row: _Row) -> str:
    return f"your {row.kind} of {row.started_on.day} {row.started_on.strftime('%b')}"


def _follow_up(row: _Row, due: date) -> AgendaItem:
    first = row.given_name or row.full_name.split(" ")[0]
    return AgendaItem(
        "chase",
        row.id,
        row.cid,
        row.full_name,
        f"no reply to {_sent(row)} — send a polite follow-up",
        due,
        note=f"Hi {first}, I wanted to follow up on my note of {row.started_on.day} "
        f"{row.started_on.strftime('%B')}. I know you are busy; is there a good time to talk?",
    )


def _someone_else(rows: list[_Row]) -> dict[int, tuple[int, str]]:
    """For each company of ``rows``: someone there to reach instead, never a person being
    chased: the one spoken to most recently, else anyone there. Walks the contacts from the
    most recently spoken to and stops once every company has someone."""
    wanted = {row.company_id for row in rows if row.company_id is not None}
    found: dict[int, tuple[int, str]] = {}
    if not wanted:
        return found
    chased = {cid for (cid,) in Chase.select(Chase.contact).where(Chase.ended_at.is_null()).tuples()}
    recent = (
        Contact.select(Contact.id, Contact.full_name, Contact.company)
        .where(Contact.company.in_(wanted) & Contact.last_contact_at.is_null(False) & Contact.active())
        .order_by(Contact.last_contact_at.desc())
        .tuples()
    )
    for cid, name, company in recent.iterator():
        if company not in found and cid not in chased:
            found[company] = (cid, name)
            if len(found) == len(wanted):
                return found
    for cid, name, company in (
        Contact.select(Contact.id, Contact.full_name, Contact.company)
        .where(Contact.company.in_(wanted - found.keys()) & Contact.id.not_in(chased) & Contact.active())
        .order_by(Contact.full_name)
        .tuples()
    ):
        found.setdefault(company, (cid, name))
    return found


def _other(row: _Row, due: date, someone: tuple[int, str] | None) -> AgendaItem:
    if someone is None:
        return AgendaItem(
            "chase-other",
            row.id,
            row.cid,
            row.full_name,
            f"no reply to {_sent(row)} — reach someone else at {row.company}",
            due,
        )
    return AgendaItem(
        "chase-other",
        row.id,
        someone[0],
        someone[1],
        f"also at {row.company}: {row.full_name} has not replied to {_sent(row)} — reach out here too",
        due,
        other_id=row.cid,
        other_name=row.full_name,
    )
