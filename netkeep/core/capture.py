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
from netkeep.core.duplicates import DuplicateFound, likely_duplicates
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.records import CONTACT_TYPES, ContactInput, Method

#: Marker character -> the field it opens (it runs up to the next marker).
MARKERS = {"@": "company", "+": "introduced_by", "!": "met_at", ">": "follow_up", "^": "met_on"}
#: One-word markers: ``#tag`` (as many as you like) and ``=type`` (once).
WORD_MARKERS = ("#", "=")
#: The names ``core.contacts.validate`` uses -> the capture form's field names.
FORM_FIELDS = {
    "full_name": "name",
    "emails": "email",
    "phones": "phone",
    "notes": "note",
    "contact_type": "type",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
#: A phone starts with ``+`` and a digit, ``(`` and a digit, or is ``555-0101`` / ``415.555.0101``.
_PHONE_START = re.compile(r"[+(]\d|\d{3}[-.]\d{3}[-.]\d{4}$|\d{3}[-.]\d{4}$")
#: Words that continue a phone number: ``(415) 555-0101``, ``+44 20 7946 0958``.
_PHONE_MORE = re.compile(r"[\d().-]*\d[\d().-]*")
#: Job words that are not given names: "Smith, Engineer" is a title, "O'Neil, Sam" a name.
JOB_WORDS = frozenset(
    {
        "founder",
        "cofounder",
        "engineer",
        "developer",
        "designer",
        "director",
        "manager",
        "partner",
        "recruiter",
        "consultant",
        "professor",
        "lecturer",
        "student",
        "intern",
        "analyst",
        "investor",
        "researcher",
        "scientist",
        "advisor",
        "adviser",
        "chair",
        "president",
        "owner",
        "lead",
        "head",
        "writer",
        "editor",
        "author",
        "architect",
        "principal",
        "associate",
        "officer",
        "counsel",
        "lawyer",
        "attorney",
        "doctor",
        "nurse",
        "teacher",
        "coach",
        "mentor",
        "trainee",
        "freelancer",
        "contractor",
        "retired",
    }
)
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")


@dataclass(frozen=True)
class CaptureFields:
    """What was typed, as text, before it is checked: one line or the capture form."""

    name: str
    title: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    contact_type: str = ""
    how_met: str = ""
    met_at: str = ""
    met_on: str = ""
    introduced_by: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    follow_up: str = ""


def parse_line(text: str) -> CaptureFields:
    """Split a one-line capture into its fields (no database needed).

    Raises :class:`ValidationError` for control characters, a line that starts with a
    marker (the name comes first), or a marker with nothing after it.
    """
    if _CONTROL.search(text):
        raise ValidationError(
            {"name": "The text contains control characters (such as terminal escape codes)."}
        )
    head, sep, note = text.partition(" -- ")
    if not sep and head.strip().startswith("-- "):
        head, note = "", head.strip()[3:]
    elif not sep and head.rstrip().endswith(" --"):
        head = head.rstrip()[:-3]
    words = head.split()
    if words and (words[0][0] in MARKERS or words[0][0] in WORD_MARKERS):
        raise ValidationError(
            {"name": f"Start with the person's name; '{words[0][0]}' and the other markers come after it."}
        )
    values: dict[str, list[str]] = {"name": [], **{field: [] for field in MARKERS.values()}}
    emails: list[str] = []
    phones: list[str] = []
    tags: list[str] = []
    types: list[str] = []
    current = "name"
    in_phone = False
    for word in words:
        if in_phone and _PHONE_MORE.fullmatch(word):
            phones[-1] += f" {word}"
            continue
        in_phone = bool(_PHONE_START.match(word))
        if in_phone:
            phones.append(word)
            continue
        marker = word[0]
        if marker in WORD_MARKERS:
            if len(word) == 1:
                example = "#alumni" if marker == "#" else "=mentor"
                field = "tags" if marker == "#" else "type"
                raise ValidationError({field: f"'{marker}' needs a word right after it, as in {example}."})
            (tags if marker == "#" else types).append(word[1:])
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
    if len(types) > 1:
        raise ValidationError({"type": "'=' is given twice: a contact has one type."})
    name, title = split_name(joined["name"])
    return CaptureFields(
        name=name,
        title=title,
        company=joined["company"],
        emails=tuple(emails),
        phones=tuple(phones),
        contact_type=types[0] if types else "",
        met_at=joined["met_at"],
        met_on=joined["met_on"],
        introduced_by=joined["introduced_by"],
        tags=tuple(tags),
        note=note.strip(),
        follow_up=joined["follow_up"],
    )


def split_name(text: str) -> tuple[str, str]:
    """The name and the title from the words before the first marker.

    A comma starts the title ("Jane Doe, Staff Engineer"), except "Last, First": one word
    before the comma and one capitalised word after it that is not a job word
    ("O'Neil, Sam" is Sam O'Neil; "Doe, CEO" and "Smith, Engineer" are titles). A further
    comma then starts the title ("O'Neil, Sam, Designer").
    """
    parts = [part.strip() for part in text.split(",")]
    if (
        len(parts) >= 2
        and len(parts[0].split()) == 1
        and _GIVEN_NAME.fullmatch(parts[1])
        and parts[1].casefold() not in JOB_WORDS
    ):
        return f"{parts[1]} {parts[0]}", ", ".join(p for p in parts[2:] if p)
    return parts[0], ", ".join(p for p in parts[1:] if p)


def contact_type_named(text: str) -> str:
    """The contact type ``text`` names: exact, or the only type it starts (``friend``).

    Raises :class:`ValidationError` (field ``type``) otherwise.
    """
    word = text.strip().casefold()
    matches = [t for t in CONTACT_TYPES if t == word] or [t for t in CONTACT_TYPES if t.startswith(word)]
    if word and len(matches) == 1:
        return matches[0]
    raise ValidationError({"type": f"'{text}' is not a contact type; use one of {', '.join(CONTACT_TYPES)}."})


def phone_problem(text: str) -> str:
    """Why ``text`` is not a phone number, or "" when it is one (7 to 15 digits)."""
    digits = sum(c.isdigit() for c in text)
    if not re.fullmatch(r"\+?[\d ().-]+", text) or not 7 <= digits <= 15:
        return f"'{text}' does not look like a phone number (7 to 15 digits, as in +1-415-555-0101)."
    return ""


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
    errors: dict[str, str] = {}
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
    for phone in fields.phones:
        if problem := phone_problem(phone.strip()):
            errors["phone"] = problem
            break
    contact_type = "peer"
    if fields.contact_type.strip():
        try:
            contact_type = contact_type_named(fields.contact_type)
        except ValidationError as error:
            errors.update(error.errors)
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
        phones=tuple(Method("phone", p.strip()) for p in fields.phones if p.strip()),
        contact_type=contact_type,
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


def capture_line(text: str, *, new: bool = False) -> tuple[int, ContactInput]:
    """Parse, check and save one line; return the new id and what was saved.

    Raises :class:`~netkeep.core.duplicates.DuplicateFound` (nothing saved) when the person
    may already be here, unless ``new``.
    """
    fields = parse_line(text)
    if not fields.name:
        raise NetkeepError("A name is required: the capture starts with the person's name.")
    data = build_input(fields)
    if not new and (matches := likely_duplicates(data)):
        raise DuplicateFound(matches)
    return contacts.create_contact(data), data


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed in a form field: separated by spaces or commas, ``#`` optional."""
    return tuple(t for t in re.split(r"[\s,]+", text) if t.strip("#"))


def split_emails(text: str) -> tuple[str, ...]:
    """Email addresses typed in a form field, separated by spaces, commas or semicolons."""
    return tuple(e for e in re.split(r"[\s,;]+", text) if e)
