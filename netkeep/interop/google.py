"""Google Contacts CSV (contacts.google.com → Export → Google CSV), current and older layout.

Every column is kept: those netkeep has a field for go there, addresses, relations,
events, messengers and custom fields become the contact's details, and any other column
with a value is kept with the contact under its own name.
"""

from __future__ import annotations

import re
from pathlib import Path

from netkeep.core import details as kinds
from netkeep.core.details import address_value, place
from netkeep.core.records import Detail, Method, contact_input
from netkeep.interop.csvrows import cell, find_header, other_columns, rows_with_lines, sniff_separator
from netkeep.interop.parsed import Odd, ParseResult
from netkeep.interop.records import Problem, clean, clean_block, is_linkedin
from netkeep.interop.sniff import read_contacts, wrong_file
from netkeep.interop.textfile import BadFile
from netkeep.interop.values import read_birthday

#: Google's own groups, which are not labels a person chose.
SYSTEM_LABELS = {"mycontacts", "starred", "friends_sys", "family_sys", "coworkers_sys"}
#: Numbered columns: "Phone 2 - Value" → ("phone", 2, "value").
_NUMBERED = re.compile(r"^(.+?) (\d+) - (.+)$")
#: The address parts in vCard's order, by Google's column names.
_ADDRESS = ("po box", "extended address", "street", "city", "region", "postal code", "country")
#: Single columns read into fields, by their (lower-case) names.
_SINGLE = {
    "name",
    "first name",
    "given name",
    "middle name",
    "additional name",
    "last name",
    "family name",
    "name prefix",
    "name suffix",
    "nickname",
    "organization name",
    "organization title",
    "organization department",
    "birthday",
    "notes",
    "labels",
    "group membership",
    "location",
}
#: Numbered groups read into fields (any other numbered column is kept as it is).
_GROUPS = {"e-mail", "phone", "address", "website", "relation", "event", "im", "custom field", "organization"}


def parse(path: str | Path) -> ParseResult:
    return parse_text(read_contacts(path, "google"), str(path))


def parse_text(text: str, name: str = "contacts.csv") -> ParseResult:
    result = ParseResult(source="google")
    rows = rows_with_lines(text, name, sniff_separator(text))
    columns, header, seen = find_header(rows, "google")
    if columns is None:
        raise BadFile(wrong_file(name, text, "google", seen))
    groups = _groups(columns)
    known = _SINGLE | {title for title in columns if (m := _NUMBERED.match(title)) and m.group(1) in _GROUPS}
    others = other_columns(header, columns, known)
    for line, row in rows:
        if any(field.strip() for field in row):
            _read_row(result, line, row, columns, groups, others, len(header))
    return result


def _groups(columns: dict[str, int]) -> dict[str, list[dict[str, int]]]:
    """Numbered columns by group: ``{"phone": [{"label": 21, "value": 22}, …]}``."""
    found: dict[str, dict[int, dict[str, int]]] = {}
    for title, index in columns.items():
        match = _NUMBERED.match(title)
        if match:
            group, number, part = match.group(1), int(match.group(2)), match.group(3)
            part = "label" if part == "type" else part
            found.setdefault(group, {}).setdefault(number, {})[part] = index
    return {group: [numbered[n] for n in sorted(numbered)] for group, numbered in found.items()}


def _multi(text: str) -> list[str]:
    return [clean(part) for part in text.split(":::") if clean(part)]


def _label(text: str) -> str:
    return clean(text).lstrip("* ").casefold()


