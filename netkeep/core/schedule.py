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
            day = parse_date(value, prefer="future")
        except ValidationError as error:
            raise ValidationError({field: error.errors["date"]}) from None
    else:
        day = value
    today = pendulum.today().date()
    if day < today:
        raise ValidationError(
            {field: f"{format_date(day)} is in the past; choose today or a later date."})
    return pendulum.date(day.year, day.month, day.day)
