"""The trash: deleted contacts stay restorable for 30 days, then the journal forgets them;
emptying it forgets them now. Deleting an introducer says first what else will change."""

from __future__ import annotations

import pendulum
import pytest

from helpers.people import log, person
from netkeep.core import contacts, history, loops, trash
from netkeep.core.errors import NetkeepError
from netkeep.core.records import ContactInput
from netkeep.store.models import Contact


@pytest.fixture
def deleted(db, frozen):
    """Ana (with a coffee on her timeline) deleted; returns the delete's change id."""
    ana = person("Ana Silva")
    log(ana, "coffee", "talked shop")
    contacts.delete_contact(ana)
    return history.last_undoable().id


def test_the_trash_lists_a_delete_and_undo_restores_it(deleted):
    [item] = trash.contents()
    assert (item.change_id, item.summary) == (deleted, "Deleted Ana Silva")
    assert item.expires_at == pendulum.datetime(2026, 4, 1, 10)
    history.undo(deleted)
    assert contacts.resolve("Ana Silva") and trash.contents() == []


def test_after_30_days_the_journal_forgets_it_and_the_trash_is_empty(deleted, frozen):
    frozen.travel(days=29, hours=23)
    assert history.prune() == 0
    assert [t.change_id for t in trash.contents()] == [deleted]
    frozen.travel(hours=2)
    assert trash.contents() == []  # listed no more once past its day …
    assert history.prune() == 3  # … and forgotten: the add, the log and the delete
    with pytest.raises(NetkeepError, match="no change"):
        history.undo(deleted)
    assert history.recent() == []


def test_emptying_forgets_the_deletes_and_what_wrote_their_rows(deleted):
    bob = person("Bob Smith")
    assert trash.empty() == 1
    assert trash.contents() == []
    assert [e.summary for e in history.recent()] == ["Added Bob Smith"]
    with pytest.raises(NetkeepError, match="no change"):
        history.undo(deleted)
    assert Contact.get_by_id(bob).full_name == "Bob Smith"


def test_deleting_an_introducer_says_what_will_change(db, frozen):
    bob = person("Bob Smith")
    for name in ("Ann Lee", "Cy Young", "Di Prince"):
        person(name, introduced_by_id=bob)
    ann = next(row[0] for row in contacts.resolve("Ann Lee"))
    log(ann, "coffee", "first coffee")  # opens a referral loop with Bob
    log(bob, "note", "a note only about Bob")
    assert trash.delete_effects(bob) == [
        "3 people were introduced by Bob Smith; they will show no introducer.",
        "1 open referral loop will close.",
        "1 timeline entry only with Bob Smith will go.",
    ]
    ann_effects = ["1 open referral loop will close.", "1 timeline entry only with Ann Lee will go."]
    assert trash.delete_effects(ann) == ann_effects
    loops.close_loop(loops.open_loops_query().get().id)
    assert trash.delete_effects(ann) == ann_effects[1:]


def test_restore_puts_back_an_introducer_after_the_one_they_introduced_was_changed(db, frozen):
    bob = person("Bob Smith")
    ann = person("Ann Lee", introduced_by_id=bob)
    contacts.delete_contact(bob)  # clears Ann's "introduced by"
    delete = history.last_undoable().id
    log(ann, "coffee", "catching up")  # changes Ann's row since
    contacts.set_archived(ann, True)
    history.undo(delete)
    restored = Contact.get(Contact.full_name == "Bob Smith").id
    ann_now = Contact.get_by_id(ann)
    assert (ann_now.introduced_by_id, ann_now.archived) == (restored, True)
    assert ann_now.last_contact_at is not None


def test_restore_is_blocked_when_the_cleared_introducer_was_set_again(db, frozen):
    bob = person("Bob Smith")
    ann = person("Ann Lee", introduced_by_id=bob)
    contacts.delete_contact(bob)
    delete = history.last_undoable().id
    cy = person("Cy Young")
    contacts.update_contact(ann, ContactInput(full_name="Ann Lee", introduced_by_id=cy))
    with pytest.raises(history.UndoBlocked, match="Ann Lee was changed since, by “Edited Ann Lee”"):
        history.undo(delete)
    assert Contact.get_by_id(ann).introduced_by_id == cy and not contacts.resolve("Bob Smith")
