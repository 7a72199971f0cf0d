"""Post-meeting reflection: answers, new names as introduced contacts, the summary."""

from __future__ import annotations

import pendulum
import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import contacts, interactions, reflection
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.records import InteractionInput
from netkeep.store.models import Contact, ReflectionAnswer


def test_seven_questions_with_stable_keys():
    assert reflection.QUESTION_KEYS == ("goals", "answers", "picture", "plans", "memorable", "known", "names")
    assert all(q.text.endswith("?") for q in reflection.QUESTIONS)


def test_save_answer_updates_rating_and_note_separately(db):
    mid = meet(person("Jane Doe"))
    reflection.save_answer(mid, "goals", rating="partly")
    reflection.save_answer(mid, "goals", note="  got half of it ")
    reflection.save_answer(mid, "plans", rating="no")
    answers = {a.key: a for a in reflection.answers_for(mid)}
    assert (answers["goals"].rating, answers["goals"].note) == ("partly", "got half of it")
    assert answers["plans"].rating == "no"
    assert answers["names"].rating == "" and answers["names"].note == ""
    assert ReflectionAnswer.select().count() == 2


def test_bad_answers_are_refused(db):
    mid = meet(person("Jane Doe"))
    with pytest.raises(ValidationError):
        reflection.save_answer(mid, "goals", rating="maybe")
    with pytest.raises(ValidationError):
        reflection.save_answer(mid, "mood", rating="yes")
    with pytest.raises(NotFound):
        reflection.save_answer(999, "goals", rating="yes")
    email = interactions.log_interaction(InteractionInput(contact_ids=(person("Bob"),), kind="email"))
    with pytest.raises(ValidationError):
        reflection.save_answer(email, "goals", rating="yes")


def test_new_names_become_contacts_introduced_by_the_meetings_contact(db):
    jane = person("Jane Doe")
    bob = person("Bob Smith")
    meet(bob)
    mid = meet(jane, kind="coffee")
    result = reflection.add_new_names(mid, "Ann Lee @Acme Corp, Bo Chen;\n  Cy  Dee  , bob smith")
    ids = result.created
    assert len(ids) == 3 and result.existing == ("bob smith",)
    assert Contact.select().where(Contact.full_name == "Bob Smith").count() == 1
    for cid in ids:
        card = contacts.get_card(cid)
        assert card.introduced_by_id == jane and card.introduced_by == "Jane Doe"
    assert contacts.get_card(ids[0]).company == "Acme Corp"
    assert [contacts.get_card(i).full_name for i in ids] == ["Ann Lee", "Bo Chen", "Cy Dee"]
    assert reflection.names_from(mid) == [(ids[0], "Ann Lee"), (ids[1], "Bo Chen"), (ids[2], "Cy Dee")]
    names = {a.key: a for a in reflection.answers_for(mid)}["names"]
    assert names.rating == "yes" and names.note == "Ann Lee, Bo Chen, Cy Dee, bob smith"
    reflection.add_new_names(mid, "Di Eve")
    assert {a.key: a for a in reflection.answers_for(mid)}["names"].note.endswith("; Di Eve")


def test_new_names_are_all_or_nothing(db):
    mid = meet(person("Jane Doe"))
    with pytest.raises(ValidationError):
        reflection.add_new_names(mid, "Ann Lee, " + "x" * 300)
    assert Contact.select().count() == 1
    with pytest.raises(ValidationError):
        reflection.add_new_names(mid, " , ;")


def test_summary_counts_goals_names_and_ratings(db):
    jane, bob = person("Jane Doe"), person("Bob Smith")
    with pendulum.travel_to(pendulum.datetime(2026, 3, 10, 12), freeze=True):
        first = meet(jane, when=pendulum.datetime(2026, 3, 1))
        second = meet(bob, when=pendulum.datetime(2026, 3, 5))
        third = meet(jane, when=pendulum.datetime(2026, 3, 8))
        meet(bob, when=pendulum.datetime(2026, 4, 1))  # not yet happened
        reflection.save_answer(first, "goals", rating="yes")
        reflection.save_answer(second, "goals", rating="partly")
        reflection.save_answer(third, "goals", rating="no")
        reflection.save_answer(third, "memorable", rating="yes")
        reflection.add_new_names(second, "Ann Lee, Bo Chen")
        summary = reflection.summary()
    assert summary.meetings == 3 and summary.reflected == 3
    assert summary.goals == {"yes": 1, "partly": 1, "no": 1}
    assert summary.goals_met_share == pytest.approx(0.5)
    assert summary.ratings["memorable"] == {"yes": 1, "partly": 0, "no": 0}
    assert summary.ratings["names"]["yes"] == 1
    assert [(n.contact_name, n.count) for n in summary.names] == [
        ("Jane Doe", 0),
        ("Bob Smith", 2),
        ("Jane Doe", 0),
    ]
    assert summary.names_total == 2 and summary.names_per_meeting == pytest.approx(2 / 3)


def test_summary_of_nothing(db):
    summary = reflection.summary()
    assert summary.meetings == 0 and summary.goals_met_share is None and summary.names_per_meeting == 0
