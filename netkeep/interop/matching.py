"""Who an incoming person already is: strong evidence only.

A person matches an existing contact (or an earlier record of the same import) by, in
this order: the same card UID (unless the names plainly differ), LinkedIn profile, email
address, phone number (when the names agree), or exactly the same name (when no email,
phone or LinkedIn profile says otherwise). A close name at the same company is only a
*suggestion*, never a match, and never made when an email, phone or LinkedIn profile differs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from netkeep.core.match_keys import contact_keys, email_addresses, phone_numbers
from netkeep.core.normalise import normalise_company
from netkeep.core.records import ContactInput
from netkeep.interop.records import linkedin_key
from netkeep.interop.values import phone_key

#: How close two names at one company must be to suggest a duplicate (rapidfuzz, 0–100).
NAME_SCORE = 90


@lru_cache(maxsize=8192)
def company_key(name: str) -> str:
    """The key a company is stored under (``Company.key``)."""
    name = " ".join(name.split())
    return normalise_company(name) or name.casefold()


_PUNCTUATION = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as it is matched: no accents, case or punctuation (``Zoë O'Neil`` → ``zoe o neil``)."""
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return _PUNCTUATION.sub(" ", name.casefold()).strip()


@dataclass
class Keys:
    """What identifies one person."""

    name: str
    uid: str = ""
    linkedin: str = ""
    company: str = ""
    emails: set[str] = field(default_factory=set)
    #: Phone keys (:func:`phone_key`) and the number as written, for the reason shown.
    phones: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, data: ContactInput) -> Keys:
        return cls(
            data.full_name,
            data.uid,
            linkedin_key(data.linkedin_url) if data.linkedin_url else "",
            company_key(data.company) if data.company else "",
            {m.value.strip().casefold() for m in data.emails},
            {key: m.value for m in data.phones if (key := phone_key(m.value))},
        )

    def absorb(self, other: Keys) -> None:
        """Take on ``other``'s keys (an update adds them to the contact)."""
        self.linkedin = self.linkedin or other.linkedin
        self.company = other.company or self.company
        self.emails |= other.emails
        self.phones.update(other.phones)


def conflicts(a: Keys, b: Keys) -> bool:
    """Whether an email, phone or LinkedIn profile says these are two people: both have
    one of that kind, and none in common."""
    return (
        bool(a.linkedin and b.linkedin and a.linkedin != b.linkedin)
        or bool(a.emails and b.emails and not a.emails & b.emails)
        or bool(a.phones and b.phones and not a.phones.keys() & b.phones.keys())
    )


def names_agree(a: str, b: str) -> bool:
    """Whether two names may be one person's: the same name or given name, or one of them
    is no name at all (a card named by its number or address)."""
    first, second = name_key(a), name_key(b)
    if first == second or not any(ch.isalpha() for ch in first) or not any(ch.isalpha() for ch in second):
        return True
    return "@" in a or "@" in b or first.split()[0] == second.split()[0]


@dataclass(frozen=True)
class Match:
    """An incoming person found: ``ref`` is a contact id, or ``-1 - n`` for the n-th
    record of this import; ``why`` says how ("same email jane@x.example")."""

    ref: int
    why: str


