"""Contacts: create, edit, archive, delete.

Reading them is in ``core.contact_card`` (one contact) and ``core.contact_list`` (the
list, search, resolving names); the text rules in ``core.normalise`` and checking input in
``core.validation``. Their public names are importable from here too.
"""

from __future__ import annotations

import uuid
from datetime import date

import pendulum

from netkeep.core import cadence, session
from netkeep.core.contact_card import get_card, name_of
from netkeep.core.contact_list import (
    BY_NAME,
    SORT_KEYS,
    count_contacts,
    filter_rows,
    get_row,
    get_rows,
    list_rows,
    names_for_completion,
    resolve,
    search,
    sort_rows,
)
from netkeep.core.details import details_of, is_organisation, set_details
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.normalise import normalise_company, normalise_tag, search_text, tag_name
from netkeep.core.records import ContactInput
from netkeep.core.text import strip_controls
from netkeep.core.validation import EMAIL_RE, FIELD_MAX, NAME_MAX, TEXT_MAX, validate
from netkeep.store.models import (
    Company,
    Contact,
    ContactMethod,
    ContactTag,
    Employment,
    Tag,
)

__all__ = [
    "BY_NAME",
    "EMAIL_RE",
    "FIELD_MAX",
    "NAME_MAX",
    "SORT_KEYS",
    "TEXT_MAX",
    "company_for",
    "count_contacts",
    "create_contact",
    "delete_contact",
    "fields_for",
    "filter_rows",
    "get_card",
    "get_row",
    "get_rows",
    "list_rows",
    "name_of",
    "names_for_completion",
    "normalise_company",
    "normalise_tag",
    "refresh_follow_up",
    "resolve",
    "search",
    "set_archived",
    "sort_rows",
    "strip_controls",
    "today",
    "update_contact",
    "validate",
]


def _now() -> pendulum.DateTime:
    return pendulum.now("UTC")


def company_for(name: str) -> Company | None:
    """The company called ``name``, created if new; None for an empty name.

    The spelling typed last is the one shown (``ACME`` typed after ``Acme`` renames it).
    """
    name = " ".join(name.split())
    if not name:
        return None
    key = normalise_company(name) or name.casefold()
    company = Company.get_or_none(Company.key == key)
    if company is None:
        company = Company.create(name=name, key=key, created_at=_now())
    elif company.name != name:
        company.name = name
        company.save(only=[Company.name])
    return company


