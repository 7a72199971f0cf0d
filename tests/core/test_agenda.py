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


def test_thanks_due_agrees_with_the_meetings_rule(db, frozen):
    from netkeep.core import letters
    from netkeep.core.meetings import thank_you_due
    from netkeep.core.thanks_due import thanks_due

    jane, sam, ann = person("Jane Doe"), person("Sam Lee"), person("Ann Lee")
    log(jane, "coffee")  # due
    log(sam, "call")
    log(sam, "thank-you", direction="out")  # thanked since
    drafted = log(ann, "meeting")
    letters.save_draft(drafted, "Thanks", "Dear Ann")  # a draft, not sent: due
    sent = log(jane, "informational interview")
    letters.save_draft(sent, "Thanks", "Dear Jane")
    letters.mark_sent(sent)  # sent: not due
    interactions.log_interaction(InteractionInput((ann, sam), kind="event"))  # first participant
    log(jane, "email", direction="in")  # not a conversation
    frozen.travel_to(pendulum.datetime(2026, 3, 10, 9))
    log(ann, "coffee")
    frozen.travel_to(pendulum.datetime(2026, 3, 20, 9))  # the first meetings left the window
    for day in (date(2026, 3, 2), date(2026, 3, 10), date(2026, 3, 20)):
        expected = [(t.interaction_id, t.contact_id, t.due_on, t.has_draft) for t in thank_you_due(day)]
        found, total = thanks_due(day, limit=100)
        assert [(t.interaction_id, t.contact_id, t.due_on, t.has_draft) for t in found] == expected
        assert total == len(expected)
    # the check above is not vacuous: on 10 Mar, Ann's drafted meeting and her coffee are due
    assert next((t.interaction_id, t.has_draft) for t in thank_you_due(date(2026, 3, 10))) == (drafted, True)
    assert len(thank_you_due(date(2026, 3, 10))) == 2


def test_header_marks_a_capped_thank_you_count():
    from netkeep.core.thanks_due import COUNT_CAP

    assert agenda.header_text(agenda.AgendaCounts(thanks=COUNT_CAP)) == (
        f"Today: {COUNT_CAP}+ thank-yous due"
    )
    assert agenda.header_text(agenda.AgendaCounts(thanks=2)) == "Today: 2 thank-yous due"
    assert agenda.total_text("thanks", COUNT_CAP, 100) == f"{COUNT_CAP - 100}+"
    assert agenda.total_text("overdue", COUNT_CAP, 100) == f"{COUNT_CAP - 100}"
