"""People for the tests: a contact written through core in one call."""

from __future__ import annotations

from netkeep.core import contacts
from netkeep.core.records import ContactInput, Method


def person(name: str, email: str = "", **fields) -> int:
    """Create a contact called ``name`` (with ``email`` as a work address, if given, and any
    other ``ContactInput`` field) and return its id."""
    emails = (Method("email", email, "work"),) if email else ()
    return contacts.create_contact(ContactInput(full_name=name, emails=emails, **fields))
