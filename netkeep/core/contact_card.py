"""One contact, read whole: the card the contact view shows, and the name alone."""

from __future__ import annotations

from peewee import JOIN

from netkeep.core.details import details_of
from netkeep.core.errors import NotFound
from netkeep.core.records import ContactCard, Method
from netkeep.store.models import Company, Contact, ContactMethod, ContactTag, Employment, Tag


def name_of(contact_id: int) -> str:
    """The contact's full name."""
    row = Contact.select(Contact.full_name).where(Contact.id == contact_id).first()
    if row is None:
        raise NotFound(f"There is no contact with id {contact_id}.")
    return row.full_name


def who(contact_ids) -> str:
    """``Ana Silva``, ``Ana Silva and Bob Lee`` or ``Ana Silva and 3 others`` (for summaries)."""
    ids = list(dict.fromkeys(contact_ids))
    names = dict(Contact.select(Contact.id, Contact.full_name).where(Contact.id.in_(ids[:2])).tuples())
    shown = [names[i] for i in ids[:2] if i in names]
    if len(ids) > 2:
        return f"{shown[0]} and {len(ids) - 1} others" if shown else f"{len(ids)} people"
    return " and ".join(shown) or "someone"


def get_card(contact_id: int) -> ContactCard:
    """Everything about one contact."""
    contact = (
        Contact.select(Contact, Company)
        .join(Company, JOIN.LEFT_OUTER)
        .where(Contact.id == contact_id)
        .first()
    )
    if contact is None:
        raise NotFound(f"There is no contact with id {contact_id}.")
    methods: dict[str, list[Method]] = {"email": [], "phone": [], "url": []}
    for kind, value, label in (
        ContactMethod.select(ContactMethod.kind, ContactMethod.value, ContactMethod.label)
        .where(ContactMethod.contact == contact_id)
        .order_by(ContactMethod.kind, ContactMethod.position)
        .tuples()
    ):
        methods.setdefault(kind, []).append(Method(kind, value, label))
    tags = tuple(
        sorted(
            (
                name
                for (name,) in Tag.select(Tag.name)
                .join(ContactTag)
                .where(ContactTag.contact == contact_id)
                .tuples()
            ),
            key=str.casefold,
        )
    )
    introducer = ""
    if contact.introduced_by_id:
        row = Contact.select(Contact.full_name).where(Contact.id == contact.introduced_by_id).first()
        introducer = row.full_name if row else ""
    past = tuple(
        name
        for (name,) in (
            Company.select(Company.name)
            .join(Employment)
            .where((Employment.contact == contact_id) & Employment.ended_on.is_null(False))
            .order_by(Employment.ended_on.desc())
            .tuples()
        )
    )
    return ContactCard(
        id=contact.id,
        uid=contact.uid,
        full_name=contact.full_name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        title=contact.title,
        company=contact.company.name if contact.company_id else "",
        emails=tuple(methods["email"]),
        phones=tuple(methods["phone"]),
        urls=tuple(methods["url"]),
        linkedin_url=contact.linkedin_url,
        website=contact.website,
        location=contact.location,
        birthday=contact.birthday,
        contact_type=contact.contact_type,
        job_search=contact.job_search,
        how_met=contact.how_met,
        met_on=contact.met_on,
        met_at=contact.met_at,
        introduced_by_id=contact.introduced_by_id,
        introduced_by=introducer,
        needs=contact.needs,
        notes=contact.notes,
        tags=tags,
        cadence_days=contact.cadence_days,
        next_follow_up=contact.next_follow_up,
        follow_up_manual=contact.follow_up_manual,
        last_contact_at=contact.last_contact_at,
        archived=contact.archived,
        source=contact.source,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        past_companies=past,
        details=details_of(contact_id),
    )
