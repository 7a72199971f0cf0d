"""Property-based tests of the importers: vCard, LinkedIn and Google files written from
random field values (any Unicode, control characters included). Reading never raises
anything but the importer's own error (BadFile, one line); each card or row comes back as a
contact with the values written (after the documented tidying) or as a problem saying why."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netkeep.core.errors import NetkeepError
from netkeep.interop import google, linkedin, vcard
from trust.figures import count
from trust.importfiles import vcard_escape
from trust.oracle import FIELD_MAX, NAME_MAX, block, one_line
from trust.properties import TRUST

#: Any text a file may hold (Unicode without lone surrogates, which no file decodes to).
VALUE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
#: Line breaks other than \\r and \\n (str.splitlines splits there, a vCard does not).
UNICODE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: A vCard value without them (they have their own test below, a known defect).
CARD_VALUE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=UNICODE_BREAKS), max_size=60
)


def _check(result, expected: dict[str, str]) -> None:
    """One contact with the expected values, or one problem when they cannot be saved."""
    count("properties", "import files tried")
    saveable = 0 < len(expected["full_name"]) <= NAME_MAX and all(
        len(expected.get(key, "")) <= FIELD_MAX for key in ("company", "title")
    )
    if result.candidates:
        data = result.candidates[0].data
        got = {key: getattr(data, key) for key in expected}
        assert got == expected
    else:
        assert result.problems, "neither a contact nor a problem"
        assert not saveable, (expected, [str(p) for p in result.problems])


def _read(parse, text: str):
    try:
        return parse(text)
    except NetkeepError:  # BadFile: refused in one line
        count("properties", "import files refused whole")
        return None


def _card(name: str, company: str, title: str, note: str) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:{vcard_escape(name)}\r\nN:;;;;\r\nORG:{vcard_escape(company)}\r\n"
        f"TITLE:{vcard_escape(title)}\r\nNOTE:{vcard_escape(note)}\r\nEND:VCARD\r\n"
    )


@pytest.mark.parametrize("char", list(UNICODE_BREAKS), ids=[f"U+{ord(c):04X}" for c in UNICODE_BREAKS])
def test_a_vcard_value_may_hold_a_unicode_line_break(char):
    result = vcard.parse_text(_card("Ana Lima", "Acme", "", f"one{char}two"))
    assert result.candidates and not result.problems


@TRUST
@given(CARD_VALUE, CARD_VALUE, CARD_VALUE, CARD_VALUE)
def test_a_vcard_comes_back_as_written(name, company, title, note):
    result = _read(vcard.parse_text, _card(name, company, title, note))
    if result is not None:
        carried = lambda text: text.replace("\r\n", "\n").replace("\r", "")  # noqa: E731
        expected = {  # no name: the company stands for it (vcard.py, as for Google)
            "full_name": one_line(carried(name)) or one_line(carried(company)),
            "company": one_line(carried(company)),
            "title": one_line(carried(title)),
            "notes": block(carried(note)),
        }
        _check(result, expected)


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@TRUST
@given(VALUE, VALUE, VALUE, VALUE)
def test_a_linkedin_row_comes_back_as_written(given_name, family, company, position):
    text = _csv(
        [
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
            [given_name, family, "", "", company, position, "1 Mar 2026"],
        ]
    )
    result = _read(linkedin.parse_text, text)
    if result is not None and not result.hidden:
        name = f"{one_line(given_name)} {one_line(family)}".strip()
        _check(result, {"full_name": name, "company": one_line(company), "title": one_line(position)})


@TRUST
@given(VALUE.filter(str.strip), VALUE, VALUE, VALUE)
def test_a_google_row_comes_back_as_written(given_name, family, company, notes):
    text = _csv(
        [
            ["First Name", "Last Name", "Organization Name", "Notes", "E-mail 1 - Label", "E-mail 1 - Value"],
            [given_name, family, company, notes, "", ""],
        ]
    )
    result = _read(google.parse_text, text)
    if result is not None:
        name = " ".join(p for p in (one_line(given_name), one_line(family)) if p) or one_line(company)
        _check(result, {"full_name": name, "company": one_line(company), "notes": block(notes)})
