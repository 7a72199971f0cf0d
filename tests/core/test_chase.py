"""Replies they owe, chased by the 3B7 rule: someone else there after 3 business days, a
follow-up after 7, weekends skipped, ended by anything logged with them."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from helpers.people import log, person
from netkeep.core import agenda, chase
from netkeep.core.errors import ValidationError
from netkeep.store.models import Chase

ONE_DAY = timedelta(days=1)


def at(day: int, month: int = 3):
    return pendulum.datetime(2026, month, day, 10)


def chased(kind: str) -> list[tuple[str, str]]:
    return [(i.contact_name, i.text) for i in agenda.agenda().chase if i.kind == kind]


def test_business_days_skip_weekends():
    friday = date(2026, 3, 6)
    assert chase.add_business_days(friday, 1) == date(2026, 3, 9)
    assert chase.add_business_days(friday, 3) == date(2026, 3, 11)
    assert chase.add_business_days(date(2026, 3, 2), 7) == date(2026, 3, 11)
    for day in (date(2026, 3, d) for d in range(1, 31)):
        for count in (1, 3, 7, 12):
            start = chase.latest_start(day, count)
            assert (
                chase.add_business_days(start, count) <= day < chase.add_business_days(start + ONE_DAY, count)
            )


def test_three_business_days_then_someone_else_there_seven_then_a_follow_up(db, frozen):
    jane = person("Jane Roe", company="Stripe")
    person("Bob Smith", company="Stripe")
    log(jane, "email", "asked about the platform team", direction="out", awaiting_reply=True)
    frozen.travel_to(at(4))  # Wednesday: 2 business days
    assert agenda.agenda().chase == ()
    frozen.travel_to(at(5))  # Thursday: 3
    [item] = agenda.agenda().chase
    assert (item.kind, item.contact_name, item.other_name) == ("chase-other", "Bob Smith", "Jane Roe")
    assert item.text == "also at Stripe: Jane Roe has not replied to your email of 2 Mar — reach out here too"
    frozen.travel_to(at(10))  # Tuesday after: 6
    assert chased("chase") == []
    frozen.travel_to(at(11))  # Wednesday: 7
    assert chased("chase") == [("Jane Roe", "no reply to your email of 2 Mar — send a polite follow-up")]
    [follow] = [i for i in agenda.agenda().chase if i.kind == "chase"]
    assert follow.note.startswith("Hi Jane, I wanted to follow up on my note of 2 March")
    assert "2 to chase" in agenda.header_text(agenda.agenda().counts)


def test_an_outreach_on_a_friday_waits_over_the_weekend(db, frozen):
    frozen.travel_to(at(6))
    jane = person("Jane Roe", company="Stripe")
    log(jane, "message", "hello", direction="out", awaiting_reply=True)
    frozen.travel_to(at(10))  # Tuesday: Mon and Tue are 2 business days
    assert agenda.agenda().chase == ()
    frozen.travel_to(at(11))
    assert chased("chase-other") == [
        ("Jane Roe", "no reply to your message of 6 Mar — reach someone else at Stripe")
    ]


def test_any_interaction_with_them_ends_the_chase(db, frozen):
    jane = person("Jane Roe", company="Stripe")
    log(jane, "email", "asked about the role", direction="out", awaiting_reply=True)
    frozen.travel_to(at(12))
    assert len(agenda.agenda().chase) == 2
    reply = log(jane, "email", "happy to talk", direction="in")
    assert agenda.agenda().chase == ()
    assert Chase.get().ended_by_id == reply


def test_no_company_means_no_other_person_but_the_follow_up_still_comes(db, frozen):
    ana = person("Ana Silva")
    log(ana, "email", "hello", direction="out", awaiting_reply=True)
    frozen.travel_to(at(5))
    assert agenda.agenda().chase == ()
    frozen.travel_to(at(11))
    assert [i.kind for i in agenda.agenda().chase] == ["chase"]


def test_done_on_each_step_and_snooze(db, frozen):
    jane = person("Jane Roe", company="Stripe")
    log(jane, "email", "hello", direction="out", awaiting_reply=True)
    frozen.travel_to(at(12))
    steps = {i.kind: i for i in agenda.agenda().chase}
    agenda.complete(steps["chase-other"])
    assert [i.kind for i in agenda.agenda().chase] == ["chase"]
    agenda.snooze(steps["chase"], "monday")
    assert agenda.agenda().chase == ()
    frozen.travel_to(at(16))
    agenda.complete(agenda.agenda().chase[0])
    assert agenda.agenda().chase == () and Chase.get().ended_at is not None


def test_the_day_counts_come_from_the_config_file(db, frozen, tmp_path):
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text("[chase]\nother-person = 1\nfollow-up = 2\nsoon = 3\n")
    assert chase.chase_days()[0] == (1, 2)
    assert chase.chase_days()[1] == ("[chase] soon: unknown key (use other-person or follow-up)",)
    jane = person("Jane Roe")
    log(jane, "email", "hello", direction="out", awaiting_reply=True)
    frozen.travel_to(at(4))
    assert [i.kind for i in agenda.agenda().chase] == ["chase"]
    assert chase.chase_days({"follow-up": 0})[1][0].startswith("[chase] follow-up: 0 is not a number")


def test_awaiting_a_reply_to_something_they_sent_is_refused(db, frozen):
    jane = person("Jane Roe")
    with pytest.raises(ValidationError) as error:
        log(jane, "email", "their question", direction="in", awaiting_reply=True)
    assert "awaiting_reply" in error.value.errors
    assert Chase.select().count() == 0


def test_someone_else_there_is_the_one_spoken_to_lately_and_never_someone_being_chased(db, frozen):
    jane, bob = person("Jane Roe", company="Stripe"), person("Bob Smith", company="Stripe")
    ann = person("Ann Lee", company="Stripe")
    log(ann, "coffee", "catch-up")
    log(jane, "email", "hello", direction="out", awaiting_reply=True)
    log(bob, "email", "hello", direction="out", awaiting_reply=True)
    frozen.travel_to(at(5))
    assert {(i.other_name, i.contact_name) for i in agenda.agenda().chase} == {
        ("Jane Roe", "Ann Lee"),
        ("Bob Smith", "Ann Lee"),
    }
    log(ann, "email", "hello", direction="out", awaiting_reply=True)
    assert [i.text for i in agenda.agenda().chase if i.contact_name == "Ann Lee"] == []
    assert chased("chase-other")[0] == (
        "Jane Roe",
        "no reply to your email of 2 Mar — reach someone else at Stripe",
    )
