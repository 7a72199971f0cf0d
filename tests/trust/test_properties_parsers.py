"""Property-based tests of the date parser and the one-line capture syntax: any text is
read or refused (ValidationError), never a crash; what netkeep writes it reads back."""

from __future__ import annotations

import re
from datetime import date

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from netkeep.core.capture import parse_line
from netkeep.core.dates import UNITS, format_date, parse_date
from netkeep.core.errors import ValidationError
from trust.figures import count
from trust.properties import TRUST

BASE = pendulum.date(2026, 3, 2)
PREFER = st.sampled_from(["past", "future"])
#: A date phrase built from parts: "in 12 weeks", "3d ago", "+40 years"…
PHRASES = st.builds(
    lambda form, n, unit: form.format(n=n, unit=unit),
    st.sampled_from(["in {n} {unit}", "{n} {unit} ago", "+{n}{unit}", "{n}{unit}", "{n} {unit}"]),
    st.one_of(st.integers(0, 400), st.integers(0, 10**30)),
    st.sampled_from(sorted(UNITS)),
)


def _read(text: str, prefer: str) -> None:
    count("properties", "date parser: texts tried")
    try:
        parse_date(text, prefer=prefer, base=BASE)
    except ValidationError:
        pass


@TRUST
@given(st.text(), PREFER)
def test_any_text_is_a_date_or_a_validation_error(text, prefer):
    _read(text, prefer)


@TRUST
@given(st.one_of(PHRASES, st.dates().map(str), st.dates().map(lambda d: f"{d.day} {d:%b %Y}")), PREFER)
def test_any_date_phrase_is_a_date_or_a_validation_error(text, prefer):
    """Huge amounts ("in 10**30 days") and days out of range included."""
    _read(text, prefer)


@TRUST
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)), PREFER)
def test_a_formatted_date_reads_back(day, prefer):
    count("properties", "date round trips")
    assert parse_date(format_date(day), prefer=prefer) == day  # "4 Mar 2026"
    assert parse_date(day.isoformat(), prefer=prefer) == day


@TRUST
@given(st.integers(0, 3650), st.sampled_from(["days", "weeks", "months", "years"]))
def test_in_n_units_is_that_far_ahead(n, unit):
    count("properties", "date round trips")
    limit = {"days": 3650, "weeks": 520, "months": 120, "years": 10}[unit]
    n = min(n, limit)
    assert parse_date(f"in {n} {unit}", base=BASE) == BASE.add(**{unit: n})
    assert parse_date(f"{n} {unit} ago", base=BASE) == BASE.subtract(**{unit: n})


# ---------------------------------------------------------------- the capture line

#: A word of a name or company: anything but white space, control characters, the markers
#: of the syntax (@ + ! ^ > # =), a comma (it starts a title) and "-" (" -- " starts the
#: note); and no word that starts like a phone number ("+4", "(0", "555-01…").
WORD = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"), blacklist_characters="@+!^>#=,-"),
    min_size=1,
    max_size=12,
).filter(lambda word: not re.match(r"[(+]\d|\d{3}[-.]", word))
WORDS = st.lists(WORD, min_size=1, max_size=4).map(" ".join)


@TRUST
@given(st.text())
def test_any_capture_line_is_read_or_refused(text):
    count("properties", "capture lines tried")
    try:
        parse_line(text)
    except ValidationError:
        pass


@TRUST
@given(WORDS, WORDS, st.lists(WORD, max_size=3), st.one_of(st.just(""), WORDS))
def test_a_capture_line_built_from_parts_reads_back_as_those_parts(name, company, tags, note):
    """Name, company, tags and note (a title after a comma may read as "Last, First")."""
    count("properties", "capture lines tried")
    line = name + f" @{company}" + "".join(f" #{t}" for t in tags) + (f" -- {note}" if note else "")
    fields = parse_line(line)
    assert (fields.name, fields.company, fields.tags) == (name, company, tuple(tags))
    assert fields.note == note.strip()
