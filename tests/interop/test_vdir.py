"""A vCard folder that mirrors netkeep: what it writes, removes, and never touches."""

from __future__ import annotations

import json
import os

import vobject

from netkeep.core import contacts
from netkeep.core.exports import load_contacts
from netkeep.core.records import ContactInput
from netkeep.interop.vdir import MANIFEST, card_filename, write_vdir
from netkeep.interop.writer import export_to_path

FOREIGN = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nEND:VCARD\r\n"


def active():
    return load_contacts(include_archived=False)


def test_it_mirrors_removing_the_cards_of_deleted_and_archived_contacts_only(db, tmp_path):
    folder = tmp_path / "contacts"
    ids = [contacts.create_contact(ContactInput(full_name=name)) for name in ("Ada", "Bob", "Cy")]
    uids = [contacts.get_card(cid).uid for cid in ids]
    (tmp_path / "contacts").mkdir()
    (folder / "khard-made.vcf").write_bytes(FOREIGN.format(uid="khard-1", name="Dee").encode())
    (folder / "notes.txt").write_text("mine")
    assert write_vdir(active(), folder).written == 3
    assert json.loads((folder / MANIFEST).read_text())["files"] == sorted(card_filename(u) for u in uids)
    contacts.delete_contact(ids[0])
    contacts.set_archived(ids[1])
    result = write_vdir(active(), folder)
    assert (result.written, result.unchanged, result.removed) == (0, 1, 2)
    assert result.note() == "1 unchanged; 2 removed (contacts deleted or archived since)"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [MANIFEST, card_filename(uids[2]), "khard-made.vcf", "notes.txt"]
    )
    assert (folder / "khard-made.vcf").read_bytes() == FOREIGN.format(uid="khard-1", name="Dee").encode()


def test_a_contact_whose_card_another_program_wrote_is_left_to_that_card(db, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    cid = contacts.create_contact(ContactInput(full_name="Eve", uid="from-khard-7"))
    (folder / "abc123.vcf").write_text(FOREIGN.format(uid="from-khard-7", name="Eve"))
    (folder / card_filename("other")).write_text(FOREIGN.format(uid="other-uid", name="Someone"))
    contacts.create_contact(ContactInput(full_name="Otto", uid="other"))
    result = write_vdir(active(), folder)
    assert (result.written, result.left_alone) == (0, 2)
    assert result.note() == "2 left to cards another program wrote there"
    assert not (folder / card_filename("from-khard-7")).exists()
    assert contacts.get_card(cid).uid == "from-khard-7"


def test_cards_an_older_netkeep_wrote_without_a_manifest_are_netkeeps(db, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    old = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//netkeep//netkeep//EN\r\nUID:gone\r\nFN:Gone\r\nEND:VCARD\r\n"
    )
    (folder / "gone.vcf").write_text(old)
    contacts.create_contact(ContactInput(full_name="Stays"))
    assert write_vdir(active(), folder).removed == 1
    assert not (folder / "gone.vcf").exists()


def test_every_card_is_private_written_whole_and_shows_the_linkedin_profile_as_a_url(db, tmp_path):
    folder = tmp_path / "contacts"
    cid = contacts.create_contact(ContactInput(full_name="Li", linkedin_url="https://www.linkedin.com/in/li"))
    write_vdir(active(), folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    card = vobject.readOne((folder / card_filename(contacts.get_card(cid).uid)).read_text())
    assert [u.value for u in card.contents["url"]] == ["https://www.linkedin.com/in/li"]
    before = os.stat(folder / card_filename(contacts.get_card(cid).uid)).st_mtime_ns
    write_vdir(active(), folder)  # unchanged: not written again (a sync tool uploads nothing)
    assert os.stat(folder / card_filename(contacts.get_card(cid).uid)).st_mtime_ns == before


def test_every_export_file_is_created_private(db, tmp_path):
    contacts.create_contact(ContactInput(full_name="Ada"))
    for kind, name in (("vcard", "a.vcf"), ("csv", "a.csv"), ("json", "a.json"), ("ics", "a.ics")):
        exported = export_to_path(kind, str(tmp_path / name))
        assert exported.path.stat().st_mode & 0o777 == 0o600, kind
    exported = export_to_path("vcard", str(tmp_path / "folder") + "/")
    assert exported.folder and exported.items == 1
