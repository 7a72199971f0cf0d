"""What an import matches incoming people against: every contact's identifying keys.

``interop.matching`` finds who an incoming person is with these (the same card UID,
LinkedIn profile, email, phone or name), and suggests who they might be (a close name at
the same company).
"""

from __future__ import annotations

from typing import NamedTuple

from peewee import JOIN

from netkeep.store.models import Company, Contact, ContactMethod, database


class ContactKeys(NamedTuple):
    id: int
    uid: str
    name: str
    linkedin_url: str
    company_key: str | None  # ``Company.key``: the normalised company name


def contact_keys() -> list[ContactKeys]:
    """Every contact (archived ones too) with its keys, in no particular order."""
    query = Contact.select(
        Contact.id, Contact.uid, Contact.full_name, Contact.linkedin_url, Company.key
    ).join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
    return [ContactKeys._make(row) for row in database.execute(query)]


def email_addresses() -> list[tuple[int, str]]:
    """``(contact id, email address)`` for every email address, as stored."""
    return _methods("email")


def phone_numbers() -> list[tuple[int, str]]:
    """``(contact id, phone number)`` for every phone number, as stored."""
    return _methods("phone")


def _methods(kind: str) -> list[tuple[int, str]]:
    query = ContactMethod.select(ContactMethod.contact, ContactMethod.value).where(ContactMethod.kind == kind)
    return list(database.execute(query))
