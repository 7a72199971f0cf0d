"""The one-line capture syntax, read without a database (the capture form previews it as
you type, before the domain has loaded)::

    NAME[, TITLE] [EMAIL] [PHONE] [@COMPANY] [#tag ...] [=TYPE] [+INTRODUCER] [!EVENT]
        [^MET] [>WHEN] [-- NOTE]

Everything after `` -- `` is the note. Before it, a word starting with ``@``, ``+``,
``!``, ``^`` or ``>`` opens a field that runs up to the next marker; ``#tag`` and
``=type`` are one word; a word with an ``@`` inside is an email address, a ``+`` or ``(``
and a digit start a phone number. Words before the first marker are the name, and a comma
in them separates the title (or reads "Last, First": see ``split_name``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netkeep.core.errors import ValidationError
from netkeep.core.records import CONTACT_TYPES
from netkeep.core.text import text_problem

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
    job_search: bool = False


def parse_line(text: str) -> CaptureFields:
    """Split a one-line capture into its fields (no database needed).

    Raises :class:`ValidationError` for control characters, a line that starts with a
    marker (the name comes first), or a marker with nothing after it.
    """
    problem = text_problem(text)
    if problem:
        raise ValidationError({"name": problem})
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


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed in a form field: separated by spaces or commas, ``#`` optional."""
    return tuple(t for t in re.split(r"[\s,]+", text) if t.strip("#"))


def split_emails(text: str) -> tuple[str, ...]:
    """Email addresses typed in a form field, separated by spaces, commas or semicolons."""
    return tuple(e for e in re.split(r"[\s,;]+", text) if e)


def is_one_line(text: str) -> bool:
    """Whether ``text`` uses the syntax (a marker, an email, a phone, a comma or a note), rather
    than being only a name."""
    if " -- " in text or "," in text:
        return True
    return any(
        word[0] in MARKERS or word[0] in WORD_MARKERS or "@" in word or _PHONE_START.match(word)
        for word in text.split()
    )


def form_values(fields: CaptureFields) -> dict[str, str]:
    """The capture form's fields as the line sets them (only those it sets)."""
    values = {
        "company": fields.company,
        "met_at": fields.met_at,
        "tags": " ".join(fields.tags),
        "follow_up": fields.follow_up,
        "title": fields.title,
        "email": " ".join(fields.emails),
        "phone": ", ".join(fields.phones),
        "type": fields.contact_type,
        "met_on": fields.met_on,
        "introduced_by": fields.introduced_by,
        "note": fields.note,
    }
    return {key: value for key, value in values.items() if value}


def preview(fields: CaptureFields) -> str:
    """One line saying what will be saved: ``Jane Doe · Stripe · #alumni · met at PyCon · …``."""
    parts = [fields.name or "(no name yet)"]
    parts += [x for x in (fields.title, fields.company) if x]
    parts += [f"#{t}" for t in fields.tags]
    labelled = (
        ("type", fields.contact_type),
        ("met at", fields.met_at),
        ("met on", fields.met_on),
        ("introduced by", fields.introduced_by),
        ("follow up", fields.follow_up),
    )
    parts += [f"{label} {value}" for label, value in labelled if value]
    parts += list(fields.phones) + list(fields.emails)
    if fields.note:
        parts.append(f"note: {fields.note[:40]}{'…' if len(fields.note) > 40 else ''}")
    return " · ".join(parts)
