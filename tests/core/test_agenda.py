"""The agenda: its sections and header line, limits and counts, archived contacts, thank-yous due."""

from __future__ import annotations

from datetime import date

import pendulum

from helpers.agenda import keys
from helpers.people import log, person
from netkeep.core import agenda, contacts, interactions, reminders
from netkeep.core.records import InteractionInput


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
