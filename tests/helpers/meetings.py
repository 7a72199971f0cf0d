"""Helpers shared by the meeting tests: a contact and a logged meeting in one call."""

from __future__ import annotations

import pendulum

from helpers.people import person
from netkeep.core import meetings

__all__ = ["meet", "person"]


def meet(contact_id: int, *, when=None, commitments=(), **fields) -> int:
    when = when or pendulum.now("UTC")
    return meetings.log_meeting(
        meetings.MeetingInput(
            contact_id=contact_id, occurred_at=when, commitments=tuple(commitments), **fields
        )
    )
