"""Undo and redo of each kind of change, asserted on every field of every table: undoing puts
each row back exactly as it was, and undoing the undo (a redo) brings the change back exactly."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest

from helpers.people import log, person
from netkeep.core import (
    agenda,
    capture,
    commitments,
    contacts,
    history,
    jobsearch,
    letters,
    loops,
    meetings,
    merge,
    reminders,
)
from netkeep.core.backup_tables import read_all
from netkeep.core.meetings import MeetingInput
from netkeep.core.records import ContactInput
from netkeep.interop import dedupe, linkedin


def state() -> dict:
    """Every row of every user table, field by field, as stored."""
    return {name: table["rows"] for name, table in read_all().items()}


@pytest.fixture
def network(db, frozen):
    """A few people with a meeting, a reminder, a promise, a loop and two target employers."""
    bob = person("Bob Smith", "bob@example.com", company="Acme")
    ana = person("Ana Silva", "ana@example.com", company="Initech", introduced_by_id=bob, tags=("alumni",))
    meeting = log(ana, "coffee", "talked about data teams")
    reminders.add_reminder(ana, "in 3 days", "send the article")
    commitments.add_commitment("send the deck", contact_id=ana, due="friday")
    jobsearch.add_target("Acme")
    jobsearch.add_target("Initech")
    letters.save_draft(meeting, "Thanks!", "Thank you for the coffee.")
    frozen.travel_to(pendulum.now("UTC").add(hours=1))
    return {"bob": bob, "ana": ana, "meeting": meeting}


def _item(kind: str):
    items = agenda.agenda(day=pendulum.today().add(days=3).date(), limit=50)
    return next(item for name, _ in items.SECTIONS for item in getattr(items, name) if item.kind == kind)


CHANGES: dict[str, tuple[str, Callable]] = {
    "capture": ("add", lambda n: capture.capture_line("Jane Doe jane@stripe.com @Stripe #pycon")),
    "edit": (
        "edit",
        lambda n: contacts.update_contact(
            n["ana"], ContactInput(full_name="Ana Souza", company="Globex", notes="moved to Globex")
        ),
    ),
    "log": ("log", lambda n: log(n["bob"], "call", "caught up")),
    "meeting": (
        "log",
        lambda n: meetings.log_meeting(
            MeetingInput(contact_id=n["bob"], kind="coffee", summary="career chat")
        ),
    ),
    "delete": ("delete", lambda n: contacts.delete_contact(n["ana"])),
    "archive": ("archive", lambda n: contacts.set_archived(n["ana"], True)),
    "merge": ("merge", lambda n: merge.merge_contacts(n["bob"], n["ana"], {"notes": "both"})),
    "done reminder": ("done", lambda n: agenda.complete(_item("reminder"))),
    "done commitment": ("done", lambda n: agenda.complete(_item("commitment"))),
    "snooze reminder": ("snooze", lambda n: agenda.snooze(_item("reminder"), "in 2 weeks")),
    "snooze commitment": ("snooze", lambda n: agenda.snooze(_item("commitment"), "in 2 weeks")),
    "close loop": ("done", lambda n: loops.close_loop(_item("loop").ref_id)),
    "target drop": ("target", lambda n: jobsearch.drop_target(jobsearch.add_target("Acme"))),
    "target re-rank": ("target", lambda n: jobsearch.move_target(jobsearch.add_target("Initech"), -1)),
    "target stage": ("stage", lambda n: jobsearch.set_stage(jobsearch.add_target("Acme"), "applied")),
    "letter sent": ("letter", lambda n: letters.mark_sent(n["meeting"])),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_undo_then_redo_restores_every_field(network, name):
    kind, make = CHANGES[name]
    before = state()
    make(network)
    after = state()
    assert after != before
    change = history.last_undoable()
    assert change is not None and change.kind == kind and change.summary

    undo = history.undo(change.id)
    assert state() == before
    assert undo.summary == f"Undo: {change.summary}" and history.get(change.id).undone

    redo = history.undo(undo.id)
    assert state() == after
    assert redo.summary == f"Redo: {change.summary}"
    history.undo(redo.id)
    assert state() == before


def test_summaries_name_what_was_done(network):
    contacts.set_archived(network["ana"], True)
    assert history.last_undoable().summary == "Archived Ana Silva"
    jane = person("Chris Johnson")
    john = person("Chris Johnston")
    merge.merge_contacts(john, jane)
    entry = history.last_undoable()
    assert entry.summary == "Merged Chris Johnson into Chris Johnston" and entry.kind == "merge"
    assert entry.names == ("Chris Johnston",)


def test_a_change_that_writes_nothing_leaves_no_trace(network):
    count = len(history.recent())
    jobsearch.add_target("Acme")  # already a target: nothing changes
    assert len(history.recent()) == count


def test_a_failed_write_leaves_no_change(network):
    count = len(history.recent())
    with pytest.raises(Exception, match="no contact"):
        contacts.set_archived(9999, True)
    assert len(history.recent()) == count


def test_delete_keeps_everything_it_took_and_undo_brings_it_back(network):
    before = state()
    contacts.delete_contact(network["ana"])
    gone = state()
    assert not gone["interaction"] and not gone["reminder"] and not gone["commitment"]
    assert not any(row[0] == network["ana"] for row in gone["contact"])
    history.undo(history.last_undoable().id)
    assert state() == before


def test_merge_is_undone_into_the_two_contacts_with_their_own_timelines(network):
    bob_call = log(network["bob"], "call", "bob's own call")
    before = state()
    merge.merge_contacts(network["bob"], network["ana"])
    history.undo(history.last_undoable().id)
    assert state() == before
    from netkeep.core.interactions import timeline_for

    assert [e.id for e in timeline_for(network["ana"])] == [network["meeting"]]
    assert [e.id for e in timeline_for(network["bob"])] == [bob_call]


def test_import_is_one_change_that_removes_what_it_added_and_restores_what_it_updated(network, tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ana,Silva,,ana@example.com,Hooli,CTO,01 Jan 2026\n"
        "Cy,Young,,cy@example.com,Pied Piper,CEO,02 Jan 2026\n"
        "Di,Prince,,di@example.com,Themyscira,Envoy,03 Jan 2026\n",
        encoding="utf-8",
    )
    before = state()
    plan = dedupe.plan(linkedin.parse(csv), "update")
    dedupe.apply(plan, file_name=csv.name)
    entry = history.last_undoable()
    assert entry.kind == "import"
    assert entry.summary == "Imported 2 contacts and updated 1 from Connections.csv"
    assert len(history.recent(kinds=("import",))) == 1
    history.undo(entry.id)
    assert state() == before


def test_autosaves_while_typing_are_one_change(network, frozen):
    count = len(history.recent())
    before = state()
    for body in ("Thank", "Thank you", "Thank you so much"):
        letters.save_draft(network["meeting"], "Thanks!", body)
        frozen.travel(minutes=2)
    assert len(history.recent()) == count + 1
    history.undo(history.last_undoable().id)
    assert state() == before
    letters.save_draft(network["meeting"], "Thanks!", "Later")
    frozen.travel(minutes=11)
    letters.save_draft(network["meeting"], "Thanks!", "Much later")
    assert [e.summary for e in history.recent()[:2]] == ["Wrote a thank-you"] * 2
