"""Everything else a contact's card carries: nicknames, departments, postal addresses,
profiles, related names, dates, and the card properties netkeep has no field for.

Each is a :class:`~netkeep.core.records.Detail` (kind, value, label), kept in order.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from json.encoder import encode_basestring

from netkeep.core.records import Detail
from netkeep.store.bulk import insert_rows
from netkeep.store.models import ContactDetail, database

NICKNAME = "nickname"
#: An organisational unit below the company (a vCard ORG's later parts), in order.
DEPARTMENT = "department"
#: A name's prefix, additional (middle) names or suffix, by label.
NAME_PART = "name-part"
#: A postal address: the value is the JSON list of vCard's seven ADR parts (PO box,
#: extended, street, locality, region, postal code, country); the label says which.
ADDRESS = "address"
#: A social profile or messenger: the label is the service.
PROFILE = "profile"
#: A related person by name: the label is the relation (spouse, assistant…).
RELATED = "related"
#: A date other than the birthday (``YYYY-MM-DD`` or ``--MM-DD``): the label says what.
DATE = "date"
#: Present (value "yes") when the card is an organisation rather than a person.
ORGANISATION = "organisation"
#: A spreadsheet column netkeep has no field for: the label is the column.
FIELD = "field"
#: A vCard property netkeep has no field for, as its content line (or lines, for a
#: property with its Apple label); the label is the property name.
CARD = "vcard"
#: The seven parts of an address, in vCard's order.
ADDRESS_PARTS = ("po box", "extended", "street", "locality", "region", "postal code", "country")


def address_value(parts: Sequence[str]) -> str:
    """An address detail's value from its seven parts (missing ones empty): the JSON list,
    written as ``json.dumps(parts, ensure_ascii=False)`` would (a good deal faster)."""
    padded = [*parts[:7], *[""] * (7 - len(parts[:7]))]
    return "[" + ", ".join(map(encode_basestring, padded)) + "]"


def address_parts(value: str) -> list[str]:
    """The seven parts of an address detail's value (a plain text value is the street)."""
    try:
        parts = json.loads(value)
    except ValueError:
        parts = None
    if not isinstance(parts, list):
        return ["", "", value, "", "", "", ""]
    return [str(part) for part in [*parts[:7], *[""] * (7 - len(parts[:7]))]]


def address_text(value: str) -> str:
    """An address on one line: street, postal code and place, region, country."""
    box, extended, street, locality, region, code, country = address_parts(value)
    place = " ".join(part for part in (code, locality) if part)
    parts = [street.replace("\n", ", "), extended, box, place, region, country]
    return ", ".join(part for part in parts if part.strip())


def place(parts: Sequence[str]) -> str:
    """Where an address is, as a contact's location: locality, region and country (else
    its street and PO box)."""
    box, _extended, street, locality, region, _code, country = [*parts[:7], *[""] * (7 - len(parts[:7]))]
    chosen = [locality, region, country] if any((locality, region, country)) else [street, box]
    return ", ".join(" ".join(part.split()) for part in chosen if part.strip())


def is_organisation(details: Iterable[Detail] | None) -> bool:
    return any(detail.kind == ORGANISATION for detail in details or ())


def of_kind(details: Iterable[Detail] | None, kind: str) -> list[Detail]:
    return [detail for detail in details or () if detail.kind == kind]


def details_of(contact_id: int) -> tuple[Detail, ...]:
    """One contact's details, in order."""
    query = (
        ContactDetail.select(ContactDetail.kind, ContactDetail.value, ContactDetail.label)
        .where(ContactDetail.contact == contact_id)
        .order_by(ContactDetail.position, ContactDetail.id)
    )
    return tuple(Detail(kind, value, label) for kind, value, label in query.tuples())


def all_details(ids: Collection[int] | None = None) -> dict[int, tuple[Detail, ...]]:
    """Every contact's (or these contacts') details, by contact id (one query)."""
    found: dict[int, list[Detail]] = {}
    query = ContactDetail.select(
        ContactDetail.contact, ContactDetail.kind, ContactDetail.value, ContactDetail.label
    ).order_by(ContactDetail.contact, ContactDetail.position, ContactDetail.id)
    if ids is not None:
        query = query.where(ContactDetail.contact.in_(list(ids)))
    for contact_id, kind, value, label in database.execute(query):
        found.setdefault(contact_id, []).append(Detail(kind, value, label))
    return {contact_id: tuple(details) for contact_id, details in found.items()}


def add_details(pairs: Iterable[tuple[int, Iterable[Detail]]]) -> None:
    """Save details for contacts that have none yet: ``(contact id, details)`` pairs."""
    rows = [
        (contact_id, detail.kind, detail.label, detail.value, position)
        for contact_id, details in pairs
        for position, detail in enumerate(details)
    ]
    if rows:
        fields = [
            ContactDetail.contact,
            ContactDetail.kind,
            ContactDetail.label,
            ContactDetail.value,
            ContactDetail.position,
        ]
        insert_rows(ContactDetail, fields, rows, convert=False)


def set_details(contact_id: int, details: Iterable[Detail]) -> None:
    """Replace one contact's details (inside the caller's write transaction)."""
    ContactDetail.delete().where(ContactDetail.contact == contact_id).execute()
    add_details([(contact_id, details)])
