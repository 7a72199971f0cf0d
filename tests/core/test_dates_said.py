"""Dates as people say them: the phrase table in docs/capture.md, numeric dates in the
configured order, and properties that hold for every date."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netkeep.core.date_order import configured_order, locale_order
from netkeep.core.dates import WEEKDAYS, parse_date
from netkeep.core.errors import ValidationError
from netkeep.core.meetings import parse_commitments

DOCS = Path(__file__).parents[2] / "docs" / "capture.md"
#: The day the docs' table is written from (a Thursday).
TABLE_BASE = pendulum.date(2026, 11, 26)
days = st.dates(min_value=pendulum.date(1971, 1, 1), max_value=pendulum.date(2099, 12, 31)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)


def table_rows() -> list[tuple[str, str, str]]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("<!-- dates table -->")[1]
    rows = re.findall(r"^\| `([^`]+)` \| (\S+) \| (\S+) \|", section, re.MULTILINE)
    assert len(rows) > 20
    return rows


@pytest.mark.parametrize(("phrase", "past", "future"), table_rows())
def test_the_docs_table_is_what_netkeep_reads(phrase, past, future):
    assert parse_date(phrase, base=TABLE_BASE, prefer="past", order="MDY").isoformat() == past
    assert parse_date(phrase, base=TABLE_BASE, prefer="future", order="MDY").isoformat() == future


def test_next_month_is_not_a_monday():
    assert parse_date("next month", base=TABLE_BASE, prefer="future") == pendulum.date(2026, 12, 1)
    assert parse_date("next mon", base=TABLE_BASE, prefer="future") == pendulum.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("12/15", "MDY", "2026-12-15"),
        ("15/12", "DMY", "2026-12-15"),
        ("3/4", "MDY", "2027-03-04"),
        ("3/4", "DMY", "2027-04-03"),
        ("3/4/2027", "DMY", "2027-04-03"),
        ("15.12.26", "DMY", "2026-12-15"),
        ("12/15", None, "2026-12-15"),  # no order known, but only one reading is a date
    ],
)
def test_numeric_dates_follow_the_order(text, order, expected, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")  # None: no order known
    assert parse_date(text, base=TABLE_BASE, prefer="future", order=order).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "order", "words"),
    [
        ("12/15", "DMY", "day first"),
        ("15/12", "MDY", "month first"),
        ("13/13", None, "no such day"),
        ("3/4", None, "could be 3 Apr 2027 or 4 Mar 2027"),
        ("31/2", "DMY", "day first"),
    ],
)
def test_impossible_and_ambiguous_numeric_dates_are_clear_errors(text, order, words, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    with pytest.raises(ValidationError) as info:
        parse_date(text, base=TABLE_BASE, prefer="future", order=order)
    assert words in info.value.errors["date"]


def test_the_order_comes_from_the_config_then_the_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKEEP_CONFIG", str(tmp_path))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert configured_order() == "MDY"
    (tmp_path / "config.toml").write_text('[dates]\norder = "dmy"\n', encoding="utf-8")
    assert configured_order() == "DMY"
    assert parse_date("3/4", base=TABLE_BASE, prefer="future") == pendulum.date(2027, 4, 3)
    (tmp_path / "config.toml").write_text('[dates]\norder = "sideways"\n', encoding="utf-8")
    assert configured_order() == "MDY"


@pytest.mark.parametrize(
    ("environ", "order"),
    [
        ({"LANG": "en_US.UTF-8"}, "MDY"),
        ({"LANG": "en_GB.UTF-8"}, "DMY"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "DMY"),
        ({"LC_TIME": "en_PH.UTF-8"}, "MDY"),
        ({"LANG": "C.UTF-8"}, None),
        ({}, None),
    ],
)
def test_locale_order(environ, order):
    assert locale_order(environ) == order


def test_commitments_use_the_same_reader():
    items = parse_commitments("send the deck by the way by end of month\nthem: intro to Ana by 15 Dec")
    assert (items[0].text, items[0].due_on) == (
        "send the deck by the way",
        pendulum.today().end_of("month").date(),
    )
    assert items[1].owner == "them"
    assert items[1].due_on is not None and (items[1].due_on.month, items[1].due_on.day) == (12, 15)


@given(days, days)
def test_iso_dates_read_back(day, base):
    assert parse_date(day.isoformat(), base=base) == day


@given(days, days, st.sampled_from(["DMY", "MDY"]))
def test_numeric_dates_read_back_in_their_order(day, base, order):
    first, second = (day.day, day.month) if order == "DMY" else (day.month, day.day)
    assert parse_date(f"{first}/{second}/{day.year}", base=base, order=order) == day


@given(days, days, st.booleans())
def test_day_and_month_name_read_back(day, base, month_first):
    text = day.format("MMM D YYYY") if month_first else day.format("D MMMM YYYY")
    assert parse_date(text, base=base) == day


@given(days, st.sampled_from(WEEKDAYS), st.sampled_from(["past", "future"]))
def test_a_weekday_is_that_weekday_within_a_week(base, weekday, prefer):
    day = parse_date(weekday, base=base, prefer=prefer)
    assert day.format("dddd").lower() == weekday
    gap = (day - base).days if prefer == "future" else (base - day).days
    assert 1 <= gap <= 7


@given(days, st.integers(min_value=0, max_value=500))
def test_in_n_days_and_ago_are_opposites(base, n):
    assert parse_date(f"in {n} days", base=base) == base.add(days=n)
    assert parse_date(f"{n} days ago", base=base) == base.subtract(days=n)


@given(days, st.sampled_from(["past", "future"]))
def test_a_day_without_a_year_lies_on_the_preferred_side(base, prefer):
    day = parse_date("1 Mar", base=base, prefer=prefer)
    assert (day <= base) if prefer == "past" else (day >= base)


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_clear_error(text):
    try:
        parse_date(text, base=TABLE_BASE, order="DMY")
    except ValidationError as error:
        assert error.errors["date"]
