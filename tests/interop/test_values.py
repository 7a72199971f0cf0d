"""One imported value at a time: phones, emails, dates, and what the report says about each
kind of odd value kept as typed."""

from __future__ import annotations

from datetime import date

import pytest

from netkeep.core.records import ContactInput, Method
from netkeep.interop.parsed import Odd, ParseResult
from netkeep.interop.values import (
    NO_REGION,
    default_region,
    numeric_order,
    phone_key,
    read_birthday,
    read_date,
    read_email,
    read_phone,
)


@pytest.mark.parametrize(
    "typed, region, kept",
    [
        ("+1 415 555 0199 ext. 102", None, "+1 415-555-0199 ext. 102"),
        ("tel:+1-415-555-0199;ext=102", None, "+1 415-555-0199 ext. 102"),
        ("(415) 555-0199 x102", "US", "+1 415-555-0199 ext. 102"),
        ("+49 30 1234\u20105678", None, "+49 30 12345678"),  # a Unicode hyphen
        ("+49\u00a030\u00a012345678", None, "+49 30 12345678"),  # no-break spaces
        ("030 12345678", "DE", "+49 30 12345678"),
        ("1-800-FLOWERS", "US", "+1 800-356-9377"),
        ("+44 20 7946 0018 x12", None, "+44 20 7946 0018 x12"),
        ("555-0123", "US", "555-0123"),  # no area code: not a whole number there, kept as typed
    ],
)
def test_phone_numbers_are_normalised_with_their_extensions(typed, region, kept):
    assert read_phone(typed, region) == (kept, "")


def test_a_pause_before_more_digits_is_kept_as_an_extension():
    assert read_phone("(415) 555-0123w45", "US") == (
        "+1 415-555-0123 ext. 45",
        "read as +1 415-555-0123 ext. 45 (the digits after the pause as an extension)",
    )
    assert read_phone("555-0123,45", "US")[0] == "555-0123 ext. 45"


def test_without_a_region_a_national_number_is_kept_as_typed_and_counted():
    assert read_phone("(415) 555-0199", None) == ("(415) 555-0199", NO_REGION)
    assert read_phone("555-0123w45", None) == ("555-0123 ext. 45", NO_REGION)


@pytest.mark.parametrize(
    "typed, why",
    [
        ("*#06#", "is a dial code, not a phone number"),
        ("#31#", "is a dial code, not a phone number"),
        ("call me maybe", "is not a phone number"),
    ],
)
def test_what_is_not_a_phone_number_goes_to_the_notes(typed, why):
    assert read_phone(typed, "US") == (None, why)


@pytest.mark.parametrize(
    "typed, kept, why",
    [
        ("jane@stripe.example", "jane@stripe.example", ""),
        ("mailto:jane@stripe.example", "jane@stripe.example", ""),
        ("Jane Doe <jane@stripe.example>", "jane@stripe.example", "read as jane@stripe.example"),
        ('"Doe, Jane" <jane@stripe.example>', "jane@stripe.example", "read as jane@stripe.example"),
        ("Jane Doe (jane@stripe.example)", "jane@stripe.example", "read as jane@stripe.example"),
        ("urn:li:member:81234567", None, ""),  # LinkedIn's "no email"
        ("root@localhost", None, "is a local address (no dot after the @)"),
        ("jane at stripe", None, "has no @"),
        ("jane@@stripe.example", None, "is not a complete email address"),
    ],
)
def test_email_addresses(typed, kept, why):
    assert read_email(typed) == (kept, why)


@pytest.mark.parametrize(
    "text, day_first, day",
    [
        ("12 Mar 2024", False, date(2024, 3, 12)),
        ("5-Jan-26", False, date(2026, 1, 5)),
        ("05-Jan-2026", False, date(2026, 1, 5)),
        ("Mar 12, 2024", False, date(2024, 3, 12)),
        ("2024-03-12", False, date(2024, 3, 12)),
        ("1/8/18, 6:14 PM", False, date(2018, 1, 8)),
        ("1/8/18, 6:14 PM", True, date(2018, 8, 1)),
        ("12.03.2024", False, date(2024, 3, 12)),
        ("31/01/2025", True, date(2025, 1, 31)),
        ("31 Foo 2020", False, None),
        ("2024-02-30", False, None),
    ],
)
def test_dates_as_linkedin_and_excel_write_them(text, day_first, day):
    assert read_date(text, day_first) == day


