"""One conversation, several people: one entry on each timeline, each cadence reset, a
thank-you per person of a meeting, names read from "Li Wei, Jane Roe", and undo for all."""

from __future__ import annotations

import pendulum
import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import history, interactions, letters, thanks_due
from netkeep.core.contacts import get_card
from netkeep.core.errors import ValidationError
from netkeep.core.participants import resolve_people
from netkeep.core.records import InteractionInput
from netkeep.store.models import Interaction, ThankYouDraft


def test_one_log_with_two_people_is_on_each_timeline_and_resets_each_cadence(db, frozen):
    li, jane = person("Li Wei"), person("Jane Roe", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 1, 10))
    logged = interactions.log_interaction(
        InteractionInput(contact_ids=(li, jane), kind="call", summary="Three-way call about the role")
    )
    for contact_id, cadence in ((li, 60), (jane, 30)):
        assert [e.id for e in interactions.timeline_for(contact_id)] == [logged]
        card = get_card(contact_id)
        assert card.last_contact_at.date().isoformat() == "2026-04-01"
        assert card.next_follow_up == pendulum.date(2026, 4, 1).add(days=cadence)
    assert interactions.get_interaction(logged).contacts == ((li, "Li Wei"), (jane, "Jane Roe"))


def test_the_same_person_twice_is_refused_and_nothing_is_saved(db):
    li = person("Li Wei")
    with pytest.raises(ValidationError, match="Li Wei is named twice"):
        interactions.log_interaction(InteractionInput(contact_ids=(li, li), summary="hello"))
    assert Interaction.select().count() == 0


def test_names_separated_by_commas_are_read_in_order(db):
    li, jane = person("Li Wei"), person("Jane Roe")
    person("Jane Rowe")
    assert resolve_people("Li Wei, Jane Roe") == (li, jane)
    assert resolve_people(" jane roe ;li wei, ") == (jane, li)


def test_an_unknown_or_unclear_name_among_several_is_named_in_one_line(db):
    person("Li Wei")
    person("Jane Roe")
    person("Jane Rowe")
    with pytest.raises(ValidationError) as unknown:
        resolve_people("Li Wei, Nobody Known")
    assert unknown.value.errors == {"who": "No contact is called 'Nobody Known'; add them first."}
    with pytest.raises(ValidationError) as unclear:
        resolve_people("Li Wei, Jane")
    assert unclear.value.errors["who"].startswith("'Jane' could be Jane Roe, Jane Rowe")
    with pytest.raises(ValidationError, match="Li Wei is named twice"):
        resolve_people("Li Wei, li wei")
    with pytest.raises(ValidationError, match="Who was it with"):
        resolve_people(" , ")


def test_a_name_with_a_comma_in_it_is_one_person(db):
    acme = person("Acme, Inc.")
    assert resolve_people("Acme, Inc.") == (acme,)
    jane = person("Jane Roe")
    assert resolve_people("Jane Roe", {"Jane Roe": jane}) == (jane,)


def test_a_meeting_with_two_people_makes_two_thank_yous_each_with_its_own_draft(db, frozen):
    li, jane = person("Li Wei"), person("Jane Roe")
    meeting = meet(li, with_ids=(jane,), kind="coffee", points="- payments\n- hiring")
    due, total = thanks_due.thanks_due(pendulum.today().date(), limit=None)
    assert total == 2 and {(t.interaction_id, t.contact_name) for t in due} == {
        (meeting, "Li Wei"),
        (meeting, "Jane Roe"),
    }
    for contact_id, first in ((li, "Li"), (jane, "Jane")):
        composed = letters.compose(meeting, contact_id=contact_id)
        assert first in composed.body
        letters.save_draft(meeting, composed.subject, composed.body, contact_id=contact_id)
    assert ThankYouDraft.select().count() == 2
    assert "Jane" in letters.get_draft(meeting, jane).body and "Li" in letters.get_draft(meeting, li).body
    letters.mark_sent(meeting, jane)
    due, total = thanks_due.thanks_due(pendulum.today().date(), limit=None)
    assert [t.contact_name for t in due] == ["Li Wei"] and total == 1
    assert [e.kind for e in interactions.timeline_for(jane)] == ["thank-you", "coffee"]
    assert [e.kind for e in interactions.timeline_for(li)] == ["coffee"]


def test_undo_takes_the_shared_entry_off_every_timeline(db, frozen):
    li, jane = person("Li Wei"), person("Jane Roe")
    before = {c: get_card(c).next_follow_up for c in (li, jane)}
    frozen.travel_to(pendulum.datetime(2026, 4, 1, 10))
    interactions.log_interaction(InteractionInput(contact_ids=(li, jane), kind="coffee"))
    last = history.last_undoable()
    assert last is not None and last.summary == "Logged a coffee with Li Wei and Jane Roe"
    history.undo(last.id)
    assert interactions.timeline_for(li) == [] and interactions.timeline_for(jane) == []
    assert {c: get_card(c).next_follow_up for c in (li, jane)} == before
