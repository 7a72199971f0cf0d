"""Upcoming follow-ups and reminders as an iCalendar feed (RFC 5545) of all-day events.

UIDs are stable (built from the contact's UID or the reminder's id), so a calendar
subscribed to the file updates events instead of duplicating them. Anything overdue
is shown on today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pendulum
from peewee import JOIN

from netkeep.interop.vcard_write import fold
from netkeep.store.models import Company, Contact, Reminder, database

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
    """Follow-ups of active contacts and open reminders, soonest first."""
    today = today or pendulum.today().date()
    events = []
    query = (Contact.select(Contact.uid, Contact.full_name, Company.name, Contact.next_follow_up,
                            Contact.needs)
             .join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
             .where((Contact.archived == False) & Contact.next_follow_up.is_null(False)))  # noqa: E712
    for uid, name, company, due, needs in database.execute(query):
        day = _day(due, today)
        detail = f"Keep in touch with {name}" + (f" ({company})" if company else "") + "."
        if needs:
            detail += f"\nTheir needs: {needs}"
        events.append(Event(f"follow-up-{uid}@netkeep", day, f"Follow up: {name}", _overdue(detail, due, day)))
    query = (Reminder.select(Reminder.id, Contact.uid, Contact.full_name, Reminder.due_on, Reminder.reason)
             .join(Contact, on=(Reminder.contact == Contact.id))
             .where(Reminder.done_at.is_null() & (Contact.archived == False)))  # noqa: E712
    for reminder_id, uid, name, due, reason in database.execute(query):
        day = _day(due, today)
        summary = f"{name}: {reason}" if reason else f"Reminder: {name}"
        events.append(Event(f"reminder-{reminder_id}-{uid}@netkeep", day, summary,
                            _overdue(reason or f"Reminder about {name}.", due, day)))
    events.sort(key=lambda event: (event.day, event.summary.casefold()))
    return events


def _day(value, today: date) -> date:
    due = date.fromisoformat(str(value)[:10])
    return max(due, today)


def _overdue(text: str, due, day: date) -> str:
    due_text = str(due)[:10]
    return text if due_text == day.isoformat() else f"{text}\n(due {due_text})"


def calendar_text(events: list[Event], now: pendulum.DateTime | None = None) -> str:
    """The feed as text with CRLF line ends, escaped and folded at 75 octets."""
    stamp = (now or pendulum.now("UTC")).in_timezone("UTC").format("YYYYMMDD[T]HHmmss[Z]")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//netkeep//netkeep//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:netkeep follow-ups"]
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
