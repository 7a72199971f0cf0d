"""Meetings: logging a conversation with its points, advice and commitments, and reading them back.

Which meetings still wait for a thank-you is ``core.thanks_due``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pendulum

from netkeep.core import interactions, session
from netkeep.core.commitments import OWNERS, CommitmentRecord, add_commitment
from netkeep.core.dates import local_tz, parse_date
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.records import MEETING_KINDS, InteractionInput
from netkeep.store.models import (
    Commitment,
    Contact,
    Interaction,
    InteractionContact,
    ThankYouDraft,
)

TEXT_MAX = 100_000
LINE_MAX = 500
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s*")
_OWNER = re.compile(r"^\s*(me|them|they|i)\s*:\s*", re.IGNORECASE)
_DUE = re.compile(r"\s+by\s", re.IGNORECASE)


@dataclass(frozen=True)
class CommitmentInput:
    """A promise made in a meeting: by ``me`` or by ``them``, with an optional due date."""

    text: str
    owner: str = "me"
    due_on: date | None = None


@dataclass(frozen=True)
class MeetingInput:
    """What the "log meeting" form collects: with ``contact_id`` and anyone in ``with_ids``."""

    contact_id: int
    kind: str = "meeting"
    occurred_at: datetime | None = None
    location: str = ""
    summary: str = ""
    points: str = ""
    advice: str = ""
    resume_advice: bool = False
    commitments: tuple[CommitmentInput, ...] = ()
    with_ids: tuple[int, ...] = ()

    @property
    def contact_ids(self) -> tuple[int, ...]:
        return (self.contact_id, *self.with_ids)


@dataclass(frozen=True)
class Meeting:
    """A logged conversation as one of its people's meeting panes show it (``contact_id``)."""

    id: int
    contact_id: int
    contact_name: str
    kind: str
    occurred_at: datetime
    location: str
    summary: str
    points: str
    advice: str
    resume_advice: bool
    commitments: tuple[CommitmentRecord, ...] = field(default_factory=tuple)
    thank_you: str = ""  # "" (none yet) | "draft" | "sent"

    @property
    def point_list(self) -> list[str]:
        return split_items(self.points)

    @property
    def local_date(self) -> date:
        return pendulum.instance(self.occurred_at).in_timezone(local_tz()).date()


def split_items(text: str) -> list[str]:
    """The items of a free-text list: one per line, bullets ('-', '*', '•', '1.') removed."""
    items = (_BULLET.sub("", line).strip() for line in text.splitlines())
    return [item for item in items if item]


def parse_commitments(text: str) -> tuple[CommitmentInput, ...]:
    """One commitment per line; ``them:`` marks theirs, ``... by friday`` sets a due date."""
    items = []
    for line in text.splitlines():
        owner = "me"
        if match := _OWNER.match(line):
            owner = "them" if match[1].lower() in ("them", "they") else "me"
            line = line[match.end() :]
        due = None
        for match in _DUE.finditer(line):
            try:  # the same reader as every date field: "by friday", "by 15/12", "by end of month"
                due = parse_date(line[match.start() :], prefer="future")
            except ValidationError:
                continue  # this "by" was part of the sentence, not a date
            line = line[: match.start()]
            break
        line = " ".join(line.split()).lstrip("-*• ")
        if line:
            items.append(CommitmentInput(line, owner, due))
    return tuple(items)


def at_local_date(day: date) -> pendulum.DateTime:
    """A moment for a meeting given only its day: now if it is today, else local noon."""
    tz = local_tz()
    now = pendulum.DateTime.now(tz)
    if day == now.date():
        return now
    return pendulum.datetime(day.year, day.month, day.day, 12, tz=tz)


def _validate(data: MeetingInput) -> None:
    errors = {}
    if data.kind not in MEETING_KINDS:
        errors["kind"] = f"A meeting is one of: {', '.join(MEETING_KINDS)}."
    for name in ("summary", "points", "advice"):
        if len(getattr(data, name)) > TEXT_MAX:
            errors[name] = "The text is too long (at most 100,000 characters)."
    if len(data.location) > LINE_MAX or "\n" in data.location:
        errors["location"] = f"Where is one line of at most {LINE_MAX} characters."
    for item in data.commitments:
        if item.owner not in OWNERS:
            errors["commitments"] = "A commitment is mine ('me') or theirs ('them')."
        elif len(item.text) > LINE_MAX:
            errors["commitments"] = f"A commitment is at most {LINE_MAX} characters."
    if errors:
        raise ValidationError(errors)


