"""Plain, frozen values the domain hands to the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

CONTACT_TYPES = (
    "peer",
    "alumni",
    "company",
    "recruiter",
    "mentor",
    "friend/family",
    "faculty",
    "other",
)

INTERACTION_KINDS = (
    "meeting",
    "informational interview",
    "coffee",
    "call",
    "email",
    "message",
    "event",
    "note",
    "thank-you",
    "update",
    "intro",
)

#: Kinds that are conversations (they get reflections and thank-you notes).
MEETING_KINDS = ("meeting", "informational interview", "coffee", "call", "event")


@dataclass(frozen=True)
class Method:
    """An email, phone or web address with its label."""

    kind: str
    value: str
    label: str = ""


@dataclass(frozen=True)
class Detail:
    """Something else a contact's card carries; ``core.details`` names the kinds."""

    kind: str
    value: str
    label: str = ""


class ContactRow(NamedTuple):
    """One line of the contact list (the filter asks the search index, ``store.search``).

    A named tuple rather than a frozen dataclass: 30,000 of them are built at start-up,
    and a tuple is built about three times faster. Only what the list shows or sorts by.
    """

    id: int
    name: str
    company: str
    last_contact: str  # sortable UTC text or ""
    next_follow_up: str  # ISO date or ""


@dataclass(frozen=True)
class ContactInput:
    """What a person can type about a contact: the fields of the add/edit form."""

    full_name: str
    title: str = ""
    company: str = ""
    emails: tuple[Method, ...] = ()
    phones: tuple[Method, ...] = ()
    urls: tuple[Method, ...] = ()
    linkedin_url: str = ""
    website: str = ""
    location: str = ""
    birthday: str = ""
    contact_type: str = "peer"
    job_search: bool = False
    how_met: str = ""
    met_on: date | None = None
    met_at: str = ""
    introduced_by_id: int | None = None
    needs: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    cadence_days: int | None = None
    next_follow_up: date | None = None
    given_name: str = ""
    family_name: str = ""
    source: str = ""
    uid: str = ""
    #: Nicknames, addresses, profiles, dates…; None leaves the stored ones as they are.
    details: tuple[Detail, ...] | None = None


#: Every field of a contact's input with its default.
_DEFAULTS = ContactInput(full_name="").__dict__


def contact_input(**fields) -> ContactInput:
    """``ContactInput(**fields)``, several times faster: the frozen dataclass's ``__init__``
    sets its 26 fields one by one, and imports and bulk reads build 30,000 of them."""
    if not fields.keys() <= _DEFAULTS.keys():
        raise TypeError(f"not fields of a contact: {sorted(fields.keys() - _DEFAULTS.keys())}")
    new = object.__new__(ContactInput)
    new.__dict__.update(_DEFAULTS)
    new.__dict__.update(fields)
    return new


def updated(data: ContactInput, updates: dict) -> ContactInput:
    """``dataclasses.replace(data, **updates)``, as fast as :func:`contact_input`."""
    new = object.__new__(ContactInput)
    new.__dict__.update(data.__dict__)
    new.__dict__.update(updates)
    return new


@dataclass(frozen=True)
class ContactCard:
    """Everything known about one contact, for the contact pane."""

    id: int
    uid: str
    full_name: str
    given_name: str
    family_name: str
    title: str
    company: str
    emails: tuple[Method, ...]
    phones: tuple[Method, ...]
    urls: tuple[Method, ...]
    linkedin_url: str
    website: str
    location: str
    birthday: str
    contact_type: str
    job_search: bool
    how_met: str
    met_on: date | None
    met_at: str
    introduced_by_id: int | None
    introduced_by: str
    needs: str
    notes: str
    tags: tuple[str, ...]
    cadence_days: int | None
    next_follow_up: date | None
    follow_up_manual: bool
    last_contact_at: datetime | None
    archived: bool
    source: str
    created_at: datetime
    updated_at: datetime
    past_companies: tuple[str, ...] = ()
    details: tuple[Detail, ...] = ()

    def to_input(self) -> ContactInput:
        """The card as form input, for editing."""
        return ContactInput(
            full_name=self.full_name,
            title=self.title,
            company=self.company,
            emails=self.emails,
            phones=self.phones,
            urls=self.urls,
            linkedin_url=self.linkedin_url,
            website=self.website,
            location=self.location,
            birthday=self.birthday,
            contact_type=self.contact_type,
            job_search=self.job_search,
            how_met=self.how_met,
            met_on=self.met_on,
            met_at=self.met_at,
            introduced_by_id=self.introduced_by_id,
            needs=self.needs,
            notes=self.notes,
            tags=self.tags,
            cadence_days=self.cadence_days,
            next_follow_up=self.next_follow_up if self.follow_up_manual else None,
            given_name=self.given_name,
            family_name=self.family_name,
            source=self.source,
            uid=self.uid,
            details=self.details,
        )


@dataclass(frozen=True)
class InteractionInput:
    """A new timeline entry."""

    contact_ids: tuple[int, ...]
    kind: str = "note"
    summary: str = ""
    occurred_at: datetime | None = None
    direction: str = ""
    location: str = ""
    reply_owed: bool = False
    points: str = ""
    advice: str = ""
    resume_advice: bool = False
    #: An outreach awaiting their reply: chased by ``core.chase`` until they answer.
    awaiting_reply: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    """One interaction as the timeline shows it."""

    id: int
    kind: str
    direction: str
    occurred_at: datetime
    location: str
    summary: str
    reply_owed: bool
    replied: bool
    contacts: tuple[tuple[int, str], ...] = field(default_factory=tuple)
    points: str = ""
    advice: str = ""
    resume_advice: bool = False
