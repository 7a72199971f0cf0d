"""Who a new contact may already be: the same email, phone, LinkedIn profile or name.

Quick capture asks before saving a second copy of someone (``netkeep capture`` without
``--new``, and the capture form's "is this …?" choice).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from netkeep.core.errors import NetkeepError
from netkeep.core.records import ContactInput
from netkeep.store.models import Company, Contact, ContactMethod


@dataclass(frozen=True)
class Duplicate:
    """An existing contact a new one may be, and why (``same email``, ``same name``, …)."""

    id: int
    name: str
    company: str
    last_contact_at: datetime | None
    reason: str

    def describe(self) -> str:
        """``Priya Raman (Stripe, last contact 3 Mar)``."""
        from netkeep.core.dates import short_date

        details = [self.company] if self.company else []
        if self.last_contact_at is not None:
            details.append(f"last contact {short_date(self.last_contact_at)}")
        return f"{self.name} ({', '.join(details)})" if details else self.name


class DuplicateFound(NetkeepError):
    """A capture that looks like someone already saved; nothing was written."""

    def __init__(self, matches: list[Duplicate]) -> None:
        self.matches = matches
        first = matches[0]
        more = f" (and {len(matches) - 1} more)" if len(matches) > 1 else ""
        super().__init__(f"{first.describe()} is already here ({first.reason}){more}")


def name_key(name: str) -> str:
    """What two spellings of one name share: ``Sam O'Néil`` → ``sam oneil``."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


def phone_key(phone: str) -> str:
    """The last ten digits: ``+1 (415) 555-0101`` and ``415.555.0101`` share one."""
    return re.sub(r"\D", "", phone)[-10:]


def linkedin_key(url: str) -> str:
    """``https://www.linkedin.com/in/priya/`` → ``linkedin.com/in/priya``."""
    text = url.strip().casefold().split("?")[0].rstrip("/")
    return re.sub(r"^(https?://)?([a-z]{2,3}\.)?", "", text)


def likely_duplicates(data: ContactInput) -> list[Duplicate]:
    """Contacts (archived too) that share an email, phone, LinkedIn profile or name with ``data``."""
    reasons: dict[int, str] = {}
    for method in data.emails:
        email = method.value.strip().casefold()
        query = ContactMethod.select(ContactMethod.contact).where(
            (ContactMethod.kind == "email") & (fn.lower(ContactMethod.value) == email)
        )
        for row in query.tuples():
            reasons.setdefault(row[0], "same email")
    for method in data.phones:
        key = phone_key(method.value)
        if len(key) < 7:
            continue
        query = ContactMethod.select(ContactMethod.contact, ContactMethod.value).where(
            (ContactMethod.kind == "phone") & (ContactMethod.value.endswith(key[-2:]))
        )
        for contact_id, value in query.tuples():
            if phone_key(value) == key:
                reasons.setdefault(contact_id, "same phone")
    if data.linkedin_url.strip():
        key = linkedin_key(data.linkedin_url)
        query = Contact.select(Contact.id, Contact.linkedin_url).where(Contact.linkedin_url.contains(key))
        for contact_id, url in query.tuples():
            if linkedin_key(url) == key:
                reasons.setdefault(contact_id, "same LinkedIn profile")
    key = name_key(data.full_name)
    if key:
        first = data.full_name.strip()[:1]
        query = Contact.select(Contact.id, Contact.full_name).where(Contact.full_name.startswith(first))
        for contact_id, name in query.tuples():
            if name_key(name) == key:
                reasons.setdefault(contact_id, "same name")
    if not reasons:
        return []
    query = (
        Contact.select(Contact.id, Contact.full_name, Company.name, Contact.last_contact_at)
        .join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .where(Contact.id.in_(list(reasons)))
    )
    found = [
        Duplicate(contact_id, name, company or "", last, reasons[contact_id])
        for contact_id, name, company, last in query.tuples()
    ]
    order = list(reasons)
    return sorted(found, key=lambda d: order.index(d.id))


def add_to(contact_id: int, data: ContactInput) -> None:
    """Add what was captured to an existing contact instead of saving a second one.

    Their own fields stay; empty ones are filled from ``data``; new emails, phones and tags
    are added; the note is appended; a follow-up date given now replaces theirs. One write.
    """
    from dataclasses import replace

    from netkeep.core import contacts

    old = contacts.get_card(contact_id).to_input()
    emails = {m.value.strip().casefold() for m in old.emails}
    phones = {phone_key(m.value) for m in old.phones}
    filled = {
        name: getattr(data, name)
        for name in ("title", "company", "linkedin_url", "how_met", "met_at", "met_on", "introduced_by_id")
        if not getattr(old, name) and getattr(data, name)
    }
    merged = replace(
        old,
        **filled,
        emails=old.emails + tuple(m for m in data.emails if m.value.strip().casefold() not in emails),
        phones=old.phones + tuple(m for m in data.phones if phone_key(m.value) not in phones),
        tags=old.tags + tuple(t for t in data.tags if t not in old.tags),
        notes="\n\n".join(n for n in (old.notes, data.notes) if n.strip()),
        next_follow_up=data.next_follow_up or old.next_follow_up,
        job_search=old.job_search or data.job_search,
    )
    contacts.update_contact(contact_id, merged)
