"""Natural dates ("last friday", "in 2 weeks", "next month", "15/12") on top of pendulum, and
humanised output."""

from __future__ import annotations

import re
from datetime import date, datetime

import pendulum
from pendulum.tz import get_local_timezone

from netkeep.core.date_order import ORDERS, configured_order
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
    "fortnight": "weeks",
    "fortnights": "weeks",
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
_UNIT = r"(d|days?|w|wks?|weeks?|fortnights?|m|mo|months?|y|yrs?|years?)"
_WEEKDAY = (
    r"(mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday"
    r"|fri|friday|sat|saturday|sun|sunday)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
#: Words before a date that say nothing about it: "by friday", "on 4 Mar".
_LEAD = re.compile(r"^(?:by|on|before|until|due) ")
_HINT = "try 'yesterday', 'last friday', 'in 2 weeks', 'next month', '4 Mar' or 2026-03-04"


def today() -> pendulum.Date:
    return pendulum.today().date()


def local_tz() -> pendulum.Timezone | pendulum.FixedTimezone:
    """The local timezone, as ``local_tz()`` gives it (mypy reads that name as
    the ``pendulum.tz.local_timezone`` submodule, which shadows the function)."""
    return get_local_timezone()


def _amount(text: str) -> int:
    return _WORD_NUMBERS.get(text) or int(text)


def _shift(base: pendulum.Date, amount: int, unit: str, sign: int) -> pendulum.Date:
    if unit.startswith("fortnight"):
        amount, unit = amount * 2, "weeks"
    delta = {UNITS[unit]: amount}
    return base.add(**delta) if sign > 0 else base.subtract(**delta)


def _day_month(day: int, month: int, year: int | None, base: pendulum.Date, prefer: str) -> pendulum.Date:
    if year is not None:
        return pendulum.date(year, month, day)
    candidate = pendulum.date(base.year, month, day)
    if prefer == "past" and candidate > base:
        candidate = pendulum.date(base.year - 1, month, day)
    elif prefer == "future" and candidate < base:
        candidate = pendulum.date(base.year + 1, month, day)
    return candidate


def parse_date(
    text: str, *, prefer: str = "past", base: pendulum.Date | None = None, order: str | None = None
) -> pendulum.Date:
    """Read a date a person typed (the table of phrases is in docs/capture.md).

    Understands ``today``, ``yesterday``, ``tomorrow``, weekdays (``friday``,
    ``last friday``, ``next friday``), ``in 2 weeks`` / ``2w`` / ``in a fortnight``,
    ``3 days ago``, ``next week`` / ``next month`` (their first day), ``end of month``,
    month names (``january``: its first day), ISO dates, ``4 Mar`` / ``Mar 4`` /
    ``4 March 2025`` and numeric dates (``15/12``, ``12/15/2026``) in ``order``
    (``DMY`` or ``MDY``; by default the configured one, see ``core.date_order``). A leading
    ``by`` / ``on`` is ignored. A date without a year, or a bare weekday or month, is taken
    in the past or the future as ``prefer`` says.
    Raises :class:`ValidationError` (field ``date``) for anything else.
    """
    base = base or today()
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    raw = _LEAD.sub("", raw)
    try:
        result = _parse(raw, base, prefer) or _numeric(raw, base, prefer, order)
    except (ValueError, OverflowError):  # a day that does not exist, or "in 9999999999 days"
        result = None
    if result is None:
        raise ValidationError({"date": f"'{text.strip()}' is not a date netkeep understands ({_HINT})"})
    return result


def _parse(raw: str, base: pendulum.Date, prefer: str) -> pendulum.Date | None:
    if raw in ("today", "now", "tod"):
        return base
    if raw in ("yesterday", "yday"):
        return base.subtract(days=1)
    if raw in ("tomorrow", "tmrw", "tom"):
        return base.add(days=1)
    if match := re.fullmatch(r"(next|last) (week|month|year)", raw):
        if match[1] == "last":
            return _shift(base, 1, match[2], -1)
        return base.add(**{f"{match[2]}s": 1}).start_of(match[2])
    if match := re.fullmatch(r"(?:the )?end of (?:the |this )?(next )?(week|month|year)|eo(w|m|y)", raw):
        unit = match[2] or {"w": "week", "m": "month", "y": "year"}[match[3]]
        return _end_of(base.add(**{f"{unit}s": 1}) if match[1] else base, unit)
    if match := re.fullmatch(rf"(?:in )?\+?{_AMOUNT} ?{_UNIT}", raw):
        ahead = raw.startswith(("in ", "+")) or prefer == "future"
        return _shift(base, _amount(match[1]), match[2], 1 if ahead else -1)
    if match := re.fullmatch(rf"{_AMOUNT} ?{_UNIT} ago", raw):
        return _shift(base, _amount(match[1]), match[2], -1)
    if match := re.fullmatch(rf"(last|next|this)? ?{_WEEKDAY}", raw):
        target = [d[:3] for d in WEEKDAYS].index(match[2][:3])
        if match[1] == "last" or (match[1] is None and prefer == "past"):
            return base.subtract(days=(base.day_of_week - target) % 7 or 7)
        return base.add(days=(target - base.day_of_week) % 7 or 7)
    if match := re.fullmatch(r"(?:in )?([a-z]+)(?: (\d{4}))?", raw):
        month = MONTHS.get(match[1])
        if month:
            return _day_month(1, month, int(match[2]) if match[2] else None, base, prefer)
    if match := re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", raw):
        return pendulum.date(int(match[1]), int(match[2]), int(match[3]))
    if match := re.fullmatch(rf"(?:the )?(\d{{1,2}}){_ORDINAL}(?: of)? ([a-z]+)\.?(?: (\d{{4}}))?", raw):
        month = MONTHS.get(match[2])
        if month:
            return _day_month(int(match[1]), month, int(match[3]) if match[3] else None, base, prefer)
    if match := re.fullmatch(rf"([a-z]+)\.? (\d{{1,2}}){_ORDINAL}(?: (\d{{4}}))?", raw):
        month = MONTHS.get(match[1])
        if month:
            return _day_month(int(match[2]), month, int(match[3]) if match[3] else None, base, prefer)
    return None


def _end_of(day: pendulum.Date, unit: str) -> pendulum.Date:
    """The last day of ``day``'s month or year; for a week, its Friday (next week's at a weekend)."""
    if unit != "week":
        return day.end_of(unit)
    friday = day.start_of("week").add(days=4)
    return friday if friday >= day else friday.add(weeks=1)


def _numeric(raw: str, base: pendulum.Date, prefer: str, order: str | None) -> pendulum.Date | None:
    """``15/12``, ``12/15/26``, ``15.12.2026``: day and month in the configured order.

    With no order known, a date that reads only one way is accepted and one that reads
    both ways is refused, naming both.
    """
    match = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?", raw)
    if not match:
        return None
    if order is None:
        order = configured_order()
    first, second = int(match[1]), int(match[3])
    year = None if match[4] is None else int(match[4]) + (2000 if len(match[4]) == 2 else 0)
    readings = {"DMY": (first, second), "MDY": (second, first)}
    valid: dict[str, pendulum.Date] = {}
    for name, (day, month) in readings.items():
        try:
            valid[name] = _day_month(day, month, year, base, prefer)
        except ValueError:
            continue
    shown = match[0]
    if order in valid:
        return valid[order]
    if order is not None:
        way = "day first (DD/MM)" if order == "DMY" else "month first (MM/DD)"
        raise ValidationError({"date": f"'{shown}' is not a date: numeric dates are read {way}."})
    if len(set(valid.values())) == 1:
        return next(iter(valid.values()))
    if valid:
        a, b = (format_date(valid[name]) for name in ORDERS)
        raise ValidationError(
            {
                "date": f"'{shown}' could be {a} or {b}: write the month as a word ('4 Mar'), "
                'or set [dates] order = "DMY" or "MDY" in config.toml.'
            }
        )
    raise ValidationError({"date": f"'{shown}' is not a date: there is no such day."})


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


def short_date(value, *, base: pendulum.Date | None = None) -> str:
    """``3 Mar`` this year, ``3 Mar 2025`` another year."""
    if isinstance(value, datetime):
        value = pendulum.instance(value).in_timezone(local_tz())
    base = base or today()
    return f"{value.day} {value.strftime('%b')}" if value.year == base.year else format_date(value)


def format_date(value) -> str:
    """A short absolute date: ``4 Mar 2026``."""
    if value is None:
        return ""
    if isinstance(value, pendulum.DateTime):
        value = value.in_timezone(local_tz())
    return f"{value.day} {value.strftime('%b %Y')}"
