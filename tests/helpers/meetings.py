"""Helpers shared by the meeting tests: a contact and a logged meeting in one call."""

from __future__ import annotations

import pendulum

from netkeep.core import contacts, meetings
from netkeep.core.records import ContactInput, Method


def person(name: str, email: str = "", **fields) -> int:
    emails = (Method("email", email, "work"),) if email else ()
    return contacts.create_contact(ContactInput(full_name=name, emails=emails, **fields))


def meet(contact_id: int, *, when=None, commitments=(), **fields) -> int:
    when = when or pendulum.now("UTC")
    return meetings.log_meeting(
        meetings.MeetingInput(
            contact_id=contact_id, occurred_at=when, commitments=tuple(commitments), **fields
        )
    )
