"""``netkeep import`` / ``netkeep export``: previews, reports, clear one-line errors."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import icalendar
import pendulum
import pytest
import vobject

from netkeep.cli import main
from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from netkeep.store.models import Contact, Reminder, database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count() -> int:
    return Contact.select().count()


def test_odd_values_are_kept_and_listed_and_everyone_is_imported(capsys, db_path):
    code, out, _ = run(capsys, "import", "linkedin", str(FIXTURES / "linkedin_current.csv"))
    assert code == 0
    assert "line 10, email: 'carol@example' is a local address (no dot after the @); kept in the notes" in out
    assert "line 11, connected on: '31 Foo 2020' is not a date netkeep can read; kept in the notes" in out
    assert "Imported from LinkedIn: 6 added, 0 updated, 0 skipped, 2 odd values kept as typed" in out
    open_database(db_path)
    assert count() == 6
    assert Contact.get(Contact.full_name == "Carol Ng").notes == "Email, kept as typed: carol@example"


def test_unreadable_records_without_skip_bad_write_nothing_and_explain(capsys, db_path):
    code, _, err = run(capsys, "import", "vcard", str(FIXTURES / "nameless.vcf"))
    assert code == 1
    assert "line 6: this card has no name, company, email or phone" in err
    assert "--skip-bad to import the other 2" in err.splitlines()[-1]
    open_database(db_path)
    assert count() == 0


def test_skip_bad_imports_the_rest_and_reports(capsys, db_path):
    code, out, _ = run(capsys, "import", "vcard", str(FIXTURES / "nameless.vcf"), "--skip-bad")
    assert code == 0
    assert "Imported from vCard: 2 added, 0 updated, 0 skipped, 1 unreadable record left out." in out
    open_database(db_path)
    assert count() == 2


def test_dry_run_previews_updates_and_writes_nothing(capsys, db_path):
    run(capsys, "import", "linkedin", str(FIXTURES / "linkedin_old.csv"))
    open_database(db_path)
    Contact.update(title="Intern").where(Contact.full_name == "Anna Berg").execute()
    code, out, _ = run(
        capsys,
        "import",
        "linkedin",
        str(FIXTURES / "linkedin_old.csv"),
        "--dry-run",
        "--on-duplicate",
        "update",
    )
    assert code == 0
    assert "0 to add, 1 to update, 1 to skip" in out
    assert (
        "update  line 2: Anna Berg → the existing Anna Berg (same email anna@berg.se): "
        "title: 'Intern' → 'Designer'" in out
    )
    assert Contact.get(Contact.full_name == "Anna Berg").title == "Intern"


def test_by_default_an_import_never_overwrites_what_you_wrote(capsys, db_path):
    run(capsys, "import", "linkedin", str(FIXTURES / "linkedin_old.csv"))
    open_database(db_path)
    Contact.update(title="Intern").where(Contact.full_name == "Anna Berg").execute()
    code, out, _ = run(capsys, "import", "linkedin", str(FIXTURES / "linkedin_old.csv"))
    assert code == 0
    assert "0 to add, 0 to update, 2 to skip" in out
    assert "skip    line 2: Anna Berg — nothing new (same email anna@berg.se); title: keeps 'Intern'" in out
    assert Contact.get(Contact.full_name == "Anna Berg").title == "Intern"


@pytest.mark.parametrize(
    "fmt, name, message",
    [
        ("linkedin", "empty.csv", "is empty"),
        ("linkedin", "binary.csv", "binary.csv: this is an image, not a contacts file"),
        ("linkedin", "noise.bin", "is a binary file, not a LinkedIn Connections.csv"),
        ("google", "other_headers.csv", "is not a Google Contacts CSV"),
        ("vcard", "empty.csv", "is empty"),
        (
            "vcard",
            "google_old.csv",
            "looks like a Google Contacts CSV, not a vCard file; import it with 'netkeep import google'",
        ),
        ("backup", "google_old.csv", "is not a netkeep JSON backup"),
    ],
)
def test_bad_files_give_one_line_messages(capsys, fmt, name, message):
    code, out, err = run(capsys, "import", fmt, str(FIXTURES / name))
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_zip_says_to_unzip_it_and_which_file_inside_to_import(capsys, tmp_path):
    archive = tmp_path / "Basic_LinkedInDataExport_03-02-2026.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(FIXTURES / "linkedin_current.csv", "Connections.csv")
        zipped.writestr("Profile.csv", "First Name,Last Name\n")
    code, _, err = run(capsys, "import", "linkedin", str(archive))
    assert code == 1
    assert err == (
        f"netkeep: {archive}: this is a zip archive; unzip it and import Connections.csv inside "
        "with 'netkeep import linkedin'\n"
    )


def test_truncated_vcard_reports_line(capsys):
    code, _, err = run(capsys, "import", "vcard", str(FIXTURES / "cards_truncated.vcf"))
    assert code == 1 and "line 6: this card has no END:VCARD" in err


def test_export_vcard_file_and_folder(capsys, db_path, tmp_path):
    run(capsys, "import", "vcard", str(FIXTURES / "cards_30.vcf"))
    target = tmp_path / "out.vcf"
    code, _, err = run(capsys, "export", "vcard", "-o", str(target), "--vcard-version", "3.0")
    assert code == 0 and "Wrote 2 contacts" in err
    cards = list(vobject.readComponents(target.read_text()))
    assert {c.fn.value for c in cards} == {"Dr. Chidi Okafor", "Yuki Tanaka"}
    assert all(c.version.value == "3.0" for c in cards)
    folder = tmp_path / "vdir"
    folder.mkdir()
    assert run(capsys, "export", "vcard", "-o", str(folder))[0] == 0
    assert len(list(folder.glob("*.vcf"))) == 2


def test_export_csv_is_a_spreadsheet(capsys, db_path, tmp_path):
    open_database(db_path)
    contacts.create_contact(ContactInput(full_name="=HYPERLINK(1)", company="Acme, Inc.", notes="a\nb"))
    target = tmp_path / "contacts.csv"
    assert run(capsys, "export", "csv", "-o", str(target))[0] == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0]["Name"] == "'=HYPERLINK(1)"
    assert (rows[0]["Company"], rows[0]["Notes"]) == ("Acme, Inc.", "a\nb")


def test_export_ics_parses_with_icalendar(capsys, db_path):
    open_database(db_path)
    with pendulum.travel_to(pendulum.datetime(2026, 11, 20, 9), freeze=True):
        jane = contacts.create_contact(
            ContactInput(full_name="Jane, the; Doe", next_follow_up=date(2026, 12, 1), needs="x" * 120)
        )
        late = contacts.create_contact(ContactInput(full_name="Late Larry", next_follow_up=date(2026, 11, 1)))
        contacts.create_contact(ContactInput(full_name="Far Away", next_follow_up=date(2027, 6, 1)))
        with database.atomic():
            Reminder.create(
                contact=jane,
                due_on=date(2026, 12, 5),
                reason="Send the deck, finally",
                created_at=pendulum.now("UTC"),
            )
            Reminder.create(
                contact=jane, due_on=date(2026, 11, 2), reason="Old promise", created_at=pendulum.now("UTC")
            )
            Reminder.create(
                contact=late,
                due_on=date(2026, 12, 6),
                reason="done already",
                created_at=pendulum.now("UTC"),
                done_at=pendulum.now("UTC"),
            )
        code, out, _ = run(capsys, "export", "ics")
        code2, out2, _ = run(capsys, "export", "ics")
    assert code == 0
    calendar = icalendar.Calendar.from_ical(out)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Follow up: Jane, the; Doe",
        "Jane, the; Doe: Send the deck, finally",
        "netkeep: 2 overdue follow-ups",
    }
    assert events["Follow up: Jane, the; Doe"]["DTSTART"].dt == date(2026, 12, 1)
    assert "x" * 120 in str(events["Follow up: Jane, the; Doe"]["DESCRIPTION"])
    overdue = events["netkeep: 2 overdue follow-ups"]
    assert overdue["DTSTART"].dt == date(2026, 11, 20)
    assert str(overdue["DESCRIPTION"]).splitlines() == [
        "2026-11-01: follow up with Late Larry",
        "2026-11-02: Jane, the; Doe: Old promise",
    ]
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(out2).walk("VEVENT")]


def test_json_backup_round_trip_through_the_cli(capsys, tmp_path):
    first = tmp_path / "first.db"
    run(capsys, "--db", str(first), "import", "google", str(FIXTURES / "google_old.csv"))
    target = tmp_path / "backup.json"
    assert run(capsys, "--db", str(first), "export", "json", "-o", str(target))[0] == 0
    code, _, err = run(capsys, "--db", str(first), "import", "backup", str(target))
    assert code == 1 and "not empty" in err
    code, out, _ = run(capsys, "--db", str(tmp_path / "second.db"), "import", "backup", str(target))
    assert code == 0 and out.startswith("Restored 2 contacts")


def test_imported_connections_wait_for_a_first_touch_before_ticklers(capsys, db_path):
    from netkeep.core import agenda, interactions, keep_in_touch
    from netkeep.core.records import InteractionInput

    with pendulum.travel_to(pendulum.datetime(2026, 11, 26, 9), freeze=True):
        code, _, _ = run(capsys, "import", "linkedin", str(FIXTURES / "linkedin_current.csv"))
        assert code == 0
        open_database(db_path)
        assert count() == 6
        # Old connections are not all "overdue" on day one...
        assert Contact.select().where(Contact.next_follow_up.is_null(False)).count() == 0
        assert agenda.agenda().counts.overdue == 0
        keep_in_touch.apply_cadence()
        assert Contact.select().where(Contact.next_follow_up.is_null(False)).count() == 0
        # ...until you are in touch: then the cadence runs from that day.
        first = Contact.select().order_by(Contact.id).first()
        interactions.log_interaction(
            InteractionInput(contact_ids=(first.id,), kind="message", direction="out")
        )
        keep_in_touch.apply_cadence()
        ticking = list(Contact.select().where(Contact.next_follow_up.is_null(False)))
        assert [c.id for c in ticking] == [first.id]
        assert ticking[0].next_follow_up > date(2026, 11, 26)


@pytest.mark.parametrize("fmt", ["json", "vcard", "csv", "ics"])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_onto_the_database_is_refused_and_leaves_it_whole(capsys, tmp_path, fmt, suffix):
    live = tmp_path / "live.db"
    run(capsys, "--db", str(live), "import", "google", str(FIXTURES / "google_old.csv"))
    code, _, err = run(capsys, "--db", str(live), "export", fmt, "-o", str(live) + suffix)
    assert code == 1
    assert err.count("\n") == 1 and "is the netkeep database itself" in err
    assert live.stat().st_size > 0
    code, out, _ = run(capsys, "--db", str(live), "find", "--json")
    assert code == 0 and out.count('"name"') == 2


def test_export_through_a_link_to_the_database_is_refused(capsys, tmp_path):
    live = tmp_path / "live.db"
    run(capsys, "--db", str(live), "import", "google", str(FIXTURES / "google_old.csv"))
    (tmp_path / "alias.json").symlink_to(live)
    size = live.stat().st_size
    code, _, err = run(capsys, "--db", str(live), "export", "json", "-o", str(tmp_path / "alias.json"))
    assert code == 1 and "database itself" in err and live.stat().st_size == size


def test_export_replaces_a_file_whole_and_privately(capsys, db, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    assert run(capsys, "export", "json", "-o", str(target))[0] == 0
    assert target.read_text().startswith("{") and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
