"""Follow-ups: cadence, reminders, snoozes, owed replies, commitments, loops, intros, agenda."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from netkeep.core import (
    agenda,
    cadence,
    commitments,
    contacts,
    interactions,
    intros,
    keep_in_touch,
    loops,
    needs,
    reminders,
)
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.store.models import Contact, Interaction, ReferralLoop, Reminder

START = pendulum.datetime(2026, 3, 2, 10)  # a Monday


@pytest.fixture
def frozen():
    with pendulum.travel_to(START, freeze=True) as traveller:
        yield traveller


def person(name: str, **fields) -> int:
    return contacts.create_contact(ContactInput(name, **fields))


def log(contact_id: int, kind: str = "coffee", summary: str = "", **fields) -> int:
    return interactions.log_interaction(
        InteractionInput(contact_ids=(contact_id,), kind=kind, summary=summary, **fields)
    )


def keys(section) -> list[str]:
    return [item.key for item in section]


def test_cadence_resets_after_an_interaction(db, frozen):
    jane = person("Jane Doe", contact_type="recruiter")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 4, 1)
    frozen.travel_to(pendulum.datetime(2026, 4, 10, 9))
    assert keys(agenda.agenda().overdue) == [f"follow-up-{jane}"]
    log(jane, "call")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 10)
    assert agenda.agenda().overdue == ()


def test_job_search_contacts_use_the_shorter_cadence(db, frozen):
    jane = person("Jane Doe", contact_type="peer", job_search=True)
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 23)


def test_cadence_from_the_config_file(db, frozen, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 10\njob-search = '1w'\n")
    jane = person("Jane Doe")
    sam = person("Sam Lee", contact_type="mentor", job_search=True)
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 12)
    assert Contact.get_by_id(sam).next_follow_up == date(2026, 3, 9)
    assert cadence.config_problems() == ()


@pytest.mark.parametrize("bad", ["0", "-3", "'often'", "true"])
def test_bad_config_cadence_is_reported_and_the_default_used(db, frozen, tmp_path, bad):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(f"[cadence]\npeer = {bad}\nmentor = 7\n")
    jane = person("Jane Doe")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 1)  # the default 60 days
    assert Contact.get_by_id(person("Ann Mentor", contact_type="mentor")).next_follow_up == date(2026, 3, 9)
    [problem] = cadence.config_problems()
    assert problem.startswith("[cadence] peer:") and "default of 60 days" in problem


def test_changed_config_is_applied_to_stored_follow_ups(db, frozen, tmp_path):
    jane = person("Jane Doe")
    snoozed = person("Sam Lee")
    keep_in_touch.snooze_follow_up(snoozed, "in 3 days")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 5\n")
    assert keep_in_touch.apply_cadence() == 1
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 7)
    assert Contact.get_by_id(snoozed).next_follow_up == date(2026, 3, 5)
    assert keep_in_touch.apply_cadence() == 0


@pytest.mark.parametrize("bad", [0, -3, "0", "-3", "often", "3 fortnights", 5000])
def test_bad_contact_cadence_changes_nothing(db, frozen, bad):
    jane = person("Jane Doe")
    before = Contact.get_by_id(jane)
    with pytest.raises(ValidationError) as error:
        keep_in_touch.set_cadence(jane, bad)
    assert "cadence_days" in error.value.errors
    after = Contact.get_by_id(jane)
    assert (after.cadence_days, after.next_follow_up) == (before.cadence_days, before.next_follow_up)


def test_own_cadence_overrides_the_default(db, frozen):
    jane = person("Jane Doe")
    assert keep_in_touch.set_cadence(jane, "2w") == date(2026, 3, 16)
    assert keep_in_touch.set_cadence(jane, None) == date(2026, 5, 1)


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


def test_agenda_sections_and_header(db, frozen):
    jane = person("Jane Doe", contact_type="recruiter")
    sam = person("Sam Lee")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    reminders.add_reminder(sam, "today", "call back")
    reminders.add_reminder(sam, "in 3 days", "send the article")
    log(sam, "email", "question", direction="in", reply_owed=True)
    today = agenda.agenda()
    assert keys(today.overdue) == [f"follow-up-{jane}"]
    assert [i.text for i in today.today] == ["call back"]
    assert [i.text for i in today.this_week] == ["send the article"]
    assert agenda.header_text(today.counts) == "Today: 2 due · 1 reply owed"
    assert agenda.header_text(agenda.AgendaCounts()) == "Today: nothing due"


def test_agenda_limits_items_but_counts_all(db, frozen):
    for n in range(5):
        person(f"Person {n}", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 5, 1, 9))
    result = agenda.agenda(limit=2)
    assert len(result.overdue) == 2 and result.counts.overdue == 5


def test_archived_contacts_leave_the_agenda(db, frozen):
    jane = person("Jane Doe")
    reminders.add_reminder(jane, "today", "x")
    contacts.set_archived(jane)
    assert agenda.agenda().today == ()


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


def test_apply_cadence_agrees_with_refresh_follow_up(db, frozen, tmp_path):
    """The bulk SQL update and the per-contact rule compute the same dates."""
    cases = [
        ("peer", False, None, None),
        ("mentor", True, None, None),
        ("faculty", True, None, None),
        ("recruiter", False, 12, None),
        ("other", False, None, date(2026, 1, 10)),
        ("company", True, 100, date(2025, 12, 1)),
    ]
    ids = [
        person(f"P{n}", contact_type=kind, job_search=job, cadence_days=own, met_on=met)
        for n, (kind, job, own, met) in enumerate(cases)
    ]
    log(ids[0], "call")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(
        "[cadence]\npeer = 10\nmentor = 40\nfaculty = 5\njob-search = 14\n"
    )
    keep_in_touch.apply_cadence()
    stored = {c.id: c.next_follow_up for c in Contact.select()}
    for contact in Contact.select():
        contacts.refresh_follow_up(contact)
        assert contact.next_follow_up == stored[contact.id], contact.full_name


def test_thank_you_due_after_a_meeting_until_sent(db, frozen):
    jane = person("Jane Doe")
    meeting = log(jane, "coffee", "payments infra")
    frozen.travel_to(pendulum.datetime(2026, 3, 4, 9))
    result = agenda.agenda()
    [item] = result.thanks
    assert (item.ref_id, item.contact_id, item.due_on) == (meeting, jane, date(2026, 3, 3))
    assert item.text == "thank-you for the coffee on 2 Mar 2026"
    assert agenda.header_text(result.counts) == "Today: 1 thank-you due"
    logged = agenda.complete(item)
    assert interactions.get_interaction(logged).kind == "thank-you"
    assert agenda.agenda().thanks == ()


def test_which_meetings_wait_for_a_thank_you(db, frozen):
    """The rule of ``core.thanks_due`` on a fixed history, asked about 20 March: conversations
    from local midnight 14 days before up to the end of that day, each owned by its first
    participant, due until its draft is marked sent or a thank-you is logged with that person
    after it."""
    from netkeep.core import letters
    from netkeep.core.thanks_due import THANK_YOU_WINDOW_DAYS, thanks_due

    def at(day: int, hour: int = 10, minute: int = 0) -> pendulum.DateTime:
        return pendulum.datetime(2026, 3, day, hour, minute, tz="local")

    def met(kind: str, when: pendulum.DateTime, *people: int) -> int:
        return interactions.log_interaction(InteractionInput(people, kind=kind, occurred_at=when))

    ann, bob, cy, dee = person("Ann Lee"), person("Bob Stone"), person("Cy Young"), person("Dee Park")
    assert ann < bob < cy < dee and THANK_YOU_WINDOW_DAYS == 14
    before_window = met("call", at(5, 23, 59), ann)  # 15 days before the 20th: too old
    first_moment = met("coffee", at(6, 0), ann)  # local midnight, 14 days before: in
    met("meeting", at(10), bob)
    met("thank-you", at(10, 18), bob)  # thanks that meeting…
    after_thanks = met("coffee", at(12), bob)  # …but not a later one
    drafted = met("informational interview", at(14), cy)
    letters.save_draft(drafted, "Thanks", "Dear Cy")  # a draft not sent: still due
    met("email", at(16, 12), ann)  # not a conversation
    group = met("event", at(17), dee, ann)  # Ann's: the first participant by id
    met("thank-you", at(18), dee)  # thanking Dee does not thank Ann
    sent = met("coffee", at(19, 9), dee)
    letters.save_draft(sent, "Thanks", "Dear Dee")
    letters.mark_sent(sent)  # logged now (2 March), before the coffee: the sent draft alone rules it out
    due_today = met("call", at(19, 15), cy)
    late = met("call", at(20, 23, 30), bob)  # the end of the day asked about
    met("coffee", at(21, 9), cy)  # the next day: not yet

    def due(day: int, limit: int | None = None):
        found, total = thanks_due(date(2026, 3, day), limit=limit)
        return [(t.interaction_id, t.contact_id, t.due_on, t.overdue, t.has_draft) for t in found], total

    expected = [
        (first_moment, ann, date(2026, 3, 7), True, False),
        (after_thanks, bob, date(2026, 3, 13), True, False),
        (drafted, cy, date(2026, 3, 15), True, True),
        (group, ann, date(2026, 3, 18), True, False),
        (due_today, cy, date(2026, 3, 20), False, False),
        (late, bob, date(2026, 3, 21), False, False),
    ]
    assert due(20) == (expected, 6)
    assert due(20, limit=2) == (expected[:2], 6)
    found, _ = thanks_due(date(2026, 3, 20), limit=1)
    assert (found[0].contact_name, found[0].kind) == ("Ann Lee", "coffee")
    # A day earlier the window starts a day earlier, and the 20th's late call is ahead.
    assert [row[0] for row in due(19)[0]] == [
        before_window,
        first_moment,
        after_thanks,
        drafted,
        group,
        due_today,
    ]
    # A thank-you logged with Bob now (20 March) thanks both of his meetings before it.
    met("thank-you", at(20, 23, 45), bob)
    assert [row[0] for row in due(20)[0]] == [first_moment, drafted, group, due_today]


def test_header_marks_a_capped_thank_you_count():
    from netkeep.core.thanks_due import COUNT_CAP

    assert agenda.header_text(agenda.AgendaCounts(thanks=COUNT_CAP)) == (
        f"Today: {COUNT_CAP}+ thank-yous due"
    )
    assert agenda.header_text(agenda.AgendaCounts(thanks=2)) == "Today: 2 thank-yous due"
    assert agenda.total_text("thanks", COUNT_CAP, 100) == f"{COUNT_CAP - 100}+"
    assert agenda.total_text("overdue", COUNT_CAP, 100) == f"{COUNT_CAP - 100}"


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