class Index:
    """Existing contacts' keys, and those of this import's records as they are planned."""

    def __init__(self, *, phones: bool = True) -> None:
        self.people: dict[int, Keys] = {}
        self.by_uid: dict[str, int] = {}
        self.by_linkedin: dict[str, int] = {}
        self.by_email: dict[str, set[int]] = {}
        self.by_phone: dict[str, set[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_company: dict[str, list[int]] = {}
        #: Beside each company's people, their names as fuzzy matching compares them.
        self.company_names: dict[str, list[str]] = {}
        #: Existing contacts an earlier record of this import matched: ref → that record's ref.
        self.claimed: dict[int, int] = {}
        emails: dict[int, set[str]] = {}
        for contact_id, value in email_addresses():
            emails.setdefault(contact_id, set()).add(value.strip().casefold())
        numbers: dict[int, dict[str, str]] = {}
        for contact_id, value in phone_numbers() if phones else ():
            if key := phone_key(value):
                numbers.setdefault(contact_id, {})[key] = value
        for contact_id, uid, name, linkedin, company in contact_keys():
            keys = Keys(
                name,
                uid,
                linkedin_key(linkedin) if linkedin else "",
                company or "",
                emails.get(contact_id, set()),
                numbers.get(contact_id, {}),
            )
            self.add(contact_id, keys)

    def name_of(self, ref: int) -> str:
        """The name of a contact (or of a record of this import), "a contact" if unknown."""
        keys = self.people.get(ref)
        return keys.name if keys else "a contact"

    def add(self, ref: int, keys: Keys) -> None:
        self.people[ref] = keys
        if keys.uid:
            self.by_uid.setdefault(keys.uid, ref)
        self._index(ref, keys)
        self.by_name.setdefault(name_key(keys.name), []).append(ref)
        if keys.company:
            self.by_company.setdefault(keys.company, []).append(ref)
            self.company_names.setdefault(keys.company, []).append(utils.default_process(keys.name))

    def absorb(self, ref: int, keys: Keys) -> None:
        """An update of ``ref`` with ``keys``: later records find it by them too."""
        self.people[ref].absorb(keys)
        self._index(ref, keys)

    def _index(self, ref: int, keys: Keys) -> None:
        if keys.linkedin:
            self.by_linkedin.setdefault(keys.linkedin, ref)
        for email in keys.emails:
            self.by_email.setdefault(email, set()).add(ref)
        for key in keys.phones:
            self.by_phone.setdefault(key, set()).add(ref)

    def find(self, keys: Keys) -> Match | None:
        """The contact or earlier record ``keys`` is, by strong evidence only."""
        if keys.uid and keys.uid in self.by_uid:  # unless the card is plainly someone else's
            ref = self.by_uid[keys.uid]
            if names_agree(keys.name, self.people[ref].name):
                return Match(ref, "same card UID")
        if keys.linkedin and keys.linkedin in self.by_linkedin:
            return Match(self.by_linkedin[keys.linkedin], f"same LinkedIn profile {keys.linkedin}")
        for email in sorted(keys.emails):
            refs = self.by_email.get(email, ())
            if len(refs) == 1:
                return Match(next(iter(refs)), f"same email {email}")
        for key, number in keys.phones.items():
            refs = self.by_phone.get(key, ())
            if len(refs) == 1 and names_agree(keys.name, self.people[ref := next(iter(refs))].name):
                return Match(ref, f"same phone {number}")
        same = [
            ref
            for ref in self.by_name.get(name_key(keys.name), ())
            if ref > 0 and ref not in self.claimed and not conflicts(keys, self.people[ref])
        ]
        if len(same) > 1 and keys.company:  # several people of that name: the one at that company
            same = [ref for ref in same if self.people[ref].company == keys.company]
        if same and any(ch.isalpha() for ch in keys.name):
            return Match(min(same), "same name")
        return None

    def suggest(self, keys: Keys) -> Match | None:
        """Who ``keys`` might be, to say so in the preview: the same name (taken already by
        another record), or a close name at the same company; never when they conflict."""
        for ref in self.by_name.get(name_key(keys.name), ()):
            if not conflicts(keys, self.people[ref]):
                return Match(ref, "same name")
        people = self.by_company.get(keys.company, ()) if keys.company else ()
        if not people:
            return None
        close = process.extract(
            utils.default_process(keys.name),
            self.company_names[keys.company],
            scorer=fuzz.token_sort_ratio,
            processor=None,
            score_cutoff=NAME_SCORE,
            limit=None,
        )
        for _name, _score, at in close:
            if not conflicts(keys, self.people[people[at]]):
                return Match(people[at], "similar name at the same company")
        return None
