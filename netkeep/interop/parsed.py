"""What reading a file gives: the people in it, each kept whatever its odd values.

A value that does not fit its field is kept as typed: in the field when it can be
normalised, otherwise on a labelled line of the notes; either way it is listed in the
report with its line, field and value. Only a record with no name at all is unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from netkeep.core.details import FIELD
from netkeep.core.errors import ValidationError
from netkeep.core.records import CONTACT_TYPES, ContactInput, Detail, Method, updated
from netkeep.core.validation import FIELD_MAX, NAME_MAX, TEXT_MAX, validate
from netkeep.interop.records import Candidate, Kept, Problem
from netkeep.interop.values import NO_REGION, default_region, read_email, read_phone

IN_NOTES = "kept in the notes"
#: One-line fields that may be too long, with the words the report uses for them.
_LINE_FIELDS = (
    ("title", "title"),
    ("company", "company"),
    ("linkedin_url", "LinkedIn"),
    ("website", "website"),
    ("location", "location"),
    ("how_met", "how met"),
    ("met_at", "met at"),
    ("given_name", "given name"),
    ("family_name", "family name"),
)


class Odd(NamedTuple):
    """An odd value an importer found itself (a date it cannot read, extra cells)."""

    field: str
    value: str
    #: What was odd: "is not a date".
    why: str
    #: Whether the value goes on a line of the notes (else it was kept in its field).
    in_notes: bool = True


@dataclass
class ParseResult:
    """Everything read from one file."""

    source: str
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    #: Rows left out on purpose (LinkedIn members who hide their name).
    hidden: int = 0
    #: Phone numbers kept as typed because they have no country code and no region is set.
    unregioned: int = 0
    #: What reading the file had to guess (its encoding), for the preview.
    notes: list[str] = field(default_factory=list)
    region: str | None = field(default_factory=default_region)

    def add(self, line: int, data: ContactInput, file: str = "", odd=(), **introducer: str) -> None:
        """Keep ``data`` as a candidate, its odd values kept as typed and listed."""
        data, found, unregioned = settle(data, self.region, odd)
        self.unregioned += unregioned
        self.kept += [Kept(line, name, value, why, file) for name, value, why in found]
        try:
            self.candidates.append(Candidate(line, validate(data), file, **introducer))
        except ValidationError as error:  # settle() leaves nothing validate() refuses
            self.problems.append(Problem(line, str(error), file))


def _label(name: str, method: Method) -> str:
    return f"{name} ({method.label})" if method.label else name


def settle(
    data: ContactInput, region: str | None, odd=()
) -> tuple[ContactInput, list[tuple[str, str, str]], int]:
    """``data`` with every value where it can go; the odd values as ``(field, value,
    what was done)``; how many phone numbers were kept as typed for want of a region."""
    found: list[tuple[str, str, str]] = []
    lines: list[str] = []
    updates: dict = {}
    unregioned = 0

    def to_notes(name: str, value: str, why: str) -> None:
        found.append((name, value, f"{why}; {IN_NOTES}"))
        lines.append(f"{name[0].upper()}{name[1:]}, kept as typed: {value}")

    for name, value, why, in_notes in odd:
        if in_notes:
            to_notes(name, value, why)
        else:
            found.append((name, value, why))
    if len(data.full_name) > NAME_MAX:
        to_notes("name", data.full_name, f"is longer than {NAME_MAX} characters; cut there")
        updates["full_name"] = data.full_name[:NAME_MAX].strip()
    for kind, given in (("emails", data.emails), ("phones", data.phones)):
        if not given:
            continue
        methods: list[Method] = []
        seen: set[str] = set()
        changed = False
        for method in given:
            value, why = read_email(method.value) if kind == "emails" else read_phone(method.value, region)
            if value is None:
                if why:
                    to_notes(_label(kind[:-1], method), method.value, why)
                changed = True
                continue
            if why == NO_REGION:
                unregioned += 1
            elif why:
                found.append((_label(kind[:-1], method), method.value, why))
            if value.casefold() in seen:
                changed = True
            else:
                seen.add(value.casefold())
                if value != method.value:
                    method, changed = Method(method.kind, value, method.label), True
                methods.append(method)
        if changed:
            updates[kind] = tuple(methods)
    for attribute, name in _LINE_FIELDS:
        value = getattr(data, attribute)
        if len(value) > FIELD_MAX:
            to_notes(name, value, f"is longer than {FIELD_MAX} characters")
            updates[attribute] = ""
    if data.contact_type not in CONTACT_TYPES:
        to_notes("type", data.contact_type, "is not a netkeep contact type")
        updates["contact_type"] = "peer"
    if data.cadence_days is not None and not 1 <= data.cadence_days <= 3650:
        to_notes("keep-in-touch cadence", str(data.cadence_days), "is not a number of days from 1 to 3650")
        updates["cadence_days"] = None
    notes = data.notes
    if lines:
        notes = f"{notes}\n\n" + "\n".join(lines) if notes else "\n".join(lines)
    overflow = []
    for attribute, text in (("notes", notes), ("needs", data.needs)):
        if len(text) > TEXT_MAX:
            found.append(
                (attribute, text[:40] + "…", f"is longer than {TEXT_MAX:,} characters; the rest is kept")
            )
            overflow.append(Detail(FIELD, text[TEXT_MAX:], f"{attribute} (continued)"))
            text = text[:TEXT_MAX]
        if text != getattr(data, attribute):
            updates[attribute] = text
    if overflow:
        updates["details"] = (*(data.details or ()), *overflow)
    return (updated(data, updates) if updates else data), found, unregioned
