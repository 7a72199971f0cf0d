"""Upcoming follow-ups and reminders as an iCalendar feed (RFC 5545) of all-day events.

UIDs are stable (built from the contact's UID or the reminder's id), so a calendar
subscribed to the file updates events instead of duplicating them. Events cover the next
:data:`HORIZON_DAYS` days; everything overdue is gathered in one event on today (the
Today view is where it is worked through), so an old backlog does not flood the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pendulum
from peewee import JOIN

from netkeep.interop.vcard_write import fold
from netkeep.store.models import Company, Contact, Reminder, database

#: How far ahead the feed reaches.
HORIZON_DAYS = 90
#: How many overdue names the overdue event lists.
OVERDUE_NAMES = 50
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


@dataclass(frozen=True)
class Event:
    uid: str
    day: date
    summary: str
    description: str


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def upcoming_events(today: date | None = None) -> list[Event]:
    """Follow-ups of active contacts and open reminders up to the horizon, soonest first,
    with one event on today for everything overdue."""
    today = today or pendulum.today().date()
    until = today + timedelta(days=HORIZON_DAYS)
    events, overdue = [], []
    query = (
        Contact.select(Contact.uid, Contact.full_name, Company.name, Contact.next_follow_up, Contact.needs)
        .join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .where(
            (Contact.archived == False)
            & Contact.next_follow_up.is_null(False)
            & (Contact.next_follow_up <= until)
        )
    )
    for uid, name, company, due, needs in database.execute(query):
        day = date.fromisoformat(str(due)[:10])
        if day < today:
            overdue.append((day, f"follow up with {name}"))
            continue
        detail = f"Keep in touch with {name}" + (f" ({company})" if company else "") + "."
        if needs:
            detail += f"\nTheir needs: {needs}"
        events.append(Event(f"follow-up-{uid}@netkeep", day, f"Follow up: {name}", detail))
    query = (
        Reminder.select(Reminder.id, Contact.uid, Contact.full_name, Reminder.due_on, Reminder.reason)
        .join(Contact, on=(Reminder.contact == Contact.id))
        .where(
            Reminder.done_at.is_null()
            & (Contact.archived == False)  # noqa: E712
            & (Reminder.due_on <= until)
        )
    )
    for reminder_id, uid, name, due, reason in database.execute(query):
        day = date.fromisoformat(str(due)[:10])
        summary = f"{name}: {reason}" if reason else f"Reminder: {name}"
        if day < today:
            overdue.append((day, summary))
            continue
        events.append(
            Event(f"reminder-{reminder_id}-{uid}@netkeep", day, summary, reason or f"Reminder about {name}.")
        )
    if overdue:
        overdue.sort()
        lines = [f"{day.isoformat()}: {text}" for day, text in overdue[:OVERDUE_NAMES]]
        if len(overdue) > OVERDUE_NAMES:
            lines.append(f"… and {len(overdue) - OVERDUE_NAMES} more (see Today in netkeep)")
        count = len(overdue)
        events.append(
            Event(
                "overdue@netkeep",
                today,
                f"netkeep: {count} overdue follow-up{'s' if count != 1 else ''}",
                "\n".join(lines),
            )
        )
    events.sort(key=lambda event: (event.day, event.summary.casefold()))
    return events


def calendar_text(events: list[Event], now: pendulum.DateTime | None = None) -> str:
    """The feed as text with CRLF line ends, escaped and folded at 75 octets."""
    stamp = (now or pendulum.now("UTC")).in_timezone("UTC").format("YYYYMMDD[T]HHmmss[Z]")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//netkeep//netkeep//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:netkeep follow-ups",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
