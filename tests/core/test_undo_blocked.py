"""When a change cannot be undone: a later change depends on it. Undo then explains and changes
nothing; once the later change is undone, the earlier one can be."""

from __future__ import annotations

import pytest

from helpers.people import log, person
from netkeep.core import contacts, history
from netkeep.core.backup_tables import read_all
from netkeep.core.errors import NetkeepError
from netkeep.core.records import ContactInput
from netkeep.interop import dedupe, linkedin


def state() -> dict:
    return {name: table["rows"] for name, table in read_all().items()}


@pytest.fixture
def imported(db, frozen, tmp_path):
    """An import of two people; returns the import's change id."""
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ana,Silva,,ana@example.com,Hooli,CTO,01 Jan 2026\n"
        "Cy,Young,,cy@example.com,Pied Piper,CEO,02 Jan 2026\n",
        encoding="utf-8",
    )
    dedupe.apply(dedupe.plan(linkedin.parse(csv), "update"), file_name=csv.name)
    return history.last_undoable().id


def _ana() -> int:
    return next(row[0] for row in contacts.resolve("Ana Silva"))


def test_undoing_an_import_after_editing_one_of_its_contacts_explains_and_changes_nothing(imported, frozen):
    frozen.travel(minutes=4)
    ana = _ana()
    contacts.update_contact(ana, ContactInput(full_name="Ana Silva", company="Hooli", notes="met at PyCon"))
    before = state()
    count = len(history.recent())
    with pytest.raises(history.UndoBlocked) as error:
        history.undo(imported)
    message = str(error.value)
    assert message == (
        "Can't undo “Imported 2 contacts from Connections.csv”: Ana Silva was changed since, "
        "by “Edited Ana Silva” (2 Mar 10:04); undo that first."
    )
    assert state() == before
    assert len(history.recent()) == count and not history.get(imported).undone

    history.undo(history.last_undoable().id)  # undo the edit first
    history.undo(imported)
    assert not contacts.resolve("Ana Silva")


def test_a_later_change_that_points_at_an_added_row_blocks_too(imported):
    log(_ana(), "call", "first call")  # a timeline entry linked to a contact the import added
    before = state()
    with pytest.raises(history.UndoBlocked, match="Logged a call with Ana Silva"):
        history.undo(imported)
    assert state() == before


def test_a_later_change_that_was_undone_does_not_block(imported):
    ana = _ana()
    contacts.set_archived(ana, True)
    history.undo(history.last_undoable().id)
    history.undo(imported)
    assert not contacts.resolve("Ana Silva")


def test_a_redone_later_change_blocks_again(imported):
    contacts.set_archived(_ana(), True)
    undo = history.undo(history.last_undoable().id)
    history.undo(undo.id)  # the archive is back
    with pytest.raises(history.UndoBlocked, match="Redo: Archived Ana Silva"):
        history.undo(imported)


def test_a_change_already_undone_says_so(db):
    bob = person("Bob Smith")
    change = history.last_undoable()
    history.undo(change.id)
    with pytest.raises(NetkeepError, match="already undone"):
        history.undo(change.id)
    assert not contacts.resolve("Bob Smith") and bob


def test_an_unknown_change_says_so(db):
    with pytest.raises(NetkeepError, match="no change 42"):
        history.undo(42)


def test_ctrl_z_order_skips_undos_and_goes_further_back(db):
    person("Ann Lee")
    person("Bob Smith")
    history.undo(history.last_undoable().id)
    assert history.last_undoable().summary == "Added Ann Lee"
