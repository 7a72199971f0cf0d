"""Quick capture: someone you just met, from one line of text or the small capture form.

The one-line syntax (also in ``netkeep capture --help``)::

    NAME[, TITLE] [EMAIL] [@COMPANY] [#tag ...] [+INTRODUCER] [!EVENT] [>WHEN] [-- NOTE]

Everything after `` -- `` is the note. Before it, a word starting with ``@``, ``+``,
``!`` or ``>`` opens a field that runs up to the next marker; ``#tag`` is one word;
a word with an ``@`` inside is an email address. Words before the first marker are
the name, and a comma in them separates the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netkeep.core import contacts
from netkeep.core.dates import parse_date, today
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.records import ContactInput, Method
from netkeep.core.text import text_problem

#: Marker character -> the field it opens.
MARKERS = {"@": "company", "+": "introduced_by", "!": "met_at", ">": "follow_up"}
#: The names ``core.contacts.validate`` uses -> the capture form's field names.
FORM_FIELDS = {"full_name": "name", "emails": "email", "notes": "note"}


@dataclass(frozen=True)
class CaptureFields:
    """What was typed, as text, before it is checked: one line or the capture form."""

    name: str
    title: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    how_met: str = ""
    met_at: str = ""
    met_on: str = ""
    introduced_by: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    follow_up: str = ""


def parse_line(text: str) -> CaptureFields:
    """Split a one-line capture into its fields (no database needed).

    Raises :class:`ValidationError` for control characters or a marker with nothing after it.
    """
    problem = text_problem(text)
    if problem:
        raise ValidationError({"name": problem})
    head, sep, note = text.partition(" -- ")
    if not sep and head.strip().startswith("-- "):
        head, note = "", head.strip()[3:]
    elif not sep and head.rstrip().endswith(" --"):
        head = head.rstrip()[:-3]
    values: dict[str, list[str]] = {"name": [], **{field: [] for field in MARKERS.values()}}
    emails: list[str] = []
    tags: list[str] = []
    current = "name"
    for word in head.split():
        marker = word[0]
        if marker == "#":
            if len(word) == 1:
                raise ValidationError({"tags": "'#' needs a tag right after it, as in #alumni."})
            tags.append(word[1:])
        elif marker in MARKERS:
            current = MARKERS[marker]
            if values[current]:
                raise ValidationError({current: f"'{marker}' is given twice."})
            values[current].append(word[1:])  # "" for a lone marker: the words follow
        elif "@" in word:
            emails.append(word.strip("<>,;"))
        else:
            values[current].append(word)
    joined = {field: " ".join(w for w in words if w) for field, words in values.items()}
    for marker, field in MARKERS.items():
        if values[field] and not joined[field]:
            raise ValidationError({field: f"'{marker}' needs something after it."})
    name, _, title = joined["name"].partition(",")
    return CaptureFields(
        name=name.strip(),
        title=title.strip(),
        company=joined["company"],
        emails=tuple(emails),
        met_at=joined["met_at"],
        introduced_by=joined["introduced_by"],
        tags=tuple(tags),
        note=note.strip(),
        follow_up=joined["follow_up"],
    )


def resolve_introducer(text: str) -> tuple[int, str] | None:
    """The contact ``text`` names, as ``(id, name)``: an exact name, or the only contact whose
    name has all its words.

    Raises :class:`ValidationError` (field ``introduced_by``) when it is nobody or several people.
    """
    text = " ".join(text.split())
    if not text:
        return None
    candidates = contacts.resolve(text)
    words = text.casefold().split()
    exact = [c for c in candidates if c[1].casefold() == text.casefold()]
    close = [c for c in candidates if all(w in c[1].casefold() for w in words)]
    chosen = exact or close
    if len(chosen) == 1:
        return chosen[0][0], chosen[0][1]
    if chosen:
        listed = "; ".join(_describe(c) for c in chosen[:5])
        raise ValidationError({"introduced_by": f"'{text}' could be {listed}: type more of the name."})
    if candidates:
        listed = "; ".join(_describe(c) for c in candidates[:3])
        raise ValidationError({"introduced_by": f"No contact called '{text}'. Did you mean {listed}?"})
    raise ValidationError(
        {"introduced_by": f"No contact called '{text}'. Capture them first, then name them here."}
    )


def _describe(candidate: tuple[int, str, str]) -> str:
    _id, name, company = candidate
    return f"{name} ({company})" if company else name


def build_input(fields: CaptureFields) -> ContactInput:
    """Turn captured text into a checked :class:`ContactInput`.

    The meeting date defaults to today; ``how met`` defaults to the event (or the
    introduction); a follow-up date becomes the contact's own next follow-up.
    Raises :class:`ValidationError` keyed by the capture form's field names.
    """
    errors = _text_problems(fields)
    if errors:  # checked first: nothing else may read text that cannot be kept
        raise ValidationError(errors)
    met_on = follow_up = None
    try:
        met_on = parse_date(fields.met_on, prefer="past") if fields.met_on.strip() else today()
    except ValidationError as error:
        errors["met_on"] = error.errors["date"]
    if met_on is not None and met_on > today():
        errors["met_on"] = "The day you met is in the future."
    if fields.follow_up.strip():
        try:
            follow_up = parse_date(fields.follow_up, prefer="future")
        except ValidationError as error:
            errors["follow_up"] = error.errors["date"]
        else:
            if follow_up < today():
                errors["follow_up"] = "The follow-up date is in the past."
    introducer = None
    try:
        introducer = resolve_introducer(fields.introduced_by)
    except ValidationError as error:
        errors.update(error.errors)
    how_met = fields.how_met.strip()
    if not how_met:
        if introducer is not None:
            how_met = f"introduced by {introducer[1]}"
        else:
            how_met = fields.met_at.strip()
    data = ContactInput(
        full_name=fields.name,
        title=fields.title,
        company=fields.company,
        emails=tuple(Method("email", e.strip()) for e in fields.emails if e.strip()),
        how_met=how_met,
        met_on=met_on,
        met_at=fields.met_at,
        introduced_by_id=introducer[0] if introducer else None,
        tags=tuple(t for t in fields.tags if t.strip()),
        notes=fields.note,
        next_follow_up=follow_up,
        source="capture",
    )
    try:
        contacts.validate(data)
    except ValidationError as error:
        for key, message in error.errors.items():
            errors.setdefault(FORM_FIELDS.get(key, key), message)
    if errors:
        raise ValidationError(errors)
    return data


def _text_problems(fields: CaptureFields) -> dict[str, str]:
    problems = {}
    for name, value in vars(fields).items():
        text = " ".join(value) if isinstance(value, tuple) else value
        problem = text_problem(text, multiline=name == "note")
        if problem:
            problems[name] = problem
    return problems


def capture_line(text: str) -> tuple[int, ContactInput]:
    """Parse, check and save one line; return the new id and what was saved."""
    fields = parse_line(text)
    if not fields.name:
        raise NetkeepError("A name is required: the capture starts with the person's name.")
    data = build_input(fields)
    return contacts.create_contact(data), data


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed in a form field: separated by spaces or commas, ``#`` optional."""
    return tuple(t for t in re.split(r"[\s,]+", text) if t.strip("#"))


def split_emails(text: str) -> tuple[str, ...]:
    """Email addresses typed in a form field, separated by spaces, commas or semicolons."""
    return tuple(e for e in re.split(r"[\s,;]+", text) if e)
