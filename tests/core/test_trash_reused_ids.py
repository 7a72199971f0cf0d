"""Restoring from the trash when the deleted rows' ids were taken since: SQLite gives a new
row the highest id plus one, so someone added after a delete can take the deleted contact's
id (and a later timeline entry their entries' ids). The trash restores them under fresh ids,
with every reference among the restored rows following them."""

from __future__ import annotations

import pytest

from helpers.people import log, person
from netkeep.core import contacts, history, loops, session, trash
from netkeep.core.backup_tables import read_all
from netkeep.core.records import ContactInput
from netkeep.store.models import Contact, Interaction, InteractionContact, ReferralLoop


def timeline(contact_id: int) -> list[str]:
    rows = (
        Interaction.select(Interaction.summary)
        .join(InteractionContact)
        .where(InteractionContact.contact == contact_id)
        .order_by(Interaction.summary)
    )
    return [row.summary for row in rows]


def introduce(contact_id: int, introducer: int) -> None:
    contacts.update_contact(contact_id, ContactInput(full_name="Carol Reyes", introduced_by_id=introducer))


def named(name: str) -> int:
    return Contact.get(Contact.full_name == name).id


@pytest.fixture
def reused(db, frozen):
    """Carol, introduced by Ana; Ana (with two entries of her own and one with Carol) deleted,
    then Bob added with a coffee: Bob takes Ana's id and his coffee one of her entries' ids."""
    carol = person("Carol Reyes")
    ana = person("Ana Silva", "ana@example.com", notes="met at PyCon")
    introduce(carol, ana)
    with session.writing("Logged a coffee with Carol and Ana"):
        InteractionContact.create(interaction=log(carol, "coffee", "with Carol too"), contact=ana)
    log(ana, "coffee", "talked shop")
    log(ana, "call", "a call about the job")
    contacts.delete_contact(ana)
    delete = history.last_undoable().id
    bob = person("Bob Smith")
    log(bob, "coffee", "Bob's coffee")
    assert bob == ana  # the id was taken
    return {"delete": delete, "old_id": ana, "bob": bob, "carol": carol}


def test_restore_gives_fresh_ids_and_keeps_the_whole_timeline(reused):
    history.undo(reused["delete"])
    ana = named("Ana Silva")
    assert ana != reused["old_id"]
    assert timeline(ana) == ["a call about the job", "talked shop", "with Carol too"]
    assert Contact.get_by_id(ana).notes == "met at PyCon"
    assert contacts.get_card(ana).emails[0].value == "ana@example.com"
    assert Contact.get_by_id(reused["carol"]).introduced_by_id == ana
    assert timeline(reused["bob"]) == ["Bob's coffee"]
    assert Contact.get_by_id(reused["bob"]).full_name == "Bob Smith"
    assert trash.contents() == []


def test_the_history_names_the_restored_contact(reused):
    undo = history.undo(reused["delete"])
    ana = named("Ana Silva")
    assert undo.names == ("Ana Silva",) and undo.contact_ids == (ana,)
    assert history.get(reused["delete"]).names == ("Ana Silva",)


def test_the_restore_can_be_undone_and_redone(reused):
    undo = history.undo(reused["delete"])
    ana = named("Ana Silva")
    before = read_all()
    redo = history.undo(undo.id)  # deleted again
    assert not Contact.get_or_none(Contact.id == ana)
    history.undo(redo.id)  # and back
    assert named("Ana Silva") == ana and timeline(ana) == [
        "a call about the job",
        "talked shop",
        "with Carol too",
    ]
    assert {k: v["rows"] for k, v in read_all().items() if k != "change"} == {
        k: v["rows"] for k, v in before.items() if k != "change"
    }


def test_a_loop_introduced_by_the_deleted_contact_comes_back(db, frozen):
    carol = person("Carol Reyes")
    ana = person("Ana Silva")
    introduce(carol, ana)
    log(carol, "coffee", "first coffee")  # opens a referral loop: Ana introduced Carol
    assert loops.open_loops_query().count() == 1
    contacts.delete_contact(ana)
    delete = history.last_undoable().id
    assert person("Bob Smith") == ana
    history.undo(delete)
    loop = ReferralLoop.get()
    assert (loop.introducer_id, loop.contact_id) == (named("Ana Silva"), carol)


def test_an_earlier_change_to_the_restored_contact_follows_the_fresh_id(reused):
    history.undo(reused["delete"])
    ana = named("Ana Silva")
    contacts.set_archived(ana, True)
    archive = history.last_undoable().id
    history.undo(archive)
    assert not Contact.get_by_id(ana).archived
    assert Contact.get_by_id(reused["bob"]).full_name == "Bob Smith"


def test_each_of_two_contacts_that_held_one_id_keeps_its_own_history(db, frozen):
    zed = person("Zed Alpha")
    add_zed = history.last_undoable().id
    contacts.delete_contact(zed)
    zed_delete = history.last_undoable().id
    ana = person("Ana Silva")
    contacts.set_archived(ana, True)
    archive_ana = history.last_undoable().id
    contacts.delete_contact(ana)
    ana_delete = history.last_undoable().id
    assert zed == ana == person("Bob Smith")  # three people, one id
    history.undo(ana_delete)
    history.undo(zed_delete)
    assert len({named("Zed Alpha"), named("Ana Silva"), named("Bob Smith")}) == 3
    history.undo(archive_ana)
    assert not Contact.get_by_id(named("Ana Silva")).archived
    history.undo(add_zed)
    assert not Contact.get_or_none(Contact.full_name == "Zed Alpha")
    assert {c.full_name for c in Contact.select()} == {"Ana Silva", "Bob Smith"}
