"""A contact as fields to compare, and the three-way merge of two sides against the last sync."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace
from typing import Any

from netkeep.core.records import ContactInput

#: Fields holding several values: when both sides changed one, both sides' values are kept.
MULTI = {
    "emails": "emails",
    "phones": "phones",
    "urls": "web addresses",
    "tags": "tags",
    "details": "details",
}
#: Fields that never travel: who a contact is, and where netkeep first got them.
LOCAL = {"uid", "source", "introduced_by_id"}
NAMES = [f.name for f in dataclass_fields(ContactInput) if f.name not in LOCAL]
#: The introducer travels as a UID.
INTRODUCER = "introducer_uid"

Fields = dict[str, Any]


def fields_of(data: ContactInput, introducer_uid: str = "") -> Fields:
    found: Fields = {name: getattr(data, name) for name in NAMES}
    found[INTRODUCER] = introducer_uid
    return found


def as_input(fields: Fields, base: ContactInput, introduced_by_id: int | None) -> ContactInput:
    """``base`` (netkeep's own input) with these fields."""
    values = {name: value for name, value in fields.items() if name != INTRODUCER}
    return replace(base, **values, introduced_by_id=introduced_by_id)


def merge(base: Fields | None, ours: Fields, theirs: Fields, ours_newer: bool) -> tuple[Fields, list[str]]:
    """Each field from the side that changed it; where both did, several values are joined
    (less any one side removed) and a single value is the newer side's. The merged fields,
    and the names of the fields both sides changed differently."""
    merged: Fields = {}
    conflicts = []
    for name, mine in ours.items():
        other = theirs.get(name, mine)
        was = base.get(name) if base is not None else None
        if mine == other:
            merged[name] = mine
        elif base is not None and mine == was:
            merged[name] = other
        elif base is not None and other == was:
            merged[name] = mine
        else:
            conflicts.append(name)
            if name in MULTI:
                merged[name] = _joined(was or (), mine, other)  # type: ignore[arg-type]
            else:
                merged[name] = mine if ours_newer else other
    return merged, conflicts


def _joined(was: tuple, mine: tuple, other: tuple) -> tuple:
    """Both sides' values in order, less those one side removed since the last sync."""
    removed = {value for value in was if value not in mine or value not in other}
    return tuple(dict.fromkeys(value for value in (*mine, *other) if value not in removed))


def said(name: str) -> str:
    """A field's name as the report says it ("full_name" -> "full name")."""
    return MULTI.get(name) or ("introducer" if name == INTRODUCER else name.replace("_", " "))
