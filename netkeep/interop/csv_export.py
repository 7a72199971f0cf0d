"""Contacts as a CSV spreadsheet: one row per contact, one column per field."""

from __future__ import annotations

import csv

from netkeep.core.exports import ExportContact

COLUMNS = (
    "Name",
    "Given name",
    "Family name",
    "Title",
    "Company",
    "Emails",
    "Phones",
    "Other web addresses",
    "LinkedIn",
    "Website",
    "Location",
    "Birthday",
    "Type",
    "Job search",
    "How met",
    "Met on",
    "Met at",
    "Introduced by",
    "Needs",
    "Notes",
    "Tags",
    "Cadence (days)",
    "Next follow-up",
    "Last contact",
    "Archived",
    "Source",
    "Created",
    "UID",
)
#: Cells a spreadsheet would run as a formula start with one of these.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    """Keep a spreadsheet from running imported text as a formula (phone numbers are fine)."""
    if value.startswith(_FORMULA) and not value.lstrip("+-").replace(" ", "").isdigit():
        return "'" + value
    return value


def _methods(methods: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{value} ({label})" if label else value for value, label in methods)


def row_for(contact: ExportContact) -> list[str]:
    values = [
        contact.full_name,
        contact.given_name,
        contact.family_name,
        contact.title,
        contact.company,
        _methods(contact.emails),
        _methods(contact.phones),
        _methods(contact.urls),
        contact.linkedin_url,
        contact.website,
        contact.location,
        contact.birthday,
        contact.contact_type,
        "yes" if contact.job_search else "",
        contact.how_met,
        contact.met_on,
        contact.met_at,
        contact.introducer_name,
        contact.needs,
        contact.notes,
        " ".join(contact.tags),
        str(contact.cadence_days or ""),
        contact.next_follow_up,
        contact.last_contact_at,
        "yes" if contact.archived else "",
        contact.source,
        contact.created_at,
        contact.uid,
    ]
    return [_safe(value) for value in values]


def write_csv(contacts, out) -> int:
    """Write a header and one row per contact to ``out`` (opened with ``newline=""``)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for contact in contacts:
        writer.writerow(row_for(contact))
        count += 1
    return count
