"""People for the tests: a contact, or an interaction with one, written through core in one call."""

from __future__ import annotations

from netkeep.core import contacts, interactions
from netkeep.core.records import ContactInput, InteractionInput, Method


def person(name: str, email: str = "", **fields) -> int:
    """Create a contact called ``name`` (with ``email`` as a work address, if given, and any
    other ``ContactInput`` field) and return its id."""
    emails = (Method("email", email, "work"),) if email else ()
    return contacts.create_contact(ContactInput(full_name=name, emails=emails, **fields))


def log(contact_id: int, kind: str = "coffee", summary: str = "", **fields) -> int:
    """Log an interaction with one contact (any other ``InteractionInput`` field too); its id."""
    return interactions.log_interaction(
        InteractionInput(contact_ids=(contact_id,), kind=kind, summary=summary, **fields)
    )
