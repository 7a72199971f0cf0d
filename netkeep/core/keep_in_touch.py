"""Keep-in-touch follow-ups: each contact's cadence and next follow-up date.

The next follow-up is the last touch (last interaction, else the day we met, else
the day the contact was added) plus the cadence, unless it was set by hand (a
snooze). Logging any interaction clears the hand-set date and recomputes it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
from peewee import Case, Value, fn

from netkeep.core import cadence, session
from netkeep.core.contacts import refresh_follow_up
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.schedule import upcoming_date
from netkeep.store.models import Contact


def _contact(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFound(f"There is no contact with id {contact_id}.")
    return contact


def set_cadence(contact_id: int, value: str | int | None) -> date | None:
    """Give a contact their own cadence (``30``, ``"6w"``), or None/"" for the default.

    Returns the new next follow-up date (None for an imported connection not yet in touch,
    who gets one only then). A cadence of 0, a negative one or text that
    is not a number of days raises :class:`ValidationError` and changes nothing.
    """
    if value in (None, ""):
        days = None
    else:
        try:
            days = cadence.parse_cadence(value)
        except ValueError as error:
            raise ValidationError({"cadence_days": str(error)}) from None
    with session.writing(kind="cadence", contacts=[contact_id]) as change:
        contact = _contact(contact_id)
        change.default(f"Set how often to keep in touch with {contact.full_name}")
        contact.cadence_days = days
        refresh_follow_up(contact)
        contact.updated_at = pendulum.now("UTC")
        contact.save()
    return contact.next_follow_up


def snooze_follow_up(contact_id: int, until: str | date) -> date:
    """Move a contact's next follow-up to a later day (kept until the next interaction)."""
    day = upcoming_date(until, field="until")
    with session.writing(kind="snooze", contacts=[contact_id]) as change:
        contact = _contact(contact_id)
        change.default(f"Snoozed the follow-up with {contact.full_name}")
        contact.next_follow_up = day
        contact.follow_up_manual = True
        contact.save()
    return day


def complete_follow_up(contact_id: int) -> date:
    """Done without logging anything: the next follow-up is one cadence from today."""
    with session.writing(kind="done", contacts=[contact_id]) as change:
        contact = _contact(contact_id)
        change.default(f"Done: the follow-up with {contact.full_name}")
        days = cadence.cadence_for(contact.contact_type, contact.job_search, contact.cadence_days)
        contact.next_follow_up = pendulum.today().date() + timedelta(days=days)
        contact.follow_up_manual = True
        contact.save()
    return contact.next_follow_up


def _days_expression(table: dict[str, int]):
    """SQL for each contact's cadence in days, mirroring :func:`cadence.cadence_for`."""
    fallback = table.get("other", cadence.FALLBACK_CADENCE_DAYS)
    cap = table["job-search"]
    cases = [(Contact.cadence_days.is_null(False), Contact.cadence_days)]
    for kind, days in table.items():
        if kind == "job-search":
            continue
        cases.append(
            (
                (Contact.contact_type == kind) & (Contact.job_search == True),  # noqa: E712
                _days(min(days, cap)),
            )
        )
        cases.append((Contact.contact_type == kind, _days(days)))
    cases.append((Contact.job_search == True, _days(min(fallback, cap))))  # noqa: E712
    return Case(None, cases, _days(fallback))


def _days(number: int) -> Value:
    return Value(number, converter=int)  # a number, not a date: skip the date field's converter


def apply_cadence() -> int:
    """Bring every computed next follow-up in line with the configured cadences.

    Run after the ``[cadence]`` table may have changed (``netkeep due``, app start);
    hand-set dates are kept. Returns how many contacts changed.
    """
    table = cadence.effective_table()
    last = fn.COALESCE(fn.DATE(Contact.last_contact_at), Contact.met_on, fn.DATE(Contact.created_at))
    computed = fn.DATE(last, fn.printf("+%d days", _days_expression(table)))
    automatic = ~(Contact.follow_up_manual & Contact.next_follow_up.is_null(False))
    waiting = Contact.waiting_for_first_touch()
    with session.writing(journal_it=False):  # upkeep from the settings, not a change to undo
        cleared = (
            Contact.update(next_follow_up=None)
            .where(automatic & waiting & Contact.next_follow_up.is_null(False))
            .execute()
        )
        return cleared + (
            Contact.update(next_follow_up=computed)
            .where(
                automatic
                & ~waiting
                & ((Contact.next_follow_up.is_null()) | (Contact.next_follow_up != computed))
            )
            .execute()
        )