def test_the_order_of_numeric_dates_is_read_from_the_whole_column():
    assert numeric_order(["05/02/2025", "31/01/2025"]) is True
    assert numeric_order(["1/8/18, 6:14 PM", "12/24/17, 9:05 AM"]) is False
    assert numeric_order(["05/02/2025", "12 Mar 2024"]) is None


@pytest.mark.parametrize(
    "text, omit, kept",
    [
        ("1604-04-15", "1604", "--04-15"),  # Apple: no year
        ("--0415", "", "--04-15"),
        ("19900415", "", "1990-04-15"),
        ("1990-04-15T00:00:00Z", "", "1990-04-15"),
        ("spring 1990", "", "spring 1990"),
    ],
)
def test_birthdays_with_and_without_a_year(text, omit, kept):
    assert read_birthday(text, omit) == kept


def test_phone_keys_match_two_spellings_of_one_number_and_not_two_extensions():
    assert phone_key("+1 415-555-0199 ext. 2") == phone_key("(415) 555 0199 x2")
    assert phone_key("+1 415-555-0199 ext. 2") != phone_key("+1 415-555-0199 ext. 3")
    assert phone_key("+49 30 12345678") == phone_key("030 12345678")
    assert phone_key("112") == ""


def test_the_region_comes_from_the_config_else_the_locale(tmp_path, monkeypatch):
    for variable in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert default_region() is None
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert default_region() == "DE"
    monkeypatch.setenv("LC_ALL", "C")
    assert default_region() is None
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[import]\nregion = "gb"\n')
    assert default_region() == "GB"


def kept(data: ContactInput, odd=()):
    result = ParseResult("test", region="US")
    result.add(12, data, odd=odd)
    return [str(k) for k in result.kept], result.candidates[0].data


def test_the_report_says_what_was_odd_about_each_kind_of_value_and_where_it_went():
    lines, data = kept(
        ContactInput(
            full_name="Olu Adeyemi",
            emails=(Method("email", "Olu <olu@x.example>", "work"), Method("email", "olu@localhost", "home")),
            phones=(Method("phone", "(415) 555-0123w45", "cell"), Method("phone", "*#06#")),
            title="t" * 501,
            contact_type="vip",
            cadence_days=0,
        ),
        odd=[Odd("connected on", "31 Foo 2020", "is not a date netkeep can read")],
    )
    assert lines == [
        "line 12, connected on: '31 Foo 2020' is not a date netkeep can read; kept in the notes",
        "line 12, email (work): 'Olu <olu@x.example>' read as olu@x.example",
        "line 12, email (home): 'olu@localhost' is a local address (no dot after the @); kept in the notes",
        "line 12, phone (cell): '(415) 555-0123w45' read as +1 415-555-0123 ext. 45 "
        "(the digits after the pause as an extension)",
        "line 12, phone: '*#06#' is a dial code, not a phone number; kept in the notes",
        f"line 12, title: '{'t' * 501}' is longer than 500 characters; kept in the notes",
        "line 12, type: 'vip' is not a netkeep contact type; kept in the notes",
        "line 12, keep-in-touch cadence: '0' is not a number of days from 1 to 3650; kept in the notes",
    ]
    assert data.notes.splitlines() == [
        "Connected on, kept as typed: 31 Foo 2020",
        "Email (home), kept as typed: olu@localhost",
        "Phone, kept as typed: *#06#",
        f"Title, kept as typed: {'t' * 501}",
        "Type, kept as typed: vip",
        "Keep-in-touch cadence, kept as typed: 0",
    ]
    assert [m.value for m in data.emails] == ["olu@x.example"]
    assert [m.value for m in data.phones] == ["+1 415-555-0123 ext. 45"]
    assert (data.title, data.contact_type, data.cadence_days) == ("", "peer", None)


def test_a_name_too_long_is_cut_and_kept_whole_and_notes_too_long_continue_in_a_detail():
    lines, data = kept(ContactInput(full_name="N" * 250, notes="x" * 100_010))
    assert (
        lines[0]
        == f"line 12, name: '{'N' * 250}' is longer than 200 characters; cut there; kept in the notes"
    )
    assert data.full_name == "N" * 200
    assert len(data.notes) == 100_000
    [rest] = data.details
    assert (rest.kind, rest.label) == ("field", "notes (continued)")
    assert data.notes + rest.value == "x" * 100_010 + "\n\nName, kept as typed: " + "N" * 250
