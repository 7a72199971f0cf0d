"""Demo companies, tags and people: who they are, how they were met, how to reach them."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import timedelta

from netkeep.core.normalise import normalise_company, search_text
from netkeep.demo import words
from netkeep.demo.names import NAMES
from netkeep.demo.state import Demo, Person, insert
from netkeep.store.models import Company, Tag

#: Contact types and how often they occur.
TYPE_WEIGHTS = {
    "peer": 30,
    "alumni": 20,
    "company": 18,
    "recruiter": 8,
    "mentor": 6,
    "friend/family": 8,
    "faculty": 4,
    "other": 6,
}
#: Title family by contact type (recruiters recruit, faculty teach).
TYPE_TITLES = {"recruiter": "people", "faculty": "academic"}
TITLE_FAMILIES = [family for family in words.TITLES if family != "academic"]
#: Tags given by contact type rather than at random.
TYPE_TAGS = {"alumni": "alumni", "recruiter": "recruiter", "mentor": "mentor"}
RANDOM_TAGS = [i for i, t in enumerate(words.TAGS, start=1) if t not in TYPE_TAGS.values()]
#: Letters that do not decompose into ASCII, for email addresses and URLs.
ASCII_LETTERS = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe"})
UNIVERSITY = next(i for i, c in enumerate(words.COMPANIES, start=1) if c[2] == "education")


def ascii_name(name: str) -> str:
    """``Łukasz O'Brien`` → ``lukaszobrien``: a name as it appears in an address."""
    plain = unicodedata.normalize("NFKD", name.casefold().translate(ASCII_LETTERS))
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum())


def companies_and_tags(demo: Demo) -> None:
    rows: list[tuple[int, str, str, int | None, str, str, str]] = [
        (i, name, normalise_company(name), None, "", f"Works in {industry}.", demo.now_text)
        for i, (name, _domain, industry) in enumerate(words.COMPANIES, start=1)
    ]
    # The job search: six target employers, the best-ranked ones furthest along.
    stages = ("interviewing", "applied", "applied", "researching", "researching", "researching")
    for rank, company_id in enumerate(demo.rng.sample(range(1, len(rows) + 1), 6), start=1):
        row = rows[company_id - 1]
        rows[company_id - 1] = (*row[:3], rank, stages[rank - 1], *row[5:])
    insert(
        Company,
        [
            Company.id,
            Company.name,
            Company.key,
            Company.target_rank,
            Company.stage,
            Company.notes,
            Company.created_at,
        ],
        rows,
    )
    insert(Tag, [Tag.id, Tag.name], list(enumerate(words.TAGS, start=1)))
    # A few big employers, many small ones: Zipf-like weights.
    demo.company_weights = [1 / (rank**0.8) for rank in range(1, len(words.COMPANIES) + 1)]
    demo.rng.shuffle(demo.company_weights)


def _name(demo: Demo, used: set[str]) -> tuple[str, str, str]:
    rng = demo.rng
    for attempt in range(4):
        given_names, family_names = rng.choice(NAMES)
        given, family = rng.choice(given_names), rng.choice(family_names)
        name = f"{given} {family}"
        if attempt == 3:
            name = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {family}"
        if name not in used:
            break
    used.add(name)
    return name, given, family


