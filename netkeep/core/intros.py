"""Intros I offered to make between two contacts: offered → made."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from netkeep.core import session
from netkeep.core.contact_card import who
from netkeep.core.contacts import strip_controls
from netkeep.core.errors import NotFound, ValidationError
from netkeep.store.models import Contact, Intro

REASON_MAX = 500


@dataclass(frozen=True)
class IntroRecord:
    id: int
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    reason: str
    status: str


def offer_intro(first_id: int, second_id: int, reason: str = "") -> int:
    """Note that I offered to introduce two contacts; return the intro's id."""
    reason = strip_controls(" ".join(reason.split()))
    if first_id == second_id:
        raise ValidationError({"second": "An intro is between two different people."})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Too long (at most {REASON_MAX} characters)."})
    with session.writing(kind="intro", contacts=[first_id, second_id]) as change:
        change.default(f"Offered to introduce {who([first_id, second_id])}")
        found = Contact.select().where(Contact.id.in_([first_id, second_id])).count()
        if found != 2:
            raise NotFound("One of the two contacts of this intro is not there.")
        intro = Intro.create(
            first=first_id, second=second_id, reason=reason, status="offered", created_at=pendulum.now("UTC")
        )
    return intro.id


def make_intro(intro_id: int) -> None:
    """The intro was made: it leaves the agenda."""
    with session.writing(kind="intro") as change:
        intro = Intro.get_or_none(Intro.id == intro_id)
        if intro is None:
            raise NotFound(f"There is no intro with id {intro_id}.")
        change.concern([intro.first_id, intro.second_id])
        change.default(f"Introduced {who([intro.first_id, intro.second_id])}")
        if intro.status != "made":
            intro.status = "made"
            intro.made_at = pendulum.now("UTC")
            intro.save()


def offered_intros(contact_id: int) -> list[IntroRecord]:
    """Intros still to make that involve this contact."""
    First, Second = Contact.alias(), Contact.alias()
    query = (
        Intro.select(Intro, First.full_name.alias("a"), Second.full_name.alias("b"))
        .join(First, on=(Intro.first == First.id))
        .switch(Intro)
        .join(Second, on=(Intro.second == Second.id))
        .where(((Intro.first == contact_id) | (Intro.second == contact_id)) & (Intro.status == "offered"))
        .order_by(Intro.created_at)
        .objects()
    )
    return [IntroRecord(i.id, i.first_id, i.a, i.second_id, i.b, i.reason, i.status) for i in query]
