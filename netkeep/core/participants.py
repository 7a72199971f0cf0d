"""Who took part: reading "Li Wei, Jane Roe" into contacts, one clear message for a name
that is unknown, could be several people, or is given twice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from netkeep.core.contact_list import resolve
from netkeep.core.errors import ValidationError

#: What separates the names of the people in one conversation.
SEPARATOR = re.compile(r"\s*[,;]\s*")


def split_names(text: str) -> list[str]:
    """``"Li Wei, Jane Roe"`` → ``["Li Wei", "Jane Roe"]`` (empty pieces dropped)."""
    return [name for name in SEPARATOR.split(text.strip()) if name]


def resolve_one(name: str, known: Mapping[str, int] | None = None, *, field: str = "who") -> int:
    """The one contact ``name`` means (``known``: names already tied to a contact, such as the
    contact a form was opened for); :class:`ValidationError` on ``field`` otherwise."""
    name = " ".join(name.split())
    if known and name in known:
        return known[name]
    found = resolve(name)
    if not found:
        raise ValidationError({field: f"No contact is called '{name}'; add them first."})
    if len(found) > 1 and found[0][1].casefold() != name.casefold():
        options = ", ".join(n for _, n, _ in found[:4])
        raise ValidationError({field: f"'{name}' could be {options}: type the full name."})
    return found[0][0]


def resolve_people(
    text: str, known: Mapping[str, int] | None = None, *, field: str = "who"
) -> tuple[int, ...]:
    """The contacts named in ``text``, in order; a name that is not one contact, or a person
    named twice, is a :class:`ValidationError` on ``field`` naming it (so nothing is saved)."""
    names = split_names(text)
    if not names:
        raise ValidationError({field: "Who was it with? Type a contact's name."})
    whole = " ".join(text.split())
    if len(names) > 1 and ((known and whole in known) or _exact(whole)):
        names = [whole]  # one name with a comma in it
    return distinct([resolve_one(name, known, field=field) for name in names], field=field)


def distinct(contact_ids: Iterable[int], *, field: str = "who") -> tuple[int, ...]:
    """``contact_ids`` as they are, or a :class:`ValidationError` naming a person given twice."""
    seen: list[int] = []
    for contact_id in contact_ids:
        if contact_id in seen:
            from netkeep.core.contact_card import name_of

            raise ValidationError({field: f"{name_of(contact_id)} is named twice; name each person once."})
        seen.append(contact_id)
    return tuple(seen)


def _exact(name: str) -> bool:
    found = resolve(name)
    return len(found) == 1 and found[0][1].casefold() == name.casefold()
