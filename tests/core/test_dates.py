"""Natural dates and humanised output."""

from __future__ import annotations

import pendulum
import pytest

from netkeep.core.dates import format_date, humanize_date, parse_date
from netkeep.core.errors import ValidationError

THURSDAY = pendulum.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("today", "2026-11-26", "2026-11-26"),
        ("yesterday", "2026-11-25", "2026-11-25"),
        ("tomorrow", "2026-11-27", "2026-11-27"),
        ("last friday", "2026-11-20", "2026-11-20"),
        ("next friday", "2026-11-27", "2026-11-27"),
        ("friday", "2026-11-20", "2026-11-27"),
        ("thursday", "2026-11-19", "2026-12-03"),
        ("in 2 weeks", "2026-12-10", "2026-12-10"),
        ("2w", "2026-11-12", "2026-12-10"),
        ("3 days ago", "2026-11-23", "2026-11-23"),
        ("a month ago", "2026-10-26", "2026-10-26"),
        ("2026-03-04", "2026-03-04", "2026-03-04"),
        ("4 Mar", "2026-03-04", "2027-03-04"),
        ("Mar 4", "2026-03-04", "2027-03-04"),
        ("4 March 2025", "2025-03-04", "2025-03-04"),
        ("  Dec 25th ", "2025-12-25", "2026-12-25"),
    ],
)
def test_parse_date(text, past, future):
    assert parse_date(text, base=THURSDAY).isoformat() == past
    assert parse_date(text, base=THURSDAY, prefer="future").isoformat() == future


@pytest.mark.parametrize("text", ["", "banana", "2026-02-30", "32 Mar", "in many weeks", "[bold]x"])
def test_not_a_date(text):
    with pytest.raises(ValidationError) as info:
        parse_date(text, base=THURSDAY)
    assert "not a date" in info.value.errors["date"]


def test_default_base_is_today():
    with pendulum.travel_to(pendulum.datetime(2026, 11, 26, 12), freeze=True):
        assert parse_date("yesterday").isoformat() == "2026-11-25"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (-1, "yesterday"),
        (1, "tomorrow"),
        (-3, "3 days ago"),
        (14, "in 2 weeks"),
        (-45, "6 weeks ago"),
        (90, "in 3 months"),
        (-400, "1 year ago"),
    ],
)
def test_humanize(days, text):
    assert humanize_date(THURSDAY.add(days=days), base=THURSDAY) == text


def test_format_date():
    assert format_date(pendulum.date(2026, 3, 4)) == "4 Mar 2026"
    assert format_date(None) == ""
