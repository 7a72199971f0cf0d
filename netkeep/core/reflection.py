"""Looking back on a meeting: seven questions, quick ratings, and the new names it brought."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pendulum
from peewee import fn

from netkeep.core import contacts, session
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.meetings import get_meeting
from netkeep.core.records import MEETING_KINDS, ContactInput
from netkeep.store.models import (
    Contact,
    Interaction,
    InteractionContact,
    ReflectionAnswer,
)

RATINGS = ("yes", "partly", "no")
NOTE_MAX = 2000
#: Contacts created from a meeting's reflection carry this source, followed by the meeting's id.
SOURCE_PREFIX = "reflection:"


@dataclass(frozen=True)
class Question:
    key: str
    text: str


#: The questions to ask yourself after a conversation; the keys never change.
QUESTIONS = (
    Question("goals", "Did the conversation get me what I came for?"),
    Question("answers", "Did most of my questions get an answer?"),
    Question("picture", "Did it confirm my picture of the field, or change it?"),
    Question("plans", "Am I better prepared for my next steps?"),
    Question("memorable", "Will they remember me, and for good reasons?"),
    Question("known", "Do they now know what I am after, what I can do and who I am?"),
    Question("names", "Did I come away with new people to talk to?"),
)
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    rating: str  # "yes" | "partly" | "no" | ""
    note: str


@dataclass(frozen=True)
class NamesGained:
    interaction_id: int
    occurred_at: datetime
    contact_name: str
    count: int


@dataclass(frozen=True)
class ReflectionSummary:
    """How the meetings went, over all of them."""

    meetings: int
    reflected: int
    goals: dict[str, int]  # rating -> how many meetings
    ratings: dict[str, dict[str, int]]  # question key -> rating -> count
    names: tuple[NamesGained, ...]  # one per meeting, oldest first

    @property
    def goals_met_share(self) -> float | None:
        """Share of rated meetings whose goals were met (partly counts half)."""
        rated = sum(self.goals.values())
        if not rated:
            return None
        return (self.goals.get("yes", 0) + 0.5 * self.goals.get("partly", 0)) / rated

    @property
    def names_total(self) -> int:
        return sum(item.count for item in self.names)

    @property
    def names_per_meeting(self) -> float:
        return self.names_total / len(self.names) if self.names else 0.0


def answers_for(interaction_id: int) -> list[Answer]:
    """Every question with its answer so far (empty rating and note when unanswered)."""
    saved = {
        row.question: row
        for row in ReflectionAnswer.select().where(ReflectionAnswer.interaction == interaction_id)
    }
    return [
        Answer(
            q.key,
            q.text,
            saved[q.key].rating if q.key in saved else "",
            saved[q.key].note if q.key in saved else "",
        )
        for q in QUESTIONS
    ]


def save_answer(
    interaction_id: int, key: str, *, rating: str | None = None, note: str | None = None
) -> Answer:
    """Set the rating and/or the note of one question (None leaves that part as it is)."""
    if key not in QUESTION_KEYS:
        raise ValidationError({"question": f"Unknown question '{key}'."})
    if rating is not None and rating not in (*RATINGS, ""):
        raise ValidationError({"rating": "Rate it yes, partly or no."})
    if note is not None:
        note = contacts.strip_controls(note.strip(), multiline=True)
        if len(note) > NOTE_MAX:
            raise ValidationError({"note": f"A note is at most {NOTE_MAX} characters."})
    with session.writing("Reflected on a meeting", kind="reflection", coalesce=True):
        _require_meeting(interaction_id)
        row = ReflectionAnswer.get_or_none(
            (ReflectionAnswer.interaction == interaction_id) & (ReflectionAnswer.question == key)
        )
        if row is None:
            row = ReflectionAnswer(interaction=interaction_id, question=key)
        if rating is not None:
            row.rating = rating
        if note is not None:
            row.note = note
        row.updated_at = pendulum.now("UTC")
        row.save()
    text = next(q.text for q in QUESTIONS if q.key == key)
    return Answer(key, text, row.rating, row.note)


def _require_meeting(interaction_id: int) -> None:
    kind = Interaction.select(Interaction.kind).where(Interaction.id == interaction_id).scalar()
    if kind is None:
        raise NotFound(f"There is no meeting with id {interaction_id}.")
    if kind not in MEETING_KINDS:
        raise ValidationError({"meeting": f"A {kind} is not a meeting to reflect on."})


def parse_names(text: str) -> list[tuple[str, str]]:
    """``"Ann Lee @Acme, Bo Chen"`` → ``[("Ann Lee", "Acme"), ("Bo Chen", "")]``.

    Names are separated by commas, semicolons or new lines; ``@Company`` is optional.
    """
    people = []
    for part in re.split(r"[,;\n]", text):
        name, _, company = part.partition("@")
        name, company = " ".join(name.split()), " ".join(company.split())
        if name:
            people.append((name, company))
    return people


@dataclass(frozen=True)
class NewNames:
    """What :func:`add_new_names` did: contacts created, and names already in the network."""

    created: tuple[int, ...]
    existing: tuple[str, ...]


def add_new_names(interaction_id: int, text: str) -> NewNames:
    """Create the people named in ``text`` as contacts introduced by the meeting's contact.

    All are created in one transaction (none if one is invalid); a name that is already a
    contact is not added twice. The "names" answer is rated yes and its note lists them.
    """
    people = parse_names(text)
    if not people:
        raise ValidationError({"names": "Type one or more names, separated by commas."})
    meeting = get_meeting(interaction_id)
    when = meeting.local_date
    created, existing = [], []
    with session.writing(kind="add", contacts=[meeting.contact_id]) as change:
        change.default(f"Added the people {meeting.contact_name} suggested")
        for name, company in people:
            if Contact.select().where(fn.LOWER(Contact.full_name) == name.casefold()).exists():
                existing.append(name)
                continue
            created.append(
                contacts.create_contact(
                    ContactInput(
                        full_name=name,
                        company=company,
                        introduced_by_id=meeting.contact_id,
                        how_met=f"referred by {meeting.contact_name}",
                        notes=f"Suggested by {meeting.contact_name} at our {meeting.kind} on "
                        f"{when.isoformat()}.",
                        source=f"{SOURCE_PREFIX}{interaction_id}",
                    )
                )
            )
        previous = next(a.note for a in answers_for(interaction_id) if a.key == "names")
        added = ", ".join(name for name, _ in people)
        note = f"{previous}; {added}" if previous else added
        save_answer(interaction_id, "names", rating="yes", note=note[:NOTE_MAX])
    return NewNames(tuple(created), tuple(existing))


def names_from(interaction_id: int) -> list[tuple[int, str]]:
    """The contacts created from this meeting's reflection: ``(id, name)``."""
    return list(
        Contact.select(Contact.id, Contact.full_name)
        .where(Contact.source == f"{SOURCE_PREFIX}{interaction_id}")
        .order_by(Contact.id)
        .tuples()
    )


