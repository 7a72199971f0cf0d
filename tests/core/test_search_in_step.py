"""The search index stays in step with every write, undo and redo included."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest

from helpers.people import log, person
from netkeep.core import capture, contacts, history, interactions, meetings, merge
from netkeep.core.meetings import MeetingInput
from netkeep.core.records import ContactInput, Method
from netkeep.interop import dedupe, linkedin
from netkeep.store.models import database


def assert_in_step() -> None:
    """The index holds exactly each contact's text as it is now, and its own check passes."""
    indexed = database.execute_sql("SELECT rowid, name, company, card, said FROM search ORDER BY rowid")
    source = database.execute_sql("SELECT id, name, company, card, said FROM search_source ORDER BY id")
    assert indexed.fetchall() == source.fetchall()
    database.execute_sql("INSERT INTO search (search) VALUES ('integrity-check')")


def found(text: str) -> list[str]:
    return [contacts.get_card(i).full_name for i in contacts.search(text)]


@pytest.fixture
def network(db, frozen):
    bob = person("Bob Smith", "bob@example.com", company="Acme", phones=(Method("phone", "555 0100"),))
    ana = person("Ana Silva", "ana@example.com", company="Initech", tags=("alumni",), notes="rust")
    log(ana, "coffee", "talked about data teams")
    frozen.travel_to(pendulum.now("UTC").add(hours=1))
    return {"bob": bob, "ana": ana}


def _import(tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ana,Silva,,ana@example.com,Hooli,CTO,01 Jan 2026\n"
        "Cy,Young,,cy@example.com,Pied Piper,CEO,02 Jan 2026\n",
        encoding="utf-8",
    )
    dedupe.apply(dedupe.plan(linkedin.parse(csv), "update"), file_name=csv.name)


CHANGES: dict[str, tuple[Callable, str, list[str]]] = {
    "capture": (
        lambda n, _: capture.capture_line("Jane Doe jane@stripe.com @Stripe #pycon"),
        "stripe",
        ["Jane Doe"],
    ),
    "edit": (
        lambda n, _: contacts.update_contact(n["ana"], ContactInput(full_name="Ana Souza", company="Globex")),
        "souza globex",
        ["Ana Souza"],
    ),
    "log": (lambda n, _: log(n["bob"], "call", "caught up on kayaking"), "kayak", ["Bob Smith"]),
    "meeting": (
        lambda n, _: meetings.log_meeting(MeetingInput(contact_id=n["bob"], points="sailing", advice="hire")),
        "sailing hire",
        ["Bob Smith"],
    ),
    "merge": (
        lambda n, _: merge.merge_contacts(n["bob"], n["ana"], {"notes": "both"}),
        "rust data",
        ["Bob Smith"],
    ),
    "delete": (lambda n, _: contacts.delete_contact(n["ana"]), "initech", []),
    "delete interaction": (
        lambda n, _: interactions.delete_interaction(interactions.timeline_for(n["ana"])[0].id),
        "data teams",
        [],
    ),
    "import": (lambda n, tmp_path: _import(tmp_path), "hooli piper", []),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_every_write_undo_and_redo_keeps_the_index_in_step(network, tmp_path, name):
    make, text, after = CHANGES[name]
    before = found(text)
    make(network, tmp_path)
    assert_in_step()
    if name == "import":
        assert found("hooli") == ["Ana Silva"] and found("pied piper") == ["Cy Young"]
    else:
        assert found(text) == after
    undo = history.undo(history.last_undoable().id)
    assert_in_step()
    assert found(text) == before
    history.undo(undo.id)
    assert_in_step()
    if name != "import":
        assert found(text) == after


def test_a_phone_changed_is_found_by_its_new_digits(network):
    card = contacts.get_card(network["bob"])
    assert found("5550100") == ["Bob Smith"]
    contacts.update_contact(
        network["bob"], ContactInput(full_name=card.full_name, phones=(Method("phone", "(212) 555-0199"),))
    )
    assert found("5550100") == [] and found("2125550199") == ["Bob Smith"]
    assert_in_step()


def test_a_contact_restored_under_a_fresh_id_is_found_and_so_is_who_took_her_id(db, frozen):
    ana = person("Ana Silva", notes="met at PyCon")
    log(ana, "call", "a call about kayaks")
    contacts.delete_contact(ana)
    delete = history.last_undoable().id
    bob = person("Bob Smith")
    log(bob, "coffee", "talked sailing")
    assert bob == ana  # the id was taken
    history.undo(delete)
    assert_in_step()
    assert found("pycon kayak") == ["Ana Silva"] and found("sailing") == ["Bob Smith"]
