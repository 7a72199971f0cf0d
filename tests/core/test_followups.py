"""Follow-ups: reminders, snoozes, marking done, owed replies, referral loops, commitments,
intros, and the helpers suggested for a contact's needs."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from helpers.agenda import keys
from helpers.people import log, person
from netkeep.core import agenda, commitments, interactions, intros, loops, needs, reminders
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.store.models import Contact, Interaction, ReferralLoop, Reminder


def test_reminder_with_natural_date_and_snooze(db, frozen):
    jane = person("Jane Doe")
    rid = reminders.add_reminder(jane, "friday", "ask about the referral")
    week = agenda.agenda().this_week
    assert [(i.key, i.text, i.due_on) for i in week] == [
        (f"reminder-{rid}", "ask about the referral", date(2026, 3, 6))
    ]
    frozen.travel_to(pendulum.datetime(2026, 3, 6, 9))
    item = agenda.agenda().today[0]
    assert agenda.snooze(item, "in 1 week") == date(2026, 3, 13)
    now = agenda.agenda()
    assert now.today == () and keys(now.this_week) == [f"reminder-{rid}"]
    assert now.this_week[0].due_on == date(2026, 3, 13)


def test_snoozing_to_the_past_is_refused_and_changes_nothing(db, frozen):
    jane = person("Jane Doe")
    rid = reminders.add_reminder(jane, "today", "send the article")
    item = agenda.agenda().today[0]
    for when in ("yesterday", "2026-01-01", "3 days ago"):
        with pytest.raises(ValidationError, match="in the past"):
            agenda.snooze(item, when)
    with pytest.raises(ValidationError, match="not a date"):
        agenda.snooze(item, "someday soon")
    assert Reminder.get_by_id(rid).due_on == date(2026, 3, 2)
    with pytest.raises(ValidationError, match="in the past"):
        reminders.add_reminder(jane, "yesterday", "too late")
    assert Reminder.select().count() == 1


def test_snoozing_a_follow_up_moves_it_until_the_next_interaction(db, frozen):
    jane = person("Jane Doe", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    item = agenda.agenda().overdue[0]
    agenda.snooze(item, "tomorrow")
    moved = agenda.agenda()
    assert moved.overdue == () and moved.this_week[0].due_on == date(2026, 4, 3)
    log(jane)
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 2)


def test_marking_done_can_log_the_interaction_in_the_same_step(db, frozen):
    jane = person("Jane Doe")
    reminders.add_reminder(jane, "today", "send the article")
    item = agenda.agenda().today[0]
    logged = agenda.complete(item, agenda.log_input(item, "sent the article"))
    assert agenda.agenda().today == ()
    entry = interactions.get_interaction(logged)
    assert (entry.summary, entry.direction, entry.contacts) == (
        "sent the article",
        "out",
        ((jane, "Jane Doe"),),
    )


def test_a_failed_log_leaves_the_item_open(db, frozen):
    jane = person("Jane Doe")
    reminders.add_reminder(jane, "today", "send the article")
    item = agenda.agenda().today[0]
    with pytest.raises(ValidationError):
        agenda.complete(item, agenda.log_input(item, "x", kind="carrier pigeon"))
    assert keys(agenda.agenda().today) == [item.key]


def test_follow_up_done_without_logging_waits_one_cadence(db, frozen):
    jane = person("Jane Doe", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    agenda.complete(agenda.agenda().overdue[0])
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 2)


def test_an_owed_reply_disappears_when_answered(db, frozen):
    jane = person("Jane Doe")
    owed = log(jane, "email", "can you look at my resume?", direction="in", reply_owed=True)
    log(jane, "note", "thinking about what to say")
    assert keys(agenda.agenda().replies) == [f"reply-{owed}"]
    frozen.travel_to(pendulum.datetime(2026, 3, 4, 9))
    reply = log(jane, "email", "sure, comments attached", direction="out")
    assert agenda.agenda().replies == ()
    assert Interaction.get_by_id(owed).replied_by_id == reply


def test_a_reply_to_someone_else_does_not_answer(db, frozen):
    jane, sam = person("Jane Doe"), person("Sam Lee")
    log(jane, "email", "question", direction="in", reply_owed=True)
    log(sam, "email", "hello", direction="out")
    assert len(agenda.agenda().replies) == 1


def test_referral_loop_opens_after_first_meeting_and_closes_after_thanks(db, frozen):
    bob = person("Bob Smith")
    jane = person("Jane Doe", introduced_by_id=bob)
    log(jane, "note", "found her email")
    assert agenda.agenda().loops == ()
    log(jane, "coffee", "payments infra")
    [loop] = agenda.agenda().loops
    assert (loop.contact_id, loop.other_id) == (bob, jane)
    assert (loop.contact_name, loop.text) == (
        "Bob Smith",
        "thank them for the intro to Jane Doe and tell them how it went",
    )
    log(jane, "email", "follow-up", direction="out")
    assert ReferralLoop.select().count() == 1
    log(bob, "email", "quick question about something else", direction="out")
    assert len(agenda.agenda().loops) == 1
    thanks = log(bob, "thank-you", "Thanks for putting me in touch with Jane!", direction="out")
    assert agenda.agenda().loops == ()
    assert ReferralLoop.get().closed_by_id == thanks


def test_close_loop_explicitly_needs_the_introducer(db, frozen):
    bob, sam = person("Bob Smith"), person("Sam Lee")
    jane = person("Jane Doe", introduced_by_id=bob)
    log(jane, "coffee")
    [item] = agenda.agenda().loops
    other = log(sam, "call", "unrelated")
    with pytest.raises(ValidationError, match="introducer"):
        loops.close_loop(item.ref_id, other)
    assert len(agenda.agenda().loops) == 1
    agenda.complete(item, agenda.log_input(item, "told him it went well"))
    assert agenda.agenda().loops == ()


def test_commitments_mine_and_theirs(db, frozen):
    jane = person("Jane Doe")
    meeting = log(jane, "coffee")
    mine = commitments.add_commitment("send my portfolio", interaction_id=meeting, due="friday")
    theirs = commitments.add_commitment("intro me to her manager", owner="them", contact_id=jane)
    items = agenda.agenda().commitments
    assert [(i.ref_id, i.owner, i.due_on) for i in items] == [
        (mine, "me", date(2026, 3, 6)),
        (theirs, "them", None),
    ]
    assert [c.id for c in commitments.open_commitments(jane)] == [mine, theirs]
    agenda.complete(items[0])
    assert [i.ref_id for i in agenda.agenda().commitments] == [theirs]


def test_bad_commitments_and_intros_are_refused(db, frozen):
    jane = person("Jane Doe")
    with pytest.raises(ValidationError):
        commitments.add_commitment("   ", contact_id=jane)
    with pytest.raises(ValidationError):
        commitments.add_commitment("x", owner="someone", contact_id=jane)
    with pytest.raises(ValidationError, match="in the past"):
        commitments.add_commitment("x", contact_id=jane, due="yesterday")
    with pytest.raises(ValidationError):
        intros.offer_intro(jane, jane)
    assert agenda.agenda().empty
    assert commitments.open_commitments(jane) == [] and intros.offered_intros(jane) == []


def test_intro_stays_on_the_agenda_until_made(db, frozen):
    jane, sam = person("Jane Doe"), person("Sam Lee")
    iid = intros.offer_intro(jane, sam, "both into payments")
    [item] = agenda.agenda().intros
    assert (item.contact_name, item.text) == ("Jane Doe", "introduce them to Sam Lee — both into payments")
    assert [i.id for i in intros.offered_intros(sam)] == [iid]
    logged = agenda.complete(item, agenda.log_input(item, "sent the intro email"))
    assert agenda.agenda().intros == ()
    assert {c for c, _ in interactions.get_interaction(logged).contacts} == {jane, sam}


def test_only_dated_items_snooze(db, frozen):
    jane = person("Jane Doe")
    intros.offer_intro(jane, person("Sam Lee"))
    with pytest.raises(NetkeepError, match="can be snoozed"):
        agenda.snooze(agenda.agenda().intros[0], "tomorrow")


def test_needs_suggest_helpers_ranked(db, frozen):
    jane = person("Jane Doe", needs="a designer for her side project\nintro to investors")
    person("Dana Design", title="Product Designer", company="Figma", tags=("design",))
    person("Nora Notes", notes="her brother is a designer")
    person("Ivan Invest", company="Seed Investors")
    person("Other Needer", needs="also needs a designer")
    help_ = needs.suggest_helpers(jane)
    assert [h.need for h in help_] == ["a designer for her side project", "intro to investors"]
    assert [h.name for h in help_[0].helpers] == ["Dana Design", "Nora Notes"]
    assert [h.name for h in help_[1].helpers] == ["Ivan Invest"]


def test_equal_helpers_are_ranked_by_recent_contact(db, frozen):
    jane = person("Jane Doe", needs="healthcare referral")
    quiet = person("Ann Quiet", company="Lumen Health")
    person("Bea Never", company="Lumen Health")
    busy = person("Zoe Busy", company="Lumen Health")
    log(quiet, "call")
    frozen.travel_to(pendulum.datetime(2026, 3, 5, 9))
    log(busy, "call")
    [need] = needs.suggest_helpers(jane)
    assert [h.contact_id for h in need.helpers][:2] == [busy, quiet]
    assert [h.name for h in need.helpers][2] == "Bea Never"