def summary(now: pendulum.DateTime | None = None) -> ReflectionSummary:
    """Goals met, ratings per question and names gained, over every past meeting."""
    now = now or pendulum.now("UTC")
    past = Interaction.kind.in_(MEETING_KINDS) & (Interaction.occurred_at <= now)
    meetings = list(
        Interaction.select(Interaction.id, Interaction.occurred_at)
        .where(past)
        .order_by(Interaction.occurred_at, Interaction.id)
        .tuples()
    )
    ratings = {key: {rating: 0 for rating in RATINGS} for key in QUESTION_KEYS}
    reflected = set()
    for iid, key, rating in (
        ReflectionAnswer.select(
            ReflectionAnswer.interaction, ReflectionAnswer.question, ReflectionAnswer.rating
        )
        .join(Interaction)
        .where(past & (ReflectionAnswer.rating != ""))
        .tuples()
    ):
        if key in ratings and rating in RATINGS:
            ratings[key][rating] += 1
            reflected.add(iid)
    counts: dict[int, int] = {}
    for (source,) in Contact.select(Contact.source).where(Contact.source.startswith(SOURCE_PREFIX)).tuples():
        suffix = source[len(SOURCE_PREFIX) :]
        if suffix.isdigit():
            counts[int(suffix)] = counts.get(int(suffix), 0) + 1
    owners: dict[int, str] = {}
    for iid, name in (
        InteractionContact.select(InteractionContact.interaction, Contact.full_name)
        .join(Contact)
        .switch(InteractionContact)
        .join(Interaction)
        .where(past)
        .order_by(Contact.id)
        .tuples()
    ):
        owners.setdefault(iid, name)
    return ReflectionSummary(
        meetings=len(meetings),
        reflected=len(reflected),
        goals=dict(ratings["goals"]),
        ratings=ratings,
        names=tuple(
            NamesGained(iid, when, owners.get(iid, ""), counts.get(iid, 0)) for iid, when in meetings
        ),
    )
