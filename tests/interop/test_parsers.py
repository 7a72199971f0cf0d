"""Importers read every layout and quirk of the hand-written fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netkeep.interop import google, linkedin, vcard
from netkeep.interop.textfile import BadFile

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def by_name(result):
    return {c.data.full_name: c for c in result.candidates}


def test_linkedin_current_layout_finds_header_after_notes_preamble():
    result = linkedin.parse(FIXTURES / "linkedin_current.csv")
    people = by_name(result)
    jane = people["Jane Doe"].data
    assert people["Jane Doe"].line == 5
    assert jane.linkedin_url == "https://www.linkedin.com/in/janedoe"
    assert jane.emails[0].value == "jane@stripe.com"
    assert (jane.company, jane.title) == ("Stripe", "Staff Engineer")
    assert (jane.met_on, jane.how_met, jane.source) == (date(2024, 3, 12), "LinkedIn", "linkedin")


def test_linkedin_quirks_spaces_tabs_quoted_commas_emoji_markup_escapes():
    people = by_name(linkedin.parse(FIXTURES / "linkedin_current.csv"))
    bob = people["Bob Smith"].data
    assert (bob.given_name, bob.family_name) == ("Bob", "Smith")
    assert bob.company == "Acme, Inc."
    assert bob.title == "Head of Sales, EMEA"
    assert "Li Wei 🚀" in people
    assert "[bold]Mallory[/bold] [31mRed" in people  # markup literal, ESC removed


def test_linkedin_hidden_members_counted_and_odd_values_kept_with_their_line():
    result = linkedin.parse(FIXTURES / "linkedin_current.csv")
    assert result.hidden == 1 and not result.problems
    kept = {k.line: (k.field, k.value) for k in result.kept}
    assert kept == {10: ("email", "carol@example"), 11: ("connected on", "31 Foo 2020")}
    people = by_name(result)
    assert people["Carol Ng"].data.emails == ()
    assert people["Dan Brown"].data.notes == "Connected on, kept as typed: 31 Foo 2020"


def test_linkedin_older_layout_without_url_and_us_dates():
    result = linkedin.parse(FIXTURES / "linkedin_old.csv")
    people = by_name(result)
    assert people["Anna Berg"].data.met_on == date(2018, 1, 8)
    assert people["Émile Zola"].data.met_on == date(2017, 12, 24)
    assert people["Anna Berg"].data.linkedin_url == ""
    assert result.hidden == 1 and not result.problems


def test_utf16_file_is_decoded():
    result = linkedin.parse(FIXTURES / "utf16.csv")
    assert [c.data.full_name for c in result.candidates] == ["Zoë Ångström"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.csv", "is empty"),
        ("binary.csv", "binary.csv: this is an image, not a contacts file"),
        ("noise.bin", "is a binary file"),
        (
            "other_headers.csv",
            "its first line is 'Date,Amount,Payee', expected a header like 'First Name,Last Name",
        ),
        ("missing.csv", "no such file"),
    ],
)
def test_bad_linkedin_files_give_one_line_messages(name, message):
    with pytest.raises(BadFile) as error:
        linkedin.parse(FIXTURES / name)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_file_given_to_the_wrong_importer_says_which_one_to_use():
    with pytest.raises(BadFile, match="import it with 'netkeep import google'"):
        linkedin.parse(FIXTURES / "google_current.csv")
    with pytest.raises(BadFile, match="import it with 'netkeep import linkedin'"):
        google.parse(FIXTURES / "linkedin_current.csv")
    with pytest.raises(BadFile, match="import it with 'netkeep import linkedin'"):
        google.parse(FIXTURES / "linkedin_old.csv")


def test_google_other_headers_rejected():
    with pytest.raises(BadFile, match="not a Google Contacts CSV"):
        google.parse(FIXTURES / "other_headers.csv")


def test_vcard_21_quoted_printable_charset_and_photo():
    result = vcard.parse(FIXTURES / "cards_21.vcf")
    people = by_name(result)
    assert not result.problems
    jurgen = people["Jürgen Müller"].data
    assert jurgen.notes == "Met at the Stuttgart meetup.\nWants an intro to a recruiter."
    assert [(p.value, p.label) for p in jurgen.phones] == [
        ("+49 711 40040", "work"),
        ("+49 170 1234567", "cell"),
    ]
    assert people["Françoise Renée"].data.family_name == "Renée"  # ISO-8859-1 QP


def test_vcard_30_groups_labels_org_commas_categories_birthday_without_year():
    people = by_name(vcard.parse(FIXTURES / "cards_30.vcf"))
    chidi = people["Dr. Chidi Okafor"].data
    assert chidi.company == "Smith, Jones & Partners"
    assert [(e.value, e.label) for e in chidi.emails] == [
        ("chidi@sjp.example", "other"),
        ("c.okafor@uni.example", "university"),
        ("chidi.work@sjp.example", "work"),
    ]
    assert chidi.linkedin_url == "https://www.linkedin.com/in/chidi-okafor"
    assert [u.value for u in chidi.urls] == ["https://sjp.example/people/chidi"]
    assert chidi.tags == ("mentor", "alumni", "research")
    assert chidi.birthday == "--04-15"
    assert chidi.location == "Boston, MA, USA"
    assert chidi.notes.endswith("by Friday, please.")
    tanaka = people["Yuki Tanaka"].data  # N but no FN; folded note with a bare comma
    assert tanaka.notes.endswith(
        "several lines, as the standard asks for anything longer than seventy-five octets."
    )


def test_vcard_40_uri_phone_uid_and_literal_markup():
    people = by_name(vcard.parse(FIXTURES / "cards_40.vcf"))
    priya = people["Priya Raman"].data
    assert priya.phones[0].value == "+44 20 7946 0000"  # tel:+44-20-7946-0000, normalised
    assert priya.uid == "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert priya.birthday == "1988-03-02"
    assert "[red]Not markup[/red]" in people


def test_truncated_vcard_reports_the_open_card_and_keeps_the_rest():
    result = vcard.parse(FIXTURES / "cards_truncated.vcf")
    assert [c.data.full_name for c in result.candidates] == ["Whole Card"]
    assert [(p.line, "cut short" in p.reason) for p in result.problems] == [(6, True)]


def test_vcard_folder_reads_each_vcf_file():
    result = vcard.parse(FIXTURES / "vdir")
    assert sorted((c.file, c.data.full_name) for c in result.candidates) == [
        ("a1.vcf", "Ada Lovelace"),
        ("b2.vcf", "Grace Hopper"),
    ]


def test_vcard_rejects_csv_and_names_the_importer_for_it():
    with pytest.raises(BadFile, match=r"looks like a LinkedIn Connections\.csv, not a vCard file; import it"):
        vcard.parse(FIXTURES / "linkedin_old.csv")
    with pytest.raises(BadFile, match=r"other_headers\.csv is not a vCard file: no BEGIN:VCARD line"):
        vcard.parse(FIXTURES / "other_headers.csv")


def test_google_current_layout_multi_values_labels_multiline_notes():
    result = google.parse(FIXTURES / "google_current.csv")
    people = by_name(result)
    maria = people["Maria José García"].data
    assert [e.value for e in maria.emails] == [
        "maria@telefonica.example",
        "maria.garcia@gmail.example",
        "mg@home.example",
    ]
    assert maria.tags == ("Madrid", "Fintech")  # as typed; "* myContacts" dropped
    assert maria.notes.splitlines()[1] == 'Likes climbing, coffee and "long walks".'
    assert maria.linkedin_url == "https://www.linkedin.com/in/mariagarcia"
    assert maria.location == "Madrid, Spain"
    assert len(people["Tom Lee"].data.phones) == 3
    assert "only-email@example.org" in people
    assert not result.problems
    assert [(k.line, k.field, k.value) for k in result.kept] == [(9, "phone (mobile)", "call me maybe")]
    assert people["Bad Phone Person"].data.notes == "Phone (mobile), kept as typed: call me maybe"


def test_google_older_layout():
    people = by_name(google.parse(FIXTURES / "google_old.csv"))
    sam = people["Sam Patel"].data
    assert (sam.company, sam.title, sam.location) == ("Acme Ltd", "Engineering Manager", "London")
    assert sam.website == "https://sampatel.example"
    assert sam.tags == ("Coworkers",)
    assert sam.emails[0].label == "work"


def test_a_broken_line_is_kept_in_the_notes_and_only_a_nameless_card_is_unreadable():
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good One\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line has no colon\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"
    )
    result = vcard.parse_text(text)
    assert [c.data.full_name for c in result.candidates] == ["Good One", "Broken"]
    assert by_name(result)["Broken"].data.notes == "Line 8, kept as typed: this line has no colon"
    assert [str(k) for k in result.kept] == [
        "line 5, line 8: 'this line has no colon' is not a vCard property; kept in the notes"
    ]
    assert [(p.line, p.reason) for p in result.problems] == [
        (10, "this card has no name, company, email or phone"),
    ]
