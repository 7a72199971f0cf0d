"""A believable demo network, generated fast and deterministically for a seed.

Everything is dated relative to today: people met over the last few years, about ten
interactions each over the last two, some owed replies, manual follow-ups, reminders,
commitments and referral chains. Rows go in with bulk inserts inside one transaction,
so 30,000 contacts and 300,000 interactions take seconds, not minutes.
"""

from __future__ import annotations

import os
import random
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pendulum

from netkeep.core import cadence, session
from netkeep.core.contacts import normalise_company
from netkeep.core.records import MEETING_KINDS
from netkeep.core.reflection import QUESTION_KEYS
from netkeep.demo import words
from netkeep.store.bulk import insert_rows
from netkeep.store.database import open_database
from netkeep.store.models import (
    Commitment,
    Company,
    Contact,
    ContactMethod,
    ContactTag,
    Employment,
    Interaction,
    InteractionContact,
    Intro,
    ReferralLoop,
    ReflectionAnswer,
    Reminder,
    Tag,
    ThankYouDraft,
)

MAX_CONTACTS = 30_000
_STAMP = "%Y-%m-%d %H:%M:%S"
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
_ASCII = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae", "œ": "oe"})
UNIVERSITY = next(i for i, c in enumerate(words.COMPANIES, start=1) if c[2] == "education")


@dataclass(frozen=True)
class DemoStats:
    """What was generated, and how long it took."""

    path: Path
    contacts: int
    interactions: int
    companies: int
    seconds: float


@dataclass
class _Person:
    """What the timeline needs to know about someone generated."""

    id: int
    name: str
    given: str
    met_on: date
    contact_type: str
    job_search: bool
    event: str
    introducer: int | None


def generate(
    path: str | os.PathLike[str],
    *,
    contacts: int = 300,
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
) -> DemoStats:
    """Write a fresh demo network of ``contacts`` people to ``path`` (replacing what is there)."""
    if not 1 <= contacts <= MAX_CONTACTS:
        from netkeep.core.errors import NetkeepError

        raise NetkeepError(f"The demo network has from 1 to {MAX_CONTACTS:,} contacts.")
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    path = Path(path).expanduser()
    _check_replaceable(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        builder = _Builder(random.Random(seed), pendulum.today().date())
        with session.writing():
            say("companies and tags")
            builder.companies_and_tags()
            say(f"{contacts:,} contacts")
            builder.people(contacts)
            say("interactions")
            interactions = builder.timeline()
            builder.write()
            say("reminders, commitments and referral loops")
            builder.extras()
        db.execute_sql("PRAGMA optimize")
    finally:
        db.close()
    return DemoStats(path, contacts, interactions, len(words.COMPANIES), time.perf_counter() - started)


def _check_replaceable(path: Path) -> None:
    """Refuse to overwrite a database that holds anything but a demo network."""
    if not path.exists() or path.stat().st_size == 0:
        return
    from peewee import DatabaseError as PeeweeError

    from netkeep.core.errors import NetkeepError
    from netkeep.store.database import DatabaseError

    with open(path, "rb") as file:
        is_sqlite = file.read(16) == b"SQLite format 3\x00"
    try:
        if not is_sqlite:
            raise DatabaseError(str(path))
        db = open_database(path, migrate=False)
        try:
            foreign = Contact.select().where(Contact.source != "demo").exists()
        finally:
            db.close()
    except (DatabaseError, PeeweeError):
        foreign = True
    if foreign:
        raise NetkeepError(
            f"{path} holds more than a demo network; the demo never replaces it (give another --db)"
        )


def _insert(model, fields, rows) -> None:
    """Bulk insert rows whose values are already in their stored form."""
    insert_rows(model, fields, rows, convert=False)


def _ascii(name: str) -> str:
    """``Łukasz O'Brien`` → ``lukaszobrien``: a name as it appears in an address."""
    plain = unicodedata.normalize("NFKD", name.casefold().translate(_ASCII))
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum())


