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

from netkeep.core.exports import follow_ups_until, reminders_until
from netkeep.interop.vcard_write import fold

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
    for uid, name, company, day, needs in follow_ups_until(until):
        if day < today:
            overdue.append((day, f"follow up with {name}"))
            continue
        detail = f"Keep in touch with {name}" + (f" ({company})" if company else "") + "."
        if needs:
            detail += f"\nTheir needs: {needs}"
        events.append(Event(f"follow-up-{uid}@netkeep", day, f"Follow up: {name}", detail))
    for reminder_id, uid, name, day, reason in reminders_until(until):
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
