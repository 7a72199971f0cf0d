"""Being useful to them: who in my network might help with a contact's needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import JOIN, fn

from netkeep.core.errors import NotFound
from netkeep.store.models import Company, Contact, ContactTag, Tag

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "for",
        "from",
        "get",
        "has",
        "have",
        "her",
        "his",
        "into",
        "its",
        "looking",
        "me",
        "more",
        "need",
        "needs",
        "new",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "some",
        "someone",
        "something",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "who",
        "wants",
        "with",
        "would",
        "you",
        "your",
        "about",
        "help",
        "find",
        "good",
        "company",
        "companies",
        "person",
        "people",
        "intro",
        "intros",
        "introduction",
        "contact",
        "contacts",
        "referral",
        "referrals",
        "role",
        "job",
        "jobs",
        "work",
        "position",
        "advice",
        "chat",
        "talk",
    ]
)
#: How much a matching word counts in each field.
WEIGHTS = {"title": 3, "company": 3, "tags": 2, "notes": 1}
CANDIDATES_MAX = 2000


@dataclass(frozen=True)
class Helper:
    """A contact who might help, and why: the fields that matched."""

    contact_id: int
    name: str
    company: str
    title: str
    score: int
    why: str


@dataclass(frozen=True)
class NeedHelp:
    need: str
    helpers: tuple[Helper, ...]


def split_needs(text: str) -> list[str]:
    """One need per line (or per ``;``)."""
    return [n.strip(" -•*\t") for n in re.split(r"[\n;]+", text) if n.strip(" -•*\t")]


def stems(need: str) -> list[str]:
    """The words of a need worth matching, cut to six letters so ``designer`` finds ``design``."""
    found = []
    for word in re.findall(r"[\w+#.-]+", need.casefold()):
        word = word.strip(".-")
        if len(word) < 3 or word in STOPWORDS:
            continue
        stem = word[:6] if len(word) > 6 else word
        if stem not in found:
            found.append(stem)
    return found


def _score(words: list[str], fields: dict[str, str]) -> tuple[int, str]:
    score, why = 0, []
    for name, text in fields.items():
        hits = [w for w in words if w in text]
        if hits:
            score += WEIGHTS[name] * len(hits)
            why.append(name)
    matched = sum(1 for w in words if any(w in t for t in fields.values()))
    return score + 2 * matched, ", ".join(why)


def suggest_for_need(need: str, *, exclude: int | None = None, limit: int = 5) -> list[Helper]:
    """Contacts whose company, title, tags or notes match the need's words, best first."""
    words = stems(need)
    if not words:
        return []
    tags = (
        ContactTag.select(ContactTag.contact, fn.GROUP_CONCAT(Tag.name, " ").alias("names"))
        .join(Tag)
        .group_by(ContactTag.contact)
        .alias("t")
    )
    match = None
    for word in words:
        clause = Contact.search_text.contains(word)
        match = clause if match is None else (match | clause)
    query = (
        Contact.select(
            Contact.id,
            Contact.full_name,
            Contact.title,
            Contact.notes,
            Company.name,
            tags.c.names,
            Contact.last_contact_at,
        )
        .join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .join(tags, JOIN.LEFT_OUTER, on=(tags.c.contact_id == Contact.id))
        .where(match & Contact.active())
        .limit(CANDIDATES_MAX)
        .tuples()
    )
    if exclude is not None:
        query = query.where(Contact.id != exclude)
    helpers = []
    recent: dict[int, float] = {}
    for cid, name, title, notes, company, tag_names, last_contact in query:
        fields = {
            "title": title.casefold(),
            "company": (company or "").casefold(),
            "tags": (tag_names or "").casefold(),
            "notes": notes.casefold(),
        }
        score, why = _score(words, fields)
        if why:
            helpers.append(Helper(cid, name, company or "", title, score, why))
            recent[cid] = last_contact.timestamp() if last_contact else 0.0
    # best match first; among equals, the people I have been in touch with lately
    helpers.sort(key=lambda h: h.name.casefold())
    helpers.sort(key=lambda h: recent[h.contact_id], reverse=True)
    helpers.sort(key=lambda h: h.score, reverse=True)
    return helpers[:limit]


def suggest_helpers(contact_id: int, *, limit: int = 5) -> list[NeedHelp]:
    """For each of a contact's needs, the contacts who might help with it."""
    row = Contact.select(Contact.needs).where(Contact.id == contact_id).first()
    if row is None:
        raise NotFound(f"There is no contact with id {contact_id}.")
    return [
        NeedHelp(need, tuple(suggest_for_need(need, exclude=contact_id, limit=limit)))
        for need in split_needs(row.needs)
    ]