def _read_row(result, line, row, columns, groups, others, width) -> None:
    def get(*names: str) -> str:
        for column in names:
            value = clean(cell(row, columns.get(column)))
            if value:
                return value
        return ""

    def each(group: str):
        for parts in groups.get(group, []):
            yield {part: cell(row, index) for part, index in parts.items()}

    given = get("first name", "given name")
    middle = get("middle name", "additional name")
    family = get("last name", "family name")
    organisation: dict[str, str] = next((o for o in each("organization") if clean(o.get("name"))), {})
    company = get("organization name") or clean(organisation.get("name"))
    emails = [
        Method("email", v, _label(e.get("label", "")))
        for e in each("e-mail")
        for v in _multi(e.get("value", ""))
    ]
    phones = [
        Method("phone", v, _label(p.get("label", "")))
        for p in each("phone")
        for v in _multi(p.get("value", ""))
    ]
    details = [Detail(kinds.NICKNAME, v) for v in _multi(get("nickname"))]
    details += [
        Detail(kinds.NAME_PART, v, part)
        for part, v in (
            ("prefix", get("name prefix")),
            ("additional", middle),
            ("suffix", get("name suffix")),
        )
        if v
    ]
    department = get("organization department") or clean(organisation.get("department"))
    if department:
        details.append(Detail(kinds.DEPARTMENT, department))
    person = get("name") or " ".join(p for p in (given, middle, family) if p) or get("nickname")
    full = person or company or (emails[0].value if emails else "") or (phones[0].value if phones else "")
    if not full:
        result.problems.append(Problem(line, "has no name, company, email or phone"))
        return
    if not person and company:
        details.append(Detail(kinds.ORGANISATION, "yes"))
    location = get("location")
    for address in each("address"):
        parts = [clean_block(address.get(part, "")).replace("\n", ", ") for part in _ADDRESS]
        parts[2] = clean_block(address.get("street", "")) or (
            "" if any(parts) else clean_block(address.get("formatted", ""))
        )
        if any(parts):
            details.append(Detail(kinds.ADDRESS, address_value(parts), _label(address.get("label", ""))))
            location = location or place(parts)
    linkedin, website, urls = "", "", []
    for site in each("website"):
        label = _label(site.get("label", ""))
        for value in _multi(site.get("value", "")):
            if not linkedin and is_linkedin(value):
                linkedin = value
            elif not website and label in ("", "homepage", "home page", "website"):
                website = value
            else:
                urls.append(Method("url", value, label))
    for relation in each("relation"):
        details += [
            Detail(kinds.RELATED, v, _label(relation.get("label", "")))
            for v in _multi(relation.get("value", ""))
        ]
    for event in each("event"):
        details += [
            Detail(kinds.DATE, read_birthday(v), _label(event.get("label", "")))
            for v in _multi(event.get("value", ""))
        ]
    for im in each("im"):
        service = _label(im.get("service", "")) or _label(im.get("label", ""))
        details += [Detail(kinds.PROFILE, v, service) for v in _multi(im.get("value", ""))]
    for custom in each("custom field"):
        details += [
            Detail(kinds.FIELD, v, clean(custom.get("label", ""))) for v in _multi(custom.get("value", ""))
        ]
    details += [
        Detail(kinds.FIELD, clean_block(cell(row, index)), title)
        for title, index in others
        if cell(row, index).strip()
    ]
    labels = [
        label.removeprefix("* ")
        for label in _multi(get("labels", "group membership"))
        if not label.startswith("System Group:")
    ]
    odd = []
    if len(row) > width:
        extra = " | ".join(clean(value) for value in row[width:] if value.strip())
        odd.append(Odd("extra cells", extra, f"are beyond the {width} columns of the header"))
    result.add(
        line,
        contact_input(
            full_name=full,
            given_name=given if person else "",
            family_name=family if person else "",
            title=get("organization title") or clean(organisation.get("title")),
            company=company,
            emails=tuple(emails),
            phones=tuple(phones),
            urls=tuple(urls),
            linkedin_url=linkedin,
            website=website,
            location=location,
            birthday=read_birthday(get("birthday")),
            notes=clean_block(cell(row, columns.get("notes"))),
            tags=tuple(label for label in labels if label.replace(" ", "").casefold() not in SYSTEM_LABELS),
            source="google",
            details=tuple(details),
        ),
        odd=odd,
    )
