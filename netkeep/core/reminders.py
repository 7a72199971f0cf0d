"""Reminders: dated follow-ups with a reason ("ask about the referral")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pendulum

from netkeep.core import session
from netkeep.core.contact_card import who
from netkeep.core.contacts import strip_controls
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.schedule import upcoming_date
from netkeep.store.models import Contact, Reminder

REASON_MAX = 500


@dataclass(frozen=True)
class ReminderRecord:
    id: int
    contact_id: int
    due_on: date
    reason: str


def add_reminder(contact_id: int, when: str | date, reason: str = "") -> int:
    """Remind me about a contact on ``when`` (a natural date, today or later); return its id."""
    reason = strip_controls(" ".join(reason.split()))
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"The reason is too long (at most {REASON_MAX} characters)."})
    due = upcoming_date(when, field="due")
    with session.writing(kind="reminder", contacts=[contact_id]) as change:
        if not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFound(f"There is no contact with id {contact_id}.")
        change.default(f"Set a reminder about {who([contact_id])}")
        reminder = Reminder.create(
            contact=contact_id, due_on=due, reason=reason, created_at=pendulum.now("UTC")
        )
    return reminder.id


def _open(reminder_id: int) -> Reminder:
    reminder = Reminder.get_or_none(Reminder.id == reminder_id)
    if reminder is None:
        raise NotFound(f"There is no reminder with id {reminder_id}.")
    return reminder


def snooze_reminder(reminder_id: int, until: str | date) -> date:
    """Move a reminder to a later day; return the new day."""
    due = upcoming_date(until, field="until")
    with session.writing(kind="snooze") as change:
        reminder = _open(reminder_id)
        change.concern([reminder.contact_id])
        change.default(f"Snoozed the reminder about {who([reminder.contact_id])}")
        reminder.due_on = due
        reminder.save()
    return due


def complete_reminder(reminder_id: int) -> None:
    with session.writing(kind="done") as change:
        reminder = _open(reminder_id)
        change.concern([reminder.contact_id])
        change.default(f"Done: the reminder about {who([reminder.contact_id])}")
        if reminder.done_at is None:
            reminder.done_at = pendulum.now("UTC")
            reminder.save()


def open_reminders(contact_id: int) -> list[ReminderRecord]:
    """A contact's reminders not yet done, soonest first."""
    query = (
        Reminder.select(Reminder.id, Reminder.due_on, Reminder.reason)
        .where((Reminder.contact == contact_id) & Reminder.done_at.is_null())
        .order_by(Reminder.due_on, Reminder.id)
    )
    return [ReminderRecord(r.id, contact_id, r.due_on, r.reason) for r in query]
