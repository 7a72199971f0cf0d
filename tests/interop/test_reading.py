"""Reading what people actually have: LinkedIn as Excel saves it again, Outlook, Google with
its relations and events, and files that are not what the command reads."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from netkeep.core import details as kinds
from netkeep.core.details import address_parts
from netkeep.interop import google, linkedin, outlook, vcard
from netkeep.interop.textfile import BadFile

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def people(result) -> dict:
    return {c.data.full_name: c.data for c in result.candidates}


def details(data, kind: str) -> list[tuple[str, str]]:
    return [(d.label, d.value) for d in data.details if d.kind == kind]


def test_linkedin_saved_again_by_excel_with_semicolons_in_windows_1252():
    result = linkedin.parse(FIXTURES / "linkedin_excel_semicolon.csv")
    found = people(result)
    assert set(found) == {"Renée Faure", "José Núñez", "Zoë O'Neil"}
    assert found["Renée Faure"].company == "Faure; Fils & Cie"
    assert found["Renée Faure"].met_on == date(2026, 1, 5)  # 5-Jan-26
    assert found["José Núñez"].met_on == date(2024, 3, 12)
    assert not result.problems and not result.kept


def test_linkedin_saved_by_excel_as_unicode_text_tabs_and_utf16_with_day_first_dates():
    found = people(linkedin.parse(FIXTURES / "linkedin_excel_unicode.txt"))
    assert found["Åsa Berg"].met_on == date(2025, 1, 31)
    assert found["Kenji Sato"].met_on == date(2025, 2, 5)  # 05/02: day first, as 31/01 says
    assert found["Kenji Sato"].title == "Producer, Games"


def test_linkedins_urn_placeholder_means_no_email():
    result = linkedin.parse(FIXTURES / "linkedin_urn.csv")
    found = people(result)
    assert found["Hidden Email"].emails == () and not result.kept
    assert [m.value for m in found["Shown Email"].emails] == ["shown@example.org"]
    assert found["Hidden Email"].met_on == date(2016, 3, 14)


def test_linkedin_columns_it_does_not_know_are_kept_with_the_contact():
    text = "First Name,Last Name,Company,Connected On,Pronouns\nAda,Byron,Analytical,1 Jan 2020,she/her\n"
    [candidate] = linkedin.parse_text(text).candidates
    assert details(candidate.data, kinds.FIELD) == [("Pronouns", "she/her")]


def test_a_row_with_more_cells_than_the_header_keeps_them_in_the_notes():
    text = "First Name,Last Name,Company,Connected On\nAda,Byron,Analytical, Engines,1 Jan 2020\n"
    result = linkedin.parse_text(text)
    assert [str(k) for k in result.kept] == [
        "line 2, extra cells: '1 Jan 2020' are beyond the 4 columns of the header; kept in the notes",
        "line 2, connected on: 'Engines' is not a date netkeep can read; kept in the notes",
    ]
    assert result.candidates[0].data.full_name == "Ada Byron"


def test_outlook_contacts_every_column_kept():
    result = outlook.parse(FIXTURES / "outlook.csv")
    found = people(result)
    grace = found["Grace Brewster Murray"]
    assert (grace.title, grace.company, grace.birthday) == ("Rear Admiral", "US Navy", "1906-12-09")
    assert [m.value for m in grace.emails] == ["grace.murray@navy.example", "gbm@home.example"]
    assert [(m.label, m.value) for m in grace.phones] == [
        ("mobile", "+1 202-555-0188"),
        ("work", "+1 202-555-0143"),
    ]
    assert grace.tags == ("Pioneers", "Navy")
    assert grace.notes == "Wrote the first compiler.\nAsk about nanoseconds."
    assert details(grace, kinds.NICKNAME) == [("", "Gracie")]
    assert details(grace, kinds.NAME_PART) == [("prefix", "Ms."), ("additional", "Brewster")]
    assert details(grace, kinds.DEPARTMENT) == [("", "Computing")]
    assert details(grace, kinds.RELATED) == [("spouse", "Vincent Hopper"), ("manager", "Howard Aiken")]
    assert details(grace, kinds.DATE) == [("anniversary", "1930-06-15")]
    [(label, value)] = details(grace, kinds.ADDRESS)
    assert label == "work" and address_parts(value)[2:] == [
        "1 Navy Way\nSuite 200",
        "Arlington",
        "VA",
        "22202",
        "USA",
    ]
    assert details(grace, kinds.FIELD) == [
        ("IMAddress", "gracie@im.example"),
        ("Office Location", "Building 4"),
        ("Schools", "Vassar; Yale"),
    ]
    acme = found["Acme Widgets"]
    assert details(acme, kinds.ORGANISATION) == [("", "yes")] and acme.birthday == ""  # 0/0/00
    assert found["Alan Turing"].birthday == "1912-06-23"


def test_google_csv_with_semicolons_relations_events_messengers_and_custom_fields():
    [ingrid] = people(google.parse(FIXTURES / "google_semicolon.csv")).values()
    assert ingrid.tags == ("Oslo Tech", "Book Club")  # as typed; myContacts and starred left out
    assert details(ingrid, kinds.RELATED) == [("spouse", "Lars Solberg"), ("child", "Maja")]
    assert details(ingrid, kinds.DATE) == [("anniversary", "2008-08-23"), ("first day at fjord", "--09-01")]
    assert details(ingrid, kinds.PROFILE) == [("skype", "ingrid.fjord")]
    assert details(ingrid, kinds.FIELD) == [("Shoe size", "38"), ("Sensitivity", "Normal")]
    assert [address_parts(v)[3] for _, v in details(ingrid, kinds.ADDRESS)] == ["Oslo", "Oslo"]
    assert ingrid.linkedin_url == "https://www.linkedin.com/in/ingrid-solberg"


@pytest.mark.parametrize(
    "module, name, message",
    [
        (linkedin, "outlook.csv", "looks like an Outlook contacts CSV, not a LinkedIn Connections.csv; "
         "import it with 'netkeep import outlook'"),
        (google, "outlook.csv", "import it with 'netkeep import outlook'"),
        (outlook, "google_semicolon.csv", "looks like a Google Contacts CSV, not an Outlook contacts CSV"),
        (outlook, "linkedin_excel_semicolon.csv", "import it with 'netkeep import linkedin'"),
        (linkedin, "cards_30.vcf", "looks like a vCard file, not a LinkedIn Connections.csv; "
         "import it with 'netkeep import vcard'"),
        (vcard, "outlook.csv", "looks like an Outlook contacts CSV, not a vCard file"),
        (google, "other_headers.csv", "other_headers.csv is not a Google Contacts CSV: its first line is "
         "'Date,Amount,Payee', expected a header like 'First Name,…,E-mail 1 - Value"),
    ],
)  # fmt: skip
def test_a_file_for_another_importer_says_what_it_is_and_which_command_reads_it(module, name, message):
    with pytest.raises(BadFile) as error:
        module.parse(FIXTURES / name)
    assert str(error.value).startswith(str(FIXTURES / name))
    assert message in str(error.value)


def test_netkeeps_own_csv_export_and_a_backup_are_named(tmp_path):
    sheet = tmp_path / "netkeep-contacts.csv"
    sheet.write_text("Name,Given name,Family name,Cadence (days),UID\nAda,Ada,,,u1\n")
    with pytest.raises(BadFile, match="is netkeep's own CSV export, which is for spreadsheets"):
        google.parse(sheet)
    backup = tmp_path / "backup.json"
    backup.write_text('{"format": "netkeep-backup", "version": 1}')
    with pytest.raises(BadFile, match="import it with 'netkeep import backup'"):
        linkedin.parse(backup)


@pytest.mark.parametrize(
    "inside, hint",
    [
        (["Connections.csv", "Profile.csv"], "import Connections.csv inside with 'netkeep import linkedin'"),
        (
            ["Takeout/Contacts/My Contacts/My Contacts.vcf"],
            "import Takeout/Contacts/My Contacts/My Contacts.vcf",
        ),
        (["xl/workbook.xml"], "this is an Excel workbook; save it as CSV"),
        (["notes.txt"], "unzip it and import the contacts file inside"),
    ],
)
def test_a_zip_says_to_unzip_it_and_what_to_import_inside(tmp_path, inside, hint):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in inside:
            zipped.writestr(name, "First Name,Last Name\n")
    with pytest.raises(BadFile) as error:
        linkedin.parse(archive)
    assert str(error.value).startswith(f"{archive}: this is") and hint in str(error.value)
