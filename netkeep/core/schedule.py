"""Dates for things to do: reminders, snoozes and due dates are today or later."""

from __future__ import annotations

from datetime import date

import pendulum

from netkeep.core.dates import format_date, parse_date
from netkeep.core.errors import ValidationError

#: The quick snooze choices, as natural dates.
SNOOZE_CHOICES = {"1 day": "tomorrow", "1 week": "in 1 week"}


def upcoming_date(value: str | date, *, field: str = "date") -> date:
    """A date a person typed (``friday``, ``in 2 weeks``, ``4 Mar``) that is not in the past.

    Raises :class:`ValidationError` on ``field`` for text that is not a date and for a
    date before today.
    """
    if isinstance(value, str):
        try:
            day: date = parse_date(value, prefer="future")
        except ValidationError as error:
            raise ValidationError({field: error.errors["date"]}) from None
    else:
        day = value
    today = pendulum.today().date()
    if day < today:
        raise ValidationError({field: f"{format_date(day)} is in the past; choose today or a later date."})
    return pendulum.date(day.year, day.month, day.day)


#: Kinds that are something I sent (direction "out") unless marked incoming.
OUTGOING_KINDS = ("email", "message", "thank-you", "update", "intro")


def direction_for(kind: str, *, incoming: bool = False) -> str:
    """``in`` for an incoming message, ``out`` for something I sent, else empty."""
    if incoming:
        return "in"
    return "out" if kind in OUTGOING_KINDS else ""


def moment_of(text: str) -> pendulum.DateTime:
    """When something happened, from a natural date that is today or earlier.

    Today means now; an earlier day means its local noon. A future date raises
    :class:`ValidationError`.
    """
    day = parse_date(text or "today", prefer="past")
    today = pendulum.today().date()
    if day > today:
        raise ValidationError({"when": f"'{text}' is in the future; log what has happened."})
    if day == today:
        return pendulum.now("UTC")
    return pendulum.datetime(day.year, day.month, day.day, 12, tz="local").in_timezone("UTC")
