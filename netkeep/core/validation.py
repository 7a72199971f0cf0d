"""Checking a contact's input before it is saved."""

from __future__ import annotations

import re

from netkeep.core.errors import ValidationError
from netkeep.core.records import CONTACT_TYPES, ContactInput
from netkeep.core.text import text_problem

NAME_MAX = 200
FIELD_MAX = 500
TEXT_MAX = 100_000
EMAIL_RE = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]{2,}$")
#: A phone number: digits and the usual punctuation, and an extension (``ext. 102``, ``x12``).
PHONE_RE = re.compile(r"[0-9+()./\- ]{3,40}(?:\s*(?:ext\.?|x|#)\s*[0-9]{1,10})?", re.I)


def validate(data: ContactInput) -> ContactInput:
    """Check a contact's input; raise :class:`ValidationError` naming each bad field."""
    errors: dict[str, str] = {}
    name = data.full_name.strip()
    if not name:
        errors["full_name"] = "A name is required."
    elif len(name) > NAME_MAX:
        errors["full_name"] = f"The name is too long ({len(name)} characters; at most {NAME_MAX})."
    single_line = {
        "full_name": data.full_name,
        "title": data.title,
        "company": data.company,
        "linkedin_url": data.linkedin_url,
        "website": data.website,
        "location": data.location,
        "how_met": data.how_met,
        "met_at": data.met_at,
        "given_name": data.given_name,
        "family_name": data.family_name,
    }
    for field_name, value in single_line.items():
        if field_name in errors:
            continue
        problem = text_problem(value)
        if problem:
            errors[field_name] = problem
        elif field_name != "full_name" and len(value) > FIELD_MAX:
            errors[field_name] = f"Too long ({len(value)} characters; at most {FIELD_MAX})."
    for field_name, value in (("notes", data.notes), ("needs", data.needs)):
        problem = text_problem(value, multiline=True)
        if problem:
            errors[field_name] = problem
        elif len(value) > TEXT_MAX:
            errors[field_name] = f"Too long ({len(value)} characters; at most {TEXT_MAX})."
    for method in data.emails:
        if not EMAIL_RE.match(method.value.strip()):
            errors["emails"] = f"'{method.value}' does not look like an email address."
            break
    for method in data.phones:
        if not PHONE_RE.fullmatch(method.value.strip()):
            errors["phones"] = f"'{method.value}' does not look like a phone number."
            break
    if data.contact_type not in CONTACT_TYPES:
        errors["contact_type"] = f"Unknown contact type; choose one of {', '.join(CONTACT_TYPES)}."
    if data.cadence_days is not None and not 1 <= data.cadence_days <= 3650:
        errors["cadence_days"] = "The cadence is a number of days from 1 to 3650."
    if errors:
        raise ValidationError(errors)
    return data