def log_meeting(data: MeetingInput) -> int:
    """Log a meeting on the timeline of each person in it, with its commitments (theirs:
    the first person's); return its id."""
    _validate(data)
    with session.writing(kind="log", contacts=data.contact_ids):
        interaction_id = interactions.log_interaction(
            InteractionInput(
                contact_ids=data.contact_ids,
                kind=data.kind,
                occurred_at=data.occurred_at,
                location=data.location,
                summary=data.summary,
                points=data.points,
                advice=data.advice,
                resume_advice=data.resume_advice,
            )
        )
        for item in data.commitments:
            if item.text.strip():
                add_commitment(
                    item.text,
                    owner=item.owner,
                    contact_id=data.contact_id,
                    interaction_id=interaction_id,
                    due=item.due_on,
                )
    return interaction_id


def _record(row: Commitment) -> CommitmentRecord:
    return CommitmentRecord(row.id, row.contact_id, row.interaction_id, row.owner, row.text, row.due_on)


def _meetings(query, contact_id: int | None = None) -> list[Meeting]:
    """Meetings from interaction rows; each belongs to ``contact_id`` or its first participant."""
    rows = list(query)
    if not rows:
        return []
    ids = [row.id for row in rows]
    owners: dict[int, tuple[int, str]] = {}
    people = (
        InteractionContact.select(InteractionContact.interaction, Contact.id, Contact.full_name)
        .join(Contact)
        .where(InteractionContact.interaction.in_(ids))
    )
    if contact_id is not None:
        people = people.where(Contact.id == contact_id)
    for iid, cid, name in people.order_by(Contact.id).tuples():
        owners.setdefault(iid, (cid, name))
    promised: dict[int, list[CommitmentRecord]] = {}
    for row in Commitment.select().where(Commitment.interaction.in_(ids)).order_by(Commitment.id):
        promised.setdefault(row.interaction_id, []).append(_record(row))
    drafts = {
        (iid, cid): status
        for iid, cid, status in ThankYouDraft.select(
            ThankYouDraft.interaction, ThankYouDraft.contact, ThankYouDraft.status
        )
        .where(ThankYouDraft.interaction.in_(ids))
        .tuples()
    }
    return [
        Meeting(
            id=row.id,
            contact_id=owners.get(row.id, (0, ""))[0],
            contact_name=owners.get(row.id, (0, ""))[1],
            kind=row.kind,
            occurred_at=row.occurred_at,
            location=row.location,
            summary=row.summary,
            points=row.points,
            advice=row.advice,
            resume_advice=row.resume_advice,
            commitments=tuple(promised.get(row.id, ())),
            thank_you=drafts.get((row.id, owners.get(row.id, (0, ""))[0]), ""),
        )
        for row in rows
    ]


def list_meetings(contact_id: int) -> list[Meeting]:
    """The contact's meetings, newest first."""
    query = (
        Interaction.select()
        .join(InteractionContact)
        .where((InteractionContact.contact == contact_id) & Interaction.kind.in_(MEETING_KINDS))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    return _meetings(query, contact_id)


def latest_meeting(contact_id: int) -> Meeting | None:
    """The contact's most recent meeting, or None if you have not met."""
    meetings = list_meetings(contact_id)
    return meetings[0] if meetings else None


def get_meeting(interaction_id: int, contact_id: int | None = None) -> Meeting:
    """A meeting as ``contact_id`` (one of its people; None: the first) is part of it."""
    meetings = _meetings(
        Interaction.select().where((Interaction.id == interaction_id) & Interaction.kind.in_(MEETING_KINDS)),
        contact_id,
    )
    if not meetings or (contact_id is not None and meetings[0].contact_id != contact_id):
        raise NotFound(f"There is no meeting with id {interaction_id} for this contact.")
    return meetings[0]
