"""Finding the contact a person means by what they typed."""

from __future__ import annotations

from netkeep.core.contacts import resolve
from netkeep.store.models import Contact


def candidates(text: str) -> list[tuple[int, str, str]]:
    """Contacts ``text`` may mean, best first, as ``(id, name, company)``.

    ``#12`` is a contact id; ``NAME @COMPANY`` narrows fuzzy name matches by company.
    """
    text = text.strip()
    if text.startswith("#") and text[1:].isdigit():
        contact = Contact.get_or_none(Contact.id == int(text[1:]))
        return [(contact.id, contact.full_name, "")] if contact else []
    name, _, company = text.partition("@")
    found = resolve(name)
    if company.strip():
        wanted = company.strip().casefold()
        found = [c for c in found if wanted in c[2].casefold()]
    return found


def describe(candidate: tuple[int, str, str]) -> str:
    """``Jane Doe (Stripe, #12)``: enough to tell two namesakes apart."""
    contact_id, name, company = candidate
    return f"{name} ({company}, #{contact_id})" if company else f"{name} (#{contact_id})"