class _Builder:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        midnight = pendulum.datetime(today.year, today.month, today.day, tz=pendulum.local_timezone())
        #: Everything generated happened before the start of today (local time).
        self.end = datetime.fromtimestamp(midnight.int_timestamp, UTC).replace(tzinfo=None)
        self.now_text = self.end.strftime(_STAMP)
        self.people_list: list[_Person] = []
        self.last_touch: dict[int, datetime] = {}
        self.first_touch: dict[int, tuple[datetime, int]] = {}
        self.reflection_rows: list[tuple] = []
        self.draft_rows: list[tuple] = []

    # -- companies, tags ---------------------------------------------------------------
    def companies_and_tags(self) -> None:
        rows = [
            (i, name, normalise_company(name), None, "", f"Works in {industry}.", self.now_text)
            for i, (name, _domain, industry) in enumerate(words.COMPANIES, start=1)
        ]
        # The job search: six target employers, the best-ranked ones furthest along.
        stages = ("interviewing", "applied", "applied", "researching", "researching", "researching")
        for rank, company_id in enumerate(self.rng.sample(range(1, len(rows) + 1), 6), start=1):
            row = rows[company_id - 1]
            rows[company_id - 1] = (*row[:3], rank, stages[rank - 1], *row[5:])
        _insert(
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
        _insert(Tag, [Tag.id, Tag.name], list(enumerate(words.TAGS, start=1)))
        # A few big employers, many small ones: Zipf-like weights.
        self.company_weights = [1 / (rank**0.8) for rank in range(1, len(words.COMPANIES) + 1)]
        self.rng.shuffle(self.company_weights)

    # -- contacts ------------------------------------------------------------------------
    def _name(self, used: set[str]) -> tuple[str, str, str]:
        rng = self.rng
        for attempt in range(4):
            given_names, family_names = rng.choice(words.NAMES)
            given, family = rng.choice(given_names), rng.choice(family_names)
            name = f"{given} {family}"
            if attempt == 3:
                name = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {family}"
            if name not in used:
                break
        used.add(name)
        return name, given, family

    def people(self, count: int) -> None:
        rng = self.rng
        span = 6 * 365
        # Meeting days, oldest first: contact ids follow the order people were met in,
        # so an introducer always comes before the people they introduced.
        met_days = sorted((int(span * rng.random() ** 1.6) for _ in range(count)), reverse=True)
        used: set[str] = set()
        types, type_weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
        company_ids = list(range(1, len(words.COMPANIES) + 1))
        contact_rows, method_rows, tag_rows, job_rows = [], [], [], []
        introduced: list[int] = []
        for index, days_ago in enumerate(met_days, start=1):
            name, given, family = self._name(used)
            met_on = self.today - timedelta(days=days_ago + 1)
            contact_type = rng.choices(types, type_weights)[0]
            job_search = rng.random() < (0.6 if contact_type in ("recruiter", "company") else 0.18)
            company = (
                None
                if contact_type == "friend/family" and rng.random() < 0.5
                else rng.choices(company_ids, self.company_weights)[0]
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
                how_met, met_at = f"introduced by {self.people_list[introducer - 1].name}", ""
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
            tags = set(rng.sample(RANDOM_TAGS, rng.choice((0, 1, 1, 2, 2, 3))))
            if contact_type in TYPE_TAGS:
                tags.add(words.TAGS.index(TYPE_TAGS[contact_type]) + 1)
            tags = sorted(tags)
            domain, label = (words.COMPANIES[company - 1][1], "work") if company else ("mail.example", "home")
            emails = []
            if rng.random() < 0.85:
                emails.append(f"{_ascii(given)}.{_ascii(family)}@{domain}")
            for position, email in enumerate(emails):
                method_rows.append((index, "email", label, email, position))
            if rng.random() < 0.4:
                phone = f"+1 555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
                method_rows.append((index, "phone", "mobile", phone, 0))
            linkedin = ""
            if rng.random() < 0.7:
                linkedin = (
                    f"https://www.linkedin.com/in/{_ascii(given)}-{_ascii(family)}-{rng.randrange(16**6):06x}"
                )
            company_name = words.COMPANIES[company - 1][0] if company else ""
            search = " ".join(
                " ".join(
                    [
                        name,
                        company_name,
                        title,
                        " ".join(words.TAGS[t - 1] for t in tags),
                        notes,
                        how_met,
                        met_at,
                        city,
                        needs,
                        *emails,
                    ]
                )
                .casefold()
                .split()
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
                    self.now_text,
                    self.now_text,
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
            self.people_list.append(
                _Person(index, name, given, met_on, contact_type, job_search, event, introducer)
            )
        self.contact_rows, self.method_rows = contact_rows, method_rows
        self.tag_rows, self.job_rows = tag_rows, job_rows

    # -- the timeline --------------------------------------------------------------------
    def timeline(self) -> int:
        rng = self.rng
        kinds = list(words.KINDS)
        kind_weights = [w for w, _ in words.KINDS.values()]
        two_years = timedelta(days=730)
        rows, participants = [], []
        interaction_id = 0
        for person in self.people_list:
            start = max(datetime.combine(person.met_on, datetime.min.time()), self.end - two_years)
            seconds = int((self.end - start).total_seconds())
            if seconds <= 3600:
                continue
            # People met recently have had fewer chances to talk than old friends.
            known_for = min(1.0, (seconds / 86_400 / 540) ** 0.6)
            n = max(1, min(26, round(rng.gauss(13, 4) * known_for)))
            moments = sorted(start + timedelta(seconds=int(seconds * rng.random() ** 0.85)) for _ in range(n))
            if person.met_on >= (self.end - two_years).date():
                first = datetime.combine(person.met_on, datetime.min.time()) + timedelta(
                    hours=rng.randrange(9, 20)
                )
                moments[0] = min(first, self.end - timedelta(hours=1))
                moments.sort()
            # Most people were kept in touch with: their last touch is within their cadence.
            days = cadence.cadence_for(person.contact_type, person.job_search)
            recent = max(start, self.end - timedelta(days=days))
            if moments[-1] < recent and rng.random() < 0.7:
                span = int((self.end - recent).total_seconds())
                moments.append(recent + timedelta(seconds=rng.randrange(3600, max(3601, span))))
            for position, moment in enumerate(moments):
                interaction_id += 1
                if position == 0 and person.event:
                    kind = "event"
                    summary = f"Met at {person.event}: talked about {rng.choice(words.TOPICS)}."
                elif position == 0 and person.introducer:
                    kind = "coffee"
                    summary = f"First coffee after the introduction; {rng.choice(words.TOPICS)}."
                else:
                    kind = rng.choices(kinds, kind_weights)[0]
                    summary = rng.choice(words.KINDS[kind][1]).format(
                        topic=rng.choice(words.TOPICS),
                        event=rng.choice(words.EVENTS)[0].format(
                            year=moment.year, city=rng.choice(words.CITIES)
                        ),
                    )
                direction = ""
                if kind in ("email", "message"):
                    direction = "in" if rng.random() < 0.45 else "out"
                elif kind in ("thank-you", "update"):
                    direction = "out"
                points = advice = ""
                resume = False
                if kind in ("informational interview", "coffee", "meeting"):
                    points = "\n".join(rng.sample(words.TOPICS, 2))
                    if rng.random() < 0.5:
                        advice = rng.choice(words.ADVICE)
                        resume = "resume" in advice
                stamp = moment.strftime(_STAMP)
                rows.append(
                    (
                        interaction_id,
                        kind,
                        direction,
                        stamp,
                        "",
                        summary,
                        False,
                        None,
                        points,
                        advice,
                        resume,
                        stamp,
                    )
                )
                if kind in MEETING_KINDS:
                    self._after_meeting(person, interaction_id, kind, moment, points)
                participants.append((interaction_id, person.id))
                if person.id > 1 and rng.random() < 0.04:
                    # Now and then someone they already knew came along.
                    other = rng.randrange(1, person.id)
                    participants.append((interaction_id, other))
                    self._touch(other, moment, interaction_id)
                self._touch(person.id, moment, interaction_id)
            # Some people wrote recently and are waiting for an answer.
            if rng.random() < 0.03:
                interaction_id += 1
                moment = self.end - timedelta(hours=rng.randrange(6, 24 * 12))
                stamp = moment.strftime(_STAMP)
                rows.append(
                    (
                        interaction_id,
                        rng.choice(("email", "message")),
                        "in",
                        stamp,
                        "",
                        rng.choice(
                            (
                                "Asked whether I could review their talk proposal.",
                                "Asked how my job search is going.",
                                "Sent a role that might suit me and asked what I think.",
                                "Asked for the name of the designer I mentioned.",
                            )
                        ),
                        True,
                        None,
                        "",
                        "",
                        False,
                        stamp,
                    )
                )
                participants.append((interaction_id, person.id))
                self._touch(person.id, moment, interaction_id)
        self.interaction_rows, self.participants = rows, participants
        return len(rows)

    def _after_meeting(
        self, person: _Person, interaction_id: int, kind: str, moment: datetime, points: str
    ) -> None:
        """Past conversations were thanked (nearly all recent ones, most interviews) and half the
        interviews reflected on; the last two days' are still waiting."""
        rng = self.rng
        days_ago = (self.end - moment).days
        if days_ago < 2:
            return
        stamp = (moment + timedelta(hours=rng.randrange(2, 30))).strftime(_STAMP)
        interview = kind == "informational interview"
        if interview and rng.random() < 0.5:
            for key in rng.sample(QUESTION_KEYS, rng.randrange(3, len(QUESTION_KEYS) + 1)):
                rating = rng.choices(("yes", "partly", "no"), (6, 3, 1))[0]
                note = rng.choice(words.REFLECTION_NOTES) if rng.random() < 0.2 else ""
                self.reflection_rows.append((interaction_id, key, rating, note, stamp))
        thanked = 0.7 if interview else (0.9 if days_ago <= 20 else 0.1)
        if rng.random() < thanked:
            topic = points.split("\n")[0] if points else rng.choice(words.TOPICS)
            body = words.THANK_YOU.format(given=person.given, day=moment.strftime("%-d %B"), topic=topic)
            subject = "Thank you for your time" if interview else f"Thanks for the {kind}"
            self.draft_rows.append((interaction_id, person.id, "warm", subject, body, "sent", stamp, stamp))

    def _touch(self, contact_id: int, moment: datetime, interaction_id: int) -> None:
        if contact_id not in self.last_touch or moment > self.last_touch[contact_id]:
            self.last_touch[contact_id] = moment
        if contact_id not in self.first_touch or moment < self.first_touch[contact_id][0]:
            self.first_touch[contact_id] = (moment, interaction_id)

    def write(self) -> None:
        """Write the people (now that their last touch and next follow-up are known), then the timeline."""
        rng = self.rng
        contact_rows = []
        for row, person in zip(self.contact_rows, self.people_list):
            last = self.last_touch.get(person.id)
            if rng.random() < 0.05:
                follow_up, manual = self.today + timedelta(days=rng.randrange(-6, 21)), True
            else:
                days = cadence.cadence_for(person.contact_type, person.job_search)
                follow_up, manual = (
                    cadence.next_follow_up(last.date() if last else person.met_on, days),
                    False,
                )
            contact_rows.append(
                (*row[:17], follow_up.isoformat(), last.strftime(_STAMP) if last else None, manual, *row[17:])
            )
        fields = [
            Contact.id,
            Contact.uid,
            Contact.full_name,
            Contact.given_name,
            Contact.family_name,
            Contact.title,
            Contact.company,
            Contact.location,
            Contact.linkedin_url,
            Contact.contact_type,
            Contact.job_search,
            Contact.how_met,
            Contact.met_on,
            Contact.met_at,
            Contact.introduced_by,
            Contact.needs,
            Contact.notes,
            Contact.next_follow_up,
            Contact.last_contact_at,
            Contact.follow_up_manual,
            Contact.source,
            Contact.search_text,
            Contact.created_at,
            Contact.updated_at,
        ]
        _insert(Contact, fields, contact_rows)
        _insert(
            ContactMethod,
            [
                ContactMethod.contact,
                ContactMethod.kind,
                ContactMethod.label,
                ContactMethod.value,
                ContactMethod.position,
            ],
            self.method_rows,
        )
        _insert(ContactTag, [ContactTag.contact, ContactTag.tag], self.tag_rows)
        _insert(
            Employment,
            [
                Employment.contact,
                Employment.company,
                Employment.title,
                Employment.started_on,
                Employment.ended_on,
            ],
            self.job_rows,
        )
        _insert(
            Interaction,
            [
                Interaction.id,
                Interaction.kind,
                Interaction.direction,
                Interaction.occurred_at,
                Interaction.location,
                Interaction.summary,
                Interaction.reply_owed,
                Interaction.replied_by,
                Interaction.points,
                Interaction.advice,
                Interaction.resume_advice,
                Interaction.created_at,
            ],
            self.interaction_rows,
        )
        _insert(
            InteractionContact,
            [InteractionContact.interaction, InteractionContact.contact],
            self.participants,
        )
        _insert(
            ReflectionAnswer,
            [
                ReflectionAnswer.interaction,
                ReflectionAnswer.question,
                ReflectionAnswer.rating,
                ReflectionAnswer.note,
                ReflectionAnswer.updated_at,
            ],
            self.reflection_rows,
        )
        _insert(
            ThankYouDraft,
            [
                ThankYouDraft.interaction,
                ThankYouDraft.contact,
                ThankYouDraft.tone,
                ThankYouDraft.subject,
                ThankYouDraft.body,
                ThankYouDraft.status,
                ThankYouDraft.updated_at,
                ThankYouDraft.sent_at,
            ],
            self.draft_rows,
        )

    # -- reminders, commitments, loops, intros -------------------------------------------
    def extras(self) -> None:
        rng = self.rng
        reminders, commitments, loops, intros = [], [], [], []
        for person in self.people_list:
            if rng.random() < 0.03:
                due = self.today + timedelta(days=rng.randrange(-4, 15))
                reason = rng.choice(words.REMINDERS).format(topic=rng.choice(words.TOPICS))
                reminders.append((person.id, due.isoformat(), reason, None, self.now_text))
            if rng.random() < 0.03:
                mine = rng.random() < 0.6
                text = rng.choice(words.COMMITMENTS_MINE if mine else words.COMMITMENTS_THEIRS)
                due = self.today + timedelta(days=rng.randrange(-3, 20))
                first = self.first_touch.get(person.id)
                commitments.append(
                    (
                        person.id,
                        first[1] if first else None,
                        "me" if mine else "them",
                        text,
                        due.isoformat(),
                        None,
                        self.now_text,
                    )
                )
            if person.introducer and person.id in self.first_touch:
                moment, first_id = self.first_touch[person.id]
                recent = (self.end - moment).days < 25
                closed = None if recent else (moment + timedelta(days=rng.randrange(1, 10))).strftime(_STAMP)
                loops.append((person.id, person.introducer, first_id, None, moment.strftime(_STAMP), closed))
        count = len(self.people_list)
        for _ in range(max(1, count // 100)):
            first, second = rng.randrange(1, count + 1), rng.randrange(1, count + 1)
            if first != second:
                made = rng.random() < 0.6
                intros.append(
                    (
                        first,
                        second,
                        rng.choice(words.NEEDS),
                        "made" if made else "offered",
                        self.now_text,
                        self.now_text if made else None,
                    )
                )
        _insert(
            Reminder,
            [Reminder.contact, Reminder.due_on, Reminder.reason, Reminder.done_at, Reminder.created_at],
            reminders,
        )
        _insert(
            Commitment,
            [
                Commitment.contact,
                Commitment.interaction,
                Commitment.owner,
                Commitment.text,
                Commitment.due_on,
                Commitment.done_at,
                Commitment.created_at,
            ],
            commitments,
        )
        _insert(
            ReferralLoop,
            [
                ReferralLoop.contact,
                ReferralLoop.introducer,
                ReferralLoop.opened_by,
                ReferralLoop.closed_by,
                ReferralLoop.opened_at,
                ReferralLoop.closed_at,
            ],
            loops,
        )
        _insert(
            Intro,
            [Intro.first, Intro.second, Intro.reason, Intro.status, Intro.created_at, Intro.made_at],
            intros,
        )