def tag_ids(tags) -> dict[str, int]:
    """The tag for each key (:func:`normalise_tag`) of ``tags``, created as typed when new."""
    wanted: dict[str, str] = {}
    for tag in tags:
        key = normalise_tag(tag)
        if key:
            wanted.setdefault(key, tag_name(tag))
    if not wanted:
        return {}
    found = {
        normalise_tag(name): tag_id
        for tag_id, name in Tag.select(Tag.id, Tag.name).tuples()
        if normalise_tag(name) in wanted
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = Tag.insert(name=name).execute()
    return found


def _set_tags(contact_id: int, tags) -> None:
    ids = tag_ids(tags)
    ContactTag.delete().where(ContactTag.contact == contact_id).execute()
    if ids:
        ContactTag.insert_many([(contact_id, tag_id) for tag_id in ids.values()]).execute()


def _set_methods(contact_id: int, data: ContactInput) -> None:
    ContactMethod.delete().where(ContactMethod.contact == contact_id).execute()
    rows = []
    for kind, methods in (("email", data.emails), ("phone", data.phones), ("url", data.urls)):
        for position, method in enumerate(methods):
            value = method.value.strip()
            if value:
                rows.append(
                    {
                        "contact": contact_id,
                        "kind": kind,
                        "label": method.label.strip(),
                        "value": value,
                        "position": position,
                    }
                )
    if rows:
        ContactMethod.insert_many(rows).execute()


def fields_for(
    data: ContactInput,
    company: Company | None,
    *,
    organisation: bool | None = None,
    now: pendulum.DateTime | None = None,
) -> dict:
    """The columns a contact is saved with (one by one here, many at once in ``core.bulk``).

    A person's name is split into given and family names when none are given; an
    organisation's (``organisation``, else what ``data.details`` say) is not.
    """
    name = " ".join(data.full_name.split())
    given, family = data.given_name.strip(), data.family_name.strip()
    if organisation is None:
        organisation = is_organisation(data.details)
    if not given and not family and not organisation:
        pieces = name.split(" ")
        given, family = pieces[0], " ".join(pieces[1:])
    return {
        "full_name": name,
        "given_name": given,
        "family_name": family,
        "title": data.title.strip(),
        "company": company,
        "website": data.website.strip(),
        "location": data.location.strip(),
        "linkedin_url": data.linkedin_url.strip(),
        "birthday": data.birthday.strip(),
        "contact_type": data.contact_type,
        "job_search": data.job_search,
        "how_met": data.how_met.strip(),
        "met_on": data.met_on,
        "met_at": data.met_at.strip(),
        "introduced_by": data.introduced_by_id,
        "needs": data.needs.strip(),
        "notes": data.notes.rstrip(),
        "cadence_days": data.cadence_days,
        "source": data.source,
        "search_text": search_text(
            name=data.full_name,
            company=company.name if company else "",
            title=data.title,
            tags=data.tags,
            notes=data.notes,
            how_met=data.how_met,
            met_at=data.met_at,
            location=data.location,
            needs=data.needs,
            emails=[m.value for m in data.emails],
        ),
        "updated_at": now or _now(),
    }


def refresh_follow_up(contact: Contact, overrides: dict[str, int] | None = None) -> None:
    """Recompute the next follow-up from the last touch, unless it was set by hand.

    An imported contact gets none until the first logged interaction
    (``Contact.waiting_for_first_touch``), so importing 500 old connections does not put 500
    people on Today.
    """
    if contact.follow_up_manual and contact.next_follow_up:
        return
    if contact.imported and contact.last_contact_at is None:
        contact.next_follow_up = None
        return
    if contact.last_contact_at is not None:
        last: date = contact.last_contact_at.date()
    elif contact.met_on is not None:
        last = contact.met_on
    else:
        last = (contact.created_at or _now()).date()
    days = cadence.cadence_for(contact.contact_type, contact.job_search, contact.cadence_days, overrides)
    contact.next_follow_up = cadence.next_follow_up(last, days)


def create_contact(data: ContactInput) -> int:
    """Save a new contact; return its id."""
    data = validate(data)
    with session.writing(f"Added {data.full_name}", kind="add") as change:
        if data.introduced_by_id is not None:
            _require(data.introduced_by_id)
        company = company_for(data.company)
        fields = fields_for(data, company)
        contact = Contact(uid=data.uid or str(uuid.uuid4()), created_at=_now(), **fields)
        contact.follow_up_manual = data.next_follow_up is not None
        contact.next_follow_up = data.next_follow_up
        refresh_follow_up(contact)
        contact.save(force_insert=True)
        _set_methods(contact.id, data)
        _set_tags(contact.id, data.tags)
        if data.details:
            set_details(contact.id, data.details)
        if company:
            Employment.create(contact=contact.id, company=company, title=fields["title"])
        change.concern([contact.id])
    return contact.id


def update_contact(contact_id: int, data: ContactInput) -> None:
    """Replace a contact's details with ``data``; a company change keeps the old one as past."""
    data = validate(data)
    with session.writing(kind="edit", contacts=[contact_id]) as change:
        contact = _require(contact_id)
        change.default(f"Edited {contact.full_name}")
        if data.introduced_by_id == contact_id:
            raise ValidationError({"introduced_by": "A contact cannot introduce themselves."})
        if data.introduced_by_id is not None:
            _require(data.introduced_by_id)
        old_company_id = contact.company_id
        company = company_for(data.company)
        details = details_of(contact_id) if data.details is None else data.details
        for key, value in fields_for(data, company, organisation=is_organisation(details)).items():
            setattr(contact, key, value)
        contact.follow_up_manual = data.next_follow_up is not None
        contact.next_follow_up = data.next_follow_up
        refresh_follow_up(contact)
        contact.save()
        _set_methods(contact_id, data)
        _set_tags(contact_id, data.tags)
        if data.details is not None:
            set_details(contact_id, data.details)
        if company and company.id != old_company_id:
            today = pendulum.today().date()
            (
                Employment.update(ended_on=today)
                .where((Employment.contact == contact_id) & Employment.ended_on.is_null())
                .execute()
            )
            Employment.create(contact=contact_id, company=company, title=contact.title, started_on=today)


def set_archived(contact_id: int, archived: bool = True) -> None:
    with session.writing(kind="archive" if archived else "unarchive", contacts=[contact_id]) as change:
        contact = _require(contact_id)
        change.default(f"{'Archived' if archived else 'Brought back'} {contact.full_name}")
        contact.archived = archived
        contact.updated_at = _now()
        contact.save()


def delete_contact(contact_id: int) -> None:
    """Delete a contact and everything only they were part of."""
    from netkeep.store.models import Interaction, InteractionContact

    with session.writing(kind="delete", contacts=[contact_id]) as change:
        contact = _require(contact_id)
        change.default(f"Deleted {contact.full_name}")
        sole = InteractionContact.select(InteractionContact.interaction).where(
            InteractionContact.contact == contact_id
        )
        shared = InteractionContact.select(InteractionContact.interaction).where(
            (InteractionContact.interaction.in_(sole)) & (InteractionContact.contact != contact_id)
        )
        doomed = [row[0] for row in sole.where(InteractionContact.interaction.not_in(shared)).tuples()]
        contact.delete_instance()
        if doomed:
            Interaction.delete().where(Interaction.id.in_(doomed)).execute()


def _require(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFound(f"There is no contact with id {contact_id}.")
    return contact


def today() -> date:
    return pendulum.today().date()
