"""Merging two contacts who are the same person.

Everything attached to either of them (timeline, reminders, commitments, drafts,
referral loops, intros, employers, methods, tags) ends up on the one kept: the company
that does not win stays as a past employer. Where both have a different value for a
field, the caller says which one wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from netkeep.core import backups, session
from netkeep.core.contacts import get_card, normalise_tag, update_contact
from netkeep.core.errors import ValidationError
from netkeep.core.records import ContactCard, ContactInput
from netkeep.store.models import (
    Commitment,
    Contact,
    Employment,
    InteractionContact,
    Intro,
    ReferralLoop,
    Reminder,
    ThankYouDraft,
)

#: Fields a person may have to choose between, with the label to show.
FIELDS = (
    ("full_name", "Name"),
    ("given_name", "Given name"),
    ("family_name", "Family name"),
    ("title", "Title"),
    ("company", "Company"),
    ("linkedin_url", "LinkedIn"),
    ("website", "Website"),
    ("location", "Location"),
    ("birthday", "Birthday"),
    ("contact_type", "Type"),
    ("job_search", "Job search"),
    ("how_met", "How met"),
    ("met_on", "Met on"),
    ("met_at", "Met at"),
    ("introduced_by_id", "Introduced by"),
    ("needs", "Needs"),
    ("notes", "Notes"),
    ("cadence_days", "Cadence (days)"),
    ("next_follow_up", "Next follow-up"),
)
#: Text fields where "both" (one after the other) is also a choice.
JOINABLE = ("needs", "notes")
CHOICES = ("keep", "other", "both")


@dataclass(frozen=True)
class Difference:
    """A field where the two contacts disagree, with both values as text."""

    field: str
    label: str
    keep: str
    other: str

    @property
    def joinable(self) -> bool:
        return self.field in JOINABLE


def _shown(card: ContactCard, data: ContactInput, name: str) -> str:
    if name == "introduced_by_id":
        return card.introduced_by
    value = getattr(data, name)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def differences(keep_id: int, other_id: int) -> list[Difference]:
    """Fields where both contacts have a value and the values differ."""
    keep, other = get_card(keep_id), get_card(other_id)
    keep_in, other_in = keep.to_input(), other.to_input()
    found = []
    for name, label in FIELDS:
        a, b = getattr(keep_in, name), getattr(other_in, name)
        if name == "contact_type" and "peer" in (a, b):
            continue
        if name == "introduced_by_id" and other_in.introduced_by_id == keep_id:
            continue
        if a and b and a != b:
            found.append(Difference(name, label, _shown(keep, keep_in, name), _shown(other, other_in, name)))
    return found


def merged_input(
    keep: ContactInput, other: ContactInput, choices: Mapping[str, str], keep_id: int
) -> ContactInput:
    """The kept contact's details after the merge."""
    updates: dict = {}
    for name, _label in FIELDS:
        a, b = getattr(keep, name), getattr(other, name)
        if name == "introduced_by_id" and b == keep_id:
            continue
        choice = choices.get(name, "keep")
        if choice not in CHOICES or (choice == "both" and name not in JOINABLE):
            raise ValidationError({name: f"Choose 'keep' or 'other' for {name}."})
        if (
            (name == "contact_type" and a == "peer" and b != "peer")
            or (not a and b)
            or (a and b and a != b and choice == "other")
        ):
            updates[name] = b
        elif a and b and a != b and choice == "both":
            updates[name] = f"{a}\n\n{b}"
    for name in ("emails", "phones", "urls"):
        known = {m.value.strip().casefold() for m in getattr(keep, name)}
        extra = tuple(m for m in getattr(other, name) if m.value.strip().casefold() not in known)
        updates[name] = tuple(getattr(keep, name)) + extra
    tags = list(keep.tags)
    tags += [t for t in other.tags if normalise_tag(t) not in {normalise_tag(k) for k in tags}]
    updates["tags"] = tuple(tags)
    details = list(keep.details or ())
    details += [detail for detail in other.details or () if detail not in details]
    updates["details"] = tuple(details)
    return replace(keep, **updates)


def merge_contacts(keep_id: int, other_id: int, choices: Mapping[str, str] | None = None) -> int:
    """Fold ``other_id`` into ``keep_id`` and delete it; return ``keep_id``.

    ``choices`` maps a field name (see :data:`FIELDS`) to ``"keep"``, ``"other"`` or, for
    notes and needs, ``"both"``; fields not named keep the kept contact's value.
    """
    if keep_id == other_id:
        raise ValidationError({"contact": "Choose two different contacts to merge."})
    backups.before("merge")
    with session.writing(kind="merge", contacts=[keep_id]) as change:
        keep, other = get_card(keep_id), get_card(other_id)
        change.default(f"Merged {other.full_name} into {keep.full_name}")
        data = merged_input(keep.to_input(), other.to_input(), choices or {}, keep_id)
        if data.introduced_by_id == other_id:
            data = replace(
                data, introduced_by_id=other.introduced_by_id if other.introduced_by_id != keep_id else None
            )
        _move_links(keep_id, other_id)
        moments = [m for m in (keep.last_contact_at, other.last_contact_at) if m is not None]
        (
            Contact.update(
                last_contact_at=max(moments) if moments else None,
                created_at=min(keep.created_at, other.created_at),
            )
            .where(Contact.id == keep_id)
            .execute()
        )
        Contact.get_by_id(other_id).delete_instance()
        update_contact(keep_id, data)
        _one_current_employer(keep_id)
    return keep_id


def _one_current_employer(contact_id: int) -> None:
    """Both employers are kept: the company on the card is the current one, the other one
    (moved over from the merged contact) becomes a past one."""
    import pendulum

    company_id = Contact.get_by_id(contact_id).company_id
    rows = list(Employment.select().where(Employment.contact == contact_id))
    current = {row.company_id for row in rows if row.ended_on is None}
    for row in rows:
        if row.company_id == company_id and row.ended_on is not None and company_id in current:
            row.delete_instance()  # the same employer twice: the current row stays
        elif row.company_id != company_id and row.ended_on is None:
            row.ended_on = pendulum.today().date()
            row.save()


def _move_links(keep_id: int, other_id: int) -> None:
    shared = InteractionContact.select(InteractionContact.interaction).where(
        InteractionContact.contact == keep_id
    )
    (
        InteractionContact.update(contact=keep_id)
        .where((InteractionContact.contact == other_id) & InteractionContact.interaction.not_in(shared))
        .execute()
    )
    InteractionContact.delete().where(InteractionContact.contact == other_id).execute()
    for model in (Reminder, Commitment, ThankYouDraft):
        model.update(contact=keep_id).where(model.contact == other_id).execute()
    ReferralLoop.update(contact=keep_id).where(ReferralLoop.contact == other_id).execute()
    ReferralLoop.update(introducer=keep_id).where(ReferralLoop.introducer == other_id).execute()
    ReferralLoop.delete().where(ReferralLoop.contact == ReferralLoop.introducer).execute()
    Intro.update(first=keep_id).where(Intro.first == other_id).execute()
    Intro.update(second=keep_id).where(Intro.second == other_id).execute()
    Intro.delete().where(Intro.first == Intro.second).execute()
    known = Employment.select(Employment.company).where(Employment.contact == keep_id)
    (
        Employment.update(contact=keep_id)
        .where((Employment.contact == other_id) & Employment.company.not_in(known))
        .execute()
    )
    Contact.update(introduced_by=keep_id).where(Contact.introduced_by == other_id).execute()
    Contact.update(introduced_by=None).where(
        (Contact.id == keep_id) & (Contact.introduced_by == keep_id)
    ).execute()
