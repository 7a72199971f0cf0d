"""Quick capture: someone you just met, from one line of text or the small capture form:
checking what was typed (``core.capture_syntax`` reads the line) and saving it."""

from __future__ import annotations

from netkeep.core import contacts
from netkeep.core.capture_syntax import (
    FORM_FIELDS,
    CaptureFields,
    contact_type_named,
    parse_line,
    phone_problem,
)
from netkeep.core.dates import parse_date, today
from netkeep.core.duplicates import DuplicateFound, likely_duplicates
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.records import ContactInput, Method
from netkeep.core.text import text_problem


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
        job_search=fields.job_search,
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
        if isinstance(value, tuple):
            value = " ".join(value)
        problem = text_problem(value, multiline=name == "note") if isinstance(value, str) else None
        if problem:
            problems[FORM_FIELDS.get(name, name)] = problem
    return problems


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
