"""The job search: target employers, who I know there, and news for the people who helped."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from peewee import JOIN, fn

from netkeep.core import session
from netkeep.core.contacts import company_for, normalise_company
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.interactions import log_interaction
from netkeep.core.records import MEETING_KINDS, InteractionInput
from netkeep.store.models import (
    Company,
    Contact,
    Employment,
    Interaction,
    InteractionContact,
)

STAGES = ("researching", "applied", "interviewing", "offer", "closed")
#: How far back a conversation counts as help with the search.
HELP_WINDOW_DAYS = 180


@dataclass(frozen=True)
class Person:
    """Someone linked to a target employer, and how."""

    id: int
    name: str
    title: str
    relation: str


@dataclass(frozen=True)
class Target:
    """A target employer with the people I know there now and who worked there before."""

    company_id: int
    name: str
    rank: int
    stage: str
    current: tuple[Person, ...]
    former: tuple[Person, ...]


def _company(company_id: int) -> Company:
    company = Company.get_or_none(Company.id == company_id)
    if company is None:
        raise NotFound(f"There is no company with id {company_id}.")
    return company


def _ranked() -> list[Company]:
    return list(
        Company.select().where(Company.target_rank.is_null(False)).order_by(Company.target_rank, Company.name)
    )


def _renumber(companies: list[Company]) -> None:
    for rank, company in enumerate(companies, start=1):
        if company.target_rank != rank:
            company.target_rank = rank
            company.save()


def add_target(name: str) -> int:
    """Put an employer on the target list (at the bottom); return its company id."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"company": "Type the employer's name."})
    with session.writing(f"Added {name} to the target employers", kind="target"):
        company = company_for(name)
        assert company is not None  # the name is not empty
        if company.target_rank is None:
            company.target_rank = len(_ranked()) + 1
            company.stage = company.stage or STAGES[0]
            company.save()
    return company.id


def drop_target(company_id: int) -> None:
    """Take an employer off the target list (its contacts stay)."""
    with session.writing(kind="target") as change:
        company = _company(company_id)
        change.default(f"Dropped {company.name} from the target employers")
        company.target_rank = None
        company.stage = ""
        company.save()
        _renumber(_ranked())


def move_target(company_id: int, delta: int) -> None:
    """Move an employer up (negative ``delta``) or down the ranking."""
    with session.writing(kind="target") as change:
        ranked = _ranked()
        index = next((i for i, c in enumerate(ranked) if c.id == company_id), None)
        if index is None:
            raise NotFound("That employer is not on the target list.")
        change.default(f"Moved {ranked[index].name} {'up' if delta < 0 else 'down'} the target employers")
        new_index = max(0, min(len(ranked) - 1, index + delta))
        ranked.insert(new_index, ranked.pop(index))
        _renumber(ranked)


def set_stage(company_id: int, stage: str) -> None:
    if stage not in STAGES:
        raise ValidationError({"stage": f"Choose one of {', '.join(STAGES)}."})
    with session.writing(kind="stage") as change:
        company = _company(company_id)
        change.default(f"{company.name}: {stage}")
        company.stage = stage
        company.save()


def next_stage(stage: str) -> str:
    """The stage after ``stage`` (wrapping round)."""
    index = STAGES.index(stage) if stage in STAGES else -1
    return STAGES[(index + 1) % len(STAGES)]


def people_at(company_id: int) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """Active contacts working at the company now, and those who worked there before."""
    current = tuple(
        Person(cid, name, title, "works there")
        for cid, name, title in (
            Contact.select(Contact.id, Contact.full_name, Contact.title)
            .where((Contact.company == company_id) & Contact.active())
            .order_by(Contact.full_name)
            .tuples()
        )
    )
    here = {p.id for p in current}
    former = tuple(
        Person(cid, name, title, f"worked there{f' as {title}' if title else ''}")
        for cid, name, title in (
            Contact.select(Contact.id, Contact.full_name, Employment.title)
            .join(Employment)
            .where((Employment.company == company_id) & Employment.ended_on.is_null(False) & Contact.active())
            .order_by(Contact.full_name)
            .distinct()
            .tuples()
        )
        if cid not in here
    )
    return current, former


def targets() -> list[Target]:
    """The target employers in rank order, each with who I know there."""
    result = []
    for company in _ranked():
        current, former = people_at(company.id)
        result.append(
            Target(company.id, company.name, company.target_rank, company.stage or STAGES[0], current, former)
        )
    return result


def helpers_for(company_id: int, *, today=None) -> list[Person]:
    """Who to tell about news from this employer (an interview, an offer).

    The people I know there (now or before), whoever introduced me to them, and anyone
    I had a conversation with about my search lately (job-search contacts I met in the
    last six months).
    """
    today = today or pendulum.today().date()
    current, former = people_at(company_id)
    people: dict[int, Person] = {p.id: p for p in (*current, *former)}
    if people:
        Introducer = Contact.alias()
        for cid, name, title, referral in (
            Introducer.select(Introducer.id, Introducer.full_name, Introducer.title, Contact.full_name)
            .join(Contact, on=(Contact.introduced_by == Introducer.id))
            .where(Contact.id.in_(list(people)) & Contact.active(of=Introducer))
            .tuples()
        ):
            people.setdefault(cid, Person(cid, name, title, f"introduced you to {referral}"))
    since = pendulum.datetime(today.year, today.month, today.day).subtract(days=HELP_WINDOW_DAYS)
    for cid, name, title in (
        Contact.select(Contact.id, Contact.full_name, Contact.title)
        .join(InteractionContact)
        .join(Interaction)
        .where(
            (Contact.job_search == True)  # noqa: E712
            & Contact.active()
            & Interaction.kind.in_(MEETING_KINDS)
            & (Interaction.occurred_at >= since)
        )
        .distinct()
        .tuples()
    ):
        people.setdefault(cid, Person(cid, name, title, "helped with your search lately"))
    return sorted(people.values(), key=lambda p: p.name.casefold())


def share_news(contact_ids: list[int], text: str) -> int:
    """Log one outgoing update (news of an interview or offer) with each of these people."""
    text = text.strip()
    errors = {}
    if not text:
        errors["text"] = "Write the news you are sharing."
    if not contact_ids:
        errors["contacts"] = "Choose at least one person to tell."
    if errors:
        raise ValidationError(errors)
    return log_interaction(
        InteractionInput(contact_ids=tuple(contact_ids), kind="update", direction="out", summary=text)
    )


def company_names(prefix: str = "", *, limit: int = 2000) -> list[str]:
    """Company names (for completing the employer field), most contacts first."""
    query = (
        Company.select(Company.name, fn.COUNT(Contact.id).alias("n"))
        .join(Contact, JOIN.LEFT_OUTER)
        .group_by(Company.id)
        .order_by(fn.COUNT(Contact.id).desc(), Company.name)
        .limit(limit)
    )
    if prefix:
        query = query.where(Company.key.startswith(normalise_company(prefix)))
    return [name for name, _ in query.tuples()]
