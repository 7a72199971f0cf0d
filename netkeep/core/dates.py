"""Natural dates ("last friday", "in 2 weeks", "4 Mar") on top of pendulum, and humanised output."""

from __future__ import annotations

import re
from datetime import date

import pendulum
from pendulum.tz import get_local_timezone

from netkeep.core.errors import ValidationError

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mo": "months",
    "month": "months",
    "months": "months",
    "y": "years",
    "yr": "years",
    "year": "years",
    "years": "years",
}
_AMOUNT = r"(\d+|a|an|one|two|three|four|five|six)"
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT = r"(d|days?|w|wks?|weeks?|m|mo|months?|y|yrs?|years?)"


def today() -> pendulum.Date:
    return pendulum.today().date()


def local_tz() -> pendulum.Timezone | pendulum.FixedTimezone:
    """The local timezone, as ``local_tz()`` gives it (mypy reads that name as
    the ``pendulum.tz.local_timezone`` submodule, which shadows the function)."""
    return get_local_timezone()


def _amount(text: str) -> int:
    return _WORD_NUMBERS.get(text) or int(text)


def _day_month(day: int, month: int, year: int | None, base: pendulum.Date, prefer: str) -> pendulum.Date:
    if year is not None:
        return pendulum.date(year, month, day)
    candidate = pendulum.date(base.year, month, day)
    if prefer == "past" and candidate > base:
        candidate = pendulum.date(base.year - 1, month, day)
    elif prefer == "future" and candidate < base:
        candidate = pendulum.date(base.year + 1, month, day)
    return candidate


def parse_date(text: str, *, prefer: str = "past", base: pendulum.Date | None = None) -> pendulum.Date:
    """Read a date a person typed.

    Understands ``today``, ``yesterday``, ``tomorrow``, weekdays (``friday``,
    ``last friday``, ``next friday``), ``in 2 weeks`` / ``2w``, ``3 days ago``,
    ISO dates and ``4 Mar`` / ``Mar 4`` / ``4 March 2025``. A date without a year,
    or a bare weekday, is taken in the past or the future as ``prefer`` says.
    Raises :class:`ValidationError` (field ``date``) for anything else.
    """
    base = base or today()
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    try:
        result = _parse(raw, base, prefer)
    except ValueError:
        result = None
    if result is None:
        raise ValidationError(
            {
                "date": f"'{text.strip()}' is not a date netkeep understands (try 'yesterday', "
                "'last friday', 'in 2 weeks', '4 Mar' or 2026-03-04)"
            }
        )
    return result


def _parse(raw: str, base: pendulum.Date, prefer: str) -> pendulum.Date | None:
    if raw in ("today", "now", "tod"):
        return base
    if raw in ("yesterday", "yday"):
        return base.subtract(days=1)
    if raw in ("tomorrow", "tmrw", "tom"):
        return base.add(days=1)
    if match := re.fullmatch(rf"(?:in )?\+?{_AMOUNT} ?{_UNIT}", raw):
        if raw.startswith("in ") or raw.startswith("+") or prefer == "future":
            return base.add(**{UNITS[match[2]]: _amount(match[1])})
        return base.subtract(**{UNITS[match[2]]: _amount(match[1])})
    if match := re.fullmatch(rf"{_AMOUNT} ?{_UNIT} ago", raw):
        return base.subtract(**{UNITS[match[2]]: _amount(match[1])})
    if match := re.fullmatch(r"(last|next|this)? ?(mon|tue|wed|thu|fri|sat|sun)[a-z]*", raw):
        names = [d[:3] for d in WEEKDAYS]
        target = names.index(match[2])
        delta = (target - base.day_of_week + 7) % 7  # pendulum: Monday is 0
        if match[1] == "last" or (match[1] is None and prefer == "past"):
            back = (base.day_of_week - target) % 7 or 7
            return base.subtract(days=back)
        return base.add(days=delta or 7)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw):
        return pendulum.date(int(match[1]), int(match[2]), int(match[3]))
    if match := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?", raw):
        month = MONTHS.get(match[2])
        if month:
            year = int(match[3]) if match[3] else None
            return _day_month(int(match[1]), month, year, base, prefer)
    if match := re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", raw):
        month = MONTHS.get(match[1])
        if month:
            year = int(match[3]) if match[3] else None
            return _day_month(int(match[2]), month, year, base, prefer)
    return None


def humanize_date(value, *, base: date | None = None) -> str:
    """``today``, ``yesterday``, ``3 days ago``, ``in 2 weeks``: how far ``value`` is from today."""
    if value is None:
        return ""
    base = base or today()
    if isinstance(value, pendulum.DateTime):
        value = value.in_timezone(local_tz()).date()
    days = value.toordinal() - base.toordinal()
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    span = abs(days)
    if span < 14:
        amount, unit = span, "day"
    elif span < 60:
        amount, unit = span // 7, "week"
    elif span < 365:
        amount, unit = span // 30, "month"
    else:
        amount, unit = span // 365, "year"
    words = f"{amount} {unit}{'s' if amount != 1 else ''}"
    return f"in {words}" if days > 0 else f"{words} ago"


def format_date(value) -> str:
    """A short absolute date: ``4 Mar 2026``."""
    if value is None:
        return ""
    if isinstance(value, pendulum.DateTime):
        value = value.in_timezone(local_tz())
    return f"{value.day} {value.strftime('%b %Y')}"
