"""Contacts sync against a plain folder of vCards (no server): each side's change found and
taken, both sides' changes merged, deletes to the trash, and what is left alone."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from helpers.people import person
from netkeep.core import contacts, history, trash
from netkeep.core.exports import load_contacts
from netkeep.core.records import Method
from netkeep.sync.contacts import sync_contacts


def card(uid: str, name: str, *lines: str) -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\n{body}END:VCARD\r\n"


def by_name() -> dict:
    return {c.full_name: c for c in load_contacts()}


def test_first_sync_writes_every_contact_and_a_second_changes_nothing(db, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    ana = person("Ana Silva", "ana@example.com", tags=("alumni",))
    report = sync_contacts(folder)
    assert report.folder.added == 1 and not report.problems
    text = next(folder.glob("*.vcf")).read_text()
    assert "EMAIL;TYPE=work:ana@example.com" in text and "CATEGORIES:alumni" in text
    again = sync_contacts(folder)
    assert (again.folder.added, again.folder.updated, again.netkeep.updated) == (0, 0, 0)
    assert contacts.Contact.get_by_id(ana).full_name == "Ana Silva"


def test_a_card_added_and_edited_in_the_folder_comes_into_netkeep(db, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "p1.vcf").write_text(card("p1", "Bo Chen", "TEL:+14155550100", "X-PHONE-APP:kept"))
    report = sync_contacts(folder)
    assert report.netkeep.added == 1
    bo = by_name()["Bo Chen"]
    assert bo.phones == (("+1 415-555-0100", ""),)
    (folder / "p1.vcf").write_text(card("p1", "Bo Chen", "TEL:+14155550100", "TITLE:CTO", "X-PHONE-APP:kept"))
    assert sync_contacts(folder).netkeep.updated == 1
    assert by_name()["Bo Chen"].title == "CTO"
    # netkeep's edit goes back with the phone's own property kept
    contacts.update_contact(bo.id, replace(by_name()["Bo Chen"].to_input(), notes="met at the fair"))
    assert sync_contacts(folder).folder.updated == 1
    text = (folder / "p1.vcf").read_text()
    assert "NOTE:met at the fair" in text and "X-PHONE-APP:kept" in text and "TITLE:CTO" in text


def synced_pair(tmp_path: Path) -> tuple[Path, int, Path]:
    """A folder synced once with Ana Silva in it: (folder, her id, her card)."""
    folder = tmp_path / "contacts"
    folder.mkdir()
    ana = person("Ana Silva", "ana@example.com", title="Engineer")
    sync_contacts(folder)
    return folder, ana, next(folder.glob("*.vcf"))


def edit_card(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def edit_here(contact_id: int, **fields) -> None:
    current = next(c for c in load_contacts() if c.id == contact_id).to_input()
    contacts.update_contact(contact_id, replace(current, **fields))


def test_different_fields_edited_on_each_side_are_both_kept(db, tmp_path):
    folder, ana, path = synced_pair(tmp_path)
    edit_card(path, "TITLE:Engineer", "TITLE:Staff Engineer")
    edit_here(ana, location="Lisbon")
    report = sync_contacts(folder)
    assert report.conflicts == []
    now = by_name()["Ana Silva"]
    assert (now.title, now.location) == ("Staff Engineer", "Lisbon")
    text = path.read_text()
    assert "TITLE:Staff Engineer" in text and "Lisbon" in text


def test_one_field_edited_on_both_sides_is_a_listed_undoable_conflict(db, tmp_path):
    folder, ana, path = synced_pair(tmp_path)
    emails = (Method("email", "ana@example.com", "work"), Method("email", "a@home.org", "home"))
    edit_here(ana, title="Manager", emails=emails)
    edit_card(path, "TITLE:Engineer", "TITLE:Director\r\nEMAIL:ana@phone.net")
    later = time.time() + 60
    os.utime(path, (later, later))
    report = sync_contacts(folder)
    assert len(report.conflicts) == 1 and "title" in report.conflicts[0] and "emails" in report.conflicts[0]
    now = by_name()["Ana Silva"]
    assert now.title == "Director"  # the card was written after netkeep's edit: the newer
    assert {e for e, _ in now.emails} == {"ana@example.com", "a@home.org", "ana@phone.net"}
    entry = history.recent(1)[0]
    assert entry.kind == "sync" and entry.summary.startswith(
        "Sync conflict, Ana Silva: changed on both sides"
    )
    history.undo(entry.id)
    assert by_name()["Ana Silva"].title == "Manager"
    sync_contacts(folder)  # the undo travels to the folder
    assert "TITLE:Manager" in path.read_text()


def test_deleted_in_the_folder_goes_to_the_trash_and_deleted_here_leaves_the_folder(db, tmp_path):
    folder, ana, path = synced_pair(tmp_path)
    bo = person("Bo Chen")
    sync_contacts(folder)
    path.unlink()
    contacts.delete_contact(bo)
    report = sync_contacts(folder)
    assert (report.netkeep.deleted, report.folder.deleted) == (1, 1)
    assert list(folder.glob("*.vcf")) == [] and by_name() == {}
    assert trash.contents()[0].summary.startswith("Deleted Ana Silva")
    history.undo(trash.contents()[0].change_id)  # restored from the trash: back in the folder
    assert sync_contacts(folder).folder.added == 1


def test_cards_netkeep_cannot_take_are_reported_and_left_alone(db, tmp_path):
    folder, ana, path = synced_pair(tmp_path)
    (folder / "nouid.vcf").write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:No Uid\r\nEND:VCARD\r\n")
    (folder / "latin1.vcf").write_bytes(card("l1", "Jos\xe9").encode("latin-1"))
    (folder / "twin1.vcf").write_text(card("twin", "Twin One"))
    (folder / "twin2.vcf").write_text(card("twin", "Twin Two"))
    photo = "PHOTO:data:image/jpeg;base64," + "A" * 5_000_000
    (folder / "photo.vcf").write_text(card("big", "Big Photo", photo))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    report = sync_contacts(folder)
    assert len(report.problems) == 4, report.problems
    assert all("\n" not in line for line in report.lines())
    assert set(by_name()) == {"Ana Silva"}
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".vcf"} == {
        k: v for k, v in before.items() if k.endswith(".vcf")
    }
    (folder / "twin2.vcf").unlink()
    assert sync_contacts(folder).netkeep.added == 1  # the next sync works
    assert "Twin One" in by_name()


def test_a_folder_that_is_missing_or_not_a_folder_is_one_line_and_nothing_changes(db, tmp_path):
    person("Ana Silva")
    for path in (tmp_path / "nowhere", tmp_path / "netkeep.db"):
        report = sync_contacts(path)
        assert report.failed and len(report.lines()) == 1
    assert history.recent(5)[0].summary == "Added Ana Silva"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only folder anyway")
def test_a_read_only_folder_is_one_line(db, tmp_path):
    person("Ana Silva")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        report = sync_contacts(locked)
        assert report.failed and len(report.lines()) == 1
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
