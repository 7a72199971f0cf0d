"""Helpers shared by the meeting tests: a contact and a logged meeting in one call."""

from __future__ import annotations

import pendulum

from helpers.people import person
from netkeep.core import letters, meetings

__all__ = ["draft_body", "meet", "person"]


def meet(contact_id: int, *, when=None, commitments=(), **fields) -> int:
    when = when or pendulum.now("UTC")
    return meetings.log_meeting(
        meetings.MeetingInput(
            contact_id=contact_id, occurred_at=when, commitments=tuple(commitments), **fields
        )
    )


def draft_body(meeting_id: int) -> str:
    """The stored thank-you draft's body for a meeting ("" when there is none yet)."""
    draft = letters.get_draft(meeting_id)
    return draft.body if draft else ""
