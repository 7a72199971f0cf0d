"""What the thank-you pane shows for a meeting: a saved draft, or a letter built from the
notes (read in a worker), and the times it shows."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from netkeep.core import letters
from netkeep.core.config import Config
from netkeep.core.dates import local_tz


@dataclass(frozen=True)
class Letter:
    """What the pane shows for a meeting: a saved draft, or one built from the notes."""

    meeting_id: int
    tone: str
    subject: str
    body: str
    status: str  # "" (not saved yet) | "draft" | "sent"
    saved_at: object
    sent_at: object
    email: str
    tones: tuple[str, ...]
    problems: tuple[str, ...] = ()

    @classmethod
    def from_draft(cls, draft: letters.Draft, email: str, tones: tuple[str, ...]) -> Letter:
        return cls(
            draft.interaction_id,
            draft.tone,
            draft.subject,
            draft.body,
            draft.status,
            draft.updated_at,
            draft.sent_at,
            email,
            tones,
        )


def read_letter(config: Config, contact_id: int, meeting_id: int) -> Letter:
    """The meeting's saved draft to the contact, or a new letter from its notes in the
    preferred tone."""
    tones = tuple(letters.available_tones(config))
    email = letters.contact_email(contact_id)
    draft = letters.get_draft(meeting_id, contact_id)
    if draft is not None:
        return Letter.from_draft(draft, email, tones)
    preferred = config.section("thanks").get("tone", letters.DEFAULT_TONE)
    tone = preferred if preferred in tones else letters.DEFAULT_TONE
    built = letters.compose(meeting_id, tone, config, contact_id=contact_id)
    return Letter(meeting_id, tone, built.subject, built.body, "", None, None, email, tones, built.problems)


def local_time(moment) -> str:
    return pendulum.instance(moment).in_timezone(local_tz()).format("HH:mm:ss")


def letters_day(moment) -> str:
    return pendulum.instance(moment).in_timezone(local_tz()).format("D MMM YYYY")
