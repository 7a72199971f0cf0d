"""Logging meetings, listing them, commitments and the "thank-you due" agenda items."""

from __future__ import annotations

import pendulum
import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import interactions, letters, meetings
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.meetings import CommitmentInput, MeetingInput
from netkeep.core.records import InteractionInput
from netkeep.core.thanks_due import thanks_due
from netkeep.store.models import Commitment, Interaction


def thank_you_due(day):
    """Every meeting waiting for a thank-you on ``day``."""
    return thanks_due(day, limit=None)[0]


def test_log_meeting_keeps_every_field_and_commitments(db):
    jane = person("Jane Doe")
    when = pendulum.datetime(2026, 3, 4, 15, 0)
    with pendulum.travel_to(when, freeze=True):
        mid = meet(
            jane,
            when=when,
            kind="informational interview",
            location="Blue Bottle, SF",
            summary="Talked payments.",
            points="- payments infra\n2. hiring in Q2",
            advice="Tailor the resume",
            resume_advice=True,
            commitments=[
                CommitmentInput("send portfolio", due_on=pendulum.date(2026, 3, 6)),
                CommitmentInput("intro to recruiter", owner="them"),
                CommitmentInput("   "),
            ],
        )
    meeting = meetings.get_meeting(mid)
    assert meeting.contact_name == "Jane Doe"
    assert meeting.kind == "informational interview"
    assert meeting.occurred_at == when
    assert meeting.location == "Blue Bottle, SF"
    assert meeting.point_list == ["payments infra", "hiring in Q2"]
    assert meeting.resume_advice is True
    assert [(c.owner, c.text) for c in meeting.commitments] == [
        ("me", "send portfolio"),
        ("them", "intro to recruiter"),
    ]
    assert meeting.commitments[0].due_on == pendulum.date(2026, 3, 6)
    assert Commitment.select().where(Commitment.contact == jane).count() == 2
    assert interactions.timeline_for(jane)[0].id == mid


def test_list_and_latest_meeting_skip_other_kinds(db):
    jane = person("Jane Doe")
    assert meetings.latest_meeting(jane) is None
    first = meet(jane, when=pendulum.datetime(2026, 1, 5), kind="coffee")
    second = meet(jane, when=pendulum.datetime(2026, 2, 5), kind="call")
    interactions.log_interaction(
        InteractionInput(contact_ids=(jane,), kind="email", occurred_at=pendulum.datetime(2026, 3, 1))
    )
    assert [m.id for m in meetings.list_meetings(jane)] == [second, first]
    assert meetings.latest_meeting(jane).id == second


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"kind": "email"}, "kind"),
        ({"location": "x\ny"}, "location"),
        ({"points": "x" * 100_001}, "points"),
        ({"commitments": (CommitmentInput("a", owner="nobody"),)}, "commitments"),
    ],
)
def test_bad_meeting_input_saves_nothing(db, fields, bad):
    jane = person("Jane Doe")
    with pytest.raises(ValidationError) as info:
        meetings.log_meeting(MeetingInput(contact_id=jane, **fields))
    assert bad in info.value.errors
    assert Interaction.select().count() == 0


def test_meeting_with_unknown_contact_is_not_found(db):
    with pytest.raises(NotFound):
        meetings.log_meeting(MeetingInput(contact_id=999))
    assert Interaction.select().count() == 0


def test_thank_you_due_until_sent(db):
    jane, bob = person("Jane Doe"), person("Bob Smith")
    with pendulum.travel_to(pendulum.datetime(2026, 3, 4, 12), freeze=True):
        mid = meet(jane, kind="coffee")
        meet(bob, when=pendulum.datetime(2026, 1, 1), kind="call")  # too old to nag about
        due = thank_you_due(pendulum.date(2026, 3, 4))
        assert [(d.contact_name, d.due_on, d.overdue) for d in due] == [
            ("Jane Doe", pendulum.date(2026, 3, 5), False)
        ]
        assert thank_you_due(pendulum.date(2026, 3, 6))[0].overdue is True
        letters.save_draft(mid, "Thanks", "Hi Jane", "warm")
        assert thank_you_due(pendulum.date(2026, 3, 4))[0].has_draft is True
        letters.mark_sent(mid)
    assert thank_you_due(pendulum.date(2026, 3, 5)) == []


def test_thank_you_logged_by_hand_also_counts(db):
    jane = person("Jane Doe")
    meet(jane, when=pendulum.datetime(2026, 3, 4, 10))
    assert len(thank_you_due(pendulum.date(2026, 3, 4))) == 1
    interactions.log_interaction(
        InteractionInput(contact_ids=(jane,), kind="thank-you", occurred_at=pendulum.datetime(2026, 3, 4, 18))
    )
    assert thank_you_due(pendulum.date(2026, 3, 5)) == []


def test_future_meetings_are_not_due_yet(db):
    jane = person("Jane Doe")
    meet(jane, when=pendulum.datetime(2026, 3, 10, 10))
    assert thank_you_due(pendulum.date(2026, 3, 4)) == []


def test_commitment_due_in_the_past_saves_nothing(db):
    jane = person("Jane Doe")
    with pytest.raises(ValidationError) as info:
        meet(jane, commitments=[CommitmentInput("send deck", due_on=pendulum.date(2020, 1, 1))])
    assert "due" in info.value.errors
    assert Interaction.select().count() == 0 and Commitment.select().count() == 0


def test_split_items_strips_bullets():
    assert meetings.split_items("- a\n* b\n• c\n3) d\n10. e\n\n  f  ") == ["a", "b", "c", "d", "e", "f"]