def people(demo: Demo, count: int) -> None:
    rng = demo.rng
    span = 6 * 365
    # Meeting days, oldest first: contact ids follow the order people were met in,
    # so an introducer always comes before the people they introduced.
    met_days = sorted((int(span * rng.random() ** 1.6) for _ in range(count)), reverse=True)
    used: set[str] = set()
    types, type_weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    company_ids = list(range(1, len(words.COMPANIES) + 1))
    contact_rows, method_rows = [], []
    tag_rows: list[tuple[int, int]] = []
    job_rows: list[tuple[int, int, str, None, str | None]] = []
    introduced: list[int] = []
    for index, days_ago in enumerate(met_days, start=1):
        name, given, family = _name(demo, used)
        met_on = demo.today - timedelta(days=days_ago + 1)
        contact_type = rng.choices(types, type_weights)[0]
        job_search = rng.random() < (0.6 if contact_type in ("recruiter", "company") else 0.18)
        company = (
            None
            if contact_type == "friend/family" and rng.random() < 0.5
            else rng.choices(company_ids, demo.company_weights)[0]
        )
        if contact_type == "faculty":
            company = UNIVERSITY
        title_family = TYPE_TITLES.get(contact_type) or rng.choice(TITLE_FAMILIES)
        title = rng.choice(words.TITLES[title_family])
        introducer = None
        if index > 5 and rng.random() < 0.3:
            # Prefer people who were themselves introduced: that makes chains.
            pool = introduced if introduced and rng.random() < 0.5 else None
            introducer = rng.choice(pool) if pool else rng.randrange(1, index)
            introduced.append(index)
        city = rng.choice(words.CITIES)
        pattern, how = rng.choice(words.EVENTS)
        event = pattern.format(year=met_on.year, city=city)
        if introducer is not None:
            how_met, met_at = f"introduced by {demo.people_list[introducer - 1].name}", ""
            event = ""
        elif rng.random() < 0.7:
            how_met, met_at = how, event
        else:
            how_met, met_at, event = rng.choice(words.OTHER_WAYS), "", ""
        topic = rng.choice(words.TOPICS)
        notes = " ".join(
            bit.format(city=city, topic=topic)
            for bit in rng.sample(words.NOTE_BITS, rng.choice((0, 1, 1, 2)))
        )
        needs = rng.choice(words.NEEDS) if rng.random() < 0.25 else ""
        picked = set(rng.sample(RANDOM_TAGS, rng.choice((0, 1, 1, 2, 2, 3))))
        if contact_type in TYPE_TAGS:
            picked.add(words.TAGS.index(TYPE_TAGS[contact_type]) + 1)
        tags = sorted(picked)
        domain, label = (words.COMPANIES[company - 1][1], "work") if company else ("mail.example", "home")
        emails = []
        if rng.random() < 0.85:
            emails.append(f"{ascii_name(given)}.{ascii_name(family)}@{domain}")
        for position, email in enumerate(emails):
            method_rows.append((index, "email", label, email, position))
        if rng.random() < 0.4:
            phone = f"+1 555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
            method_rows.append((index, "phone", "mobile", phone, 0))
        linkedin = ""
        if rng.random() < 0.7:
            profile = f"{ascii_name(given)}-{ascii_name(family)}-{rng.randrange(16**6):06x}"
            linkedin = f"https://www.linkedin.com/in/{profile}"
        company_name = words.COMPANIES[company - 1][0] if company else ""
        search = search_text(
            name=name,
            company=company_name,
            title=title,
            tags=[words.TAGS[t - 1] for t in tags],
            notes=notes,
            how_met=how_met,
            met_at=met_at,
            location=city,
            needs=needs,
            emails=emails,
        )
        contact_rows.append(
            (
                index,
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                name,
                given,
                family,
                title,
                company,
                city,
                linkedin,
                contact_type,
                job_search,
                how_met,
                met_on.isoformat(),
                met_at,
                introducer,
                needs,
                notes,
                "demo",
                search,
                demo.now_text,
                demo.now_text,
            )
        )
        tag_rows.extend((index, t) for t in tags)
        if company:
            job_rows.append((index, company, title, None, None))
            if rng.random() < 0.15:
                past = rng.choice(company_ids)
                ended = met_on - timedelta(days=rng.randrange(30, 900))
                job_rows.append(
                    (index, past, rng.choice(words.TITLES["engineering"]), None, ended.isoformat())
                )
        demo.people_list.append(
            Person(index, name, given, met_on, contact_type, job_search, event, introducer)
        )
    demo.contact_rows, demo.method_rows = contact_rows, method_rows
    demo.tag_rows, demo.job_rows = tag_rows, job_rows
