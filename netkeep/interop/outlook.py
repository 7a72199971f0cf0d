"""Outlook's contacts CSV (Outlook → File → Open & Export → Export to a file → CSV, or
Outlook.com → Manage contacts → Export), whatever the separator Excel saved it with.

As with Google's, every column is kept: in a field, as a detail, or under its own name.
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
from netkeep.interop.values import numeric_order, read_date

#: Phone columns and the label each one gets.
PHONES = {
    "mobile phone": "mobile",
    "business phone": "work",
    "business phone 2": "work",
    "home phone": "home",
    "home phone 2": "home",
    "primary phone": "main",
    "company main phone": "company",
    "other phone": "other",
    "car phone": "car",
    "assistant's phone": "assistant",
    "callback": "callback",
    "radio phone": "radio",
    "isdn": "isdn",
    "tty/tdd phone": "textphone",
    "telex": "telex",
    "pager": "pager",
    "business fax": "work fax",
    "home fax": "home fax",
    "other fax": "fax",
}
#: Related people's columns and the relation each one names.
RELATED = {
    "spouse": "spouse",
    "children": "child",
    "manager's name": "manager",
    "assistant's name": "assistant",
    "referred by": "referred by",
}
#: Address columns by the label the address gets.
ADDRESSES = {"business": "work", "home": "home", "other": "other"}
#: Dates Outlook writes for "no date".
NO_DATE = re.compile(r"^0?0?/0?0?/0{2,4}$|^0{1,2}\.0{1,2}\.0{2,4}$")
_SINGLE = {
    "first name",
    "middle name",
    "last name",
    "title",
    "suffix",
    "nickname",
    "e-mail address",
    "e-mail 2 address",
    "e-mail 3 address",
    "e-mail type",
    "e-mail 2 type",
    "e-mail 3 type",
    "e-mail display name",
    "e-mail 2 display name",
    "e-mail 3 display name",
    "job title",
    "company",
    "department",
    "web page",
    "personal web page",
    "birthday",
    "anniversary",
    "notes",
    "categories",
    "location",
}
_ADDRESS_PARTS = (
    "address po box",
    "street",
    "street 2",
    "street 3",
    "city",
    "state",
    "postal code",
    "country/region",
)


def parse(path: str | Path) -> ParseResult:
    return parse_text(read_contacts(path, "outlook"), str(path))


def parse_text(text: str, name: str = "contacts.csv") -> ParseResult:
    result = ParseResult(source="outlook")
    separator = sniff_separator(text)
    rows = rows_with_lines(text, name, separator)
    columns, header, seen = find_header(rows, "outlook")
    if columns is None:
        raise BadFile(wrong_file(name, text, "outlook", seen))
    body = [(line, row) for line, row in rows if any(field.strip() for field in row)]
    dates = [cell(row, columns.get(c)) for _line, row in body for c in ("birthday", "anniversary")]
    day_first = numeric_order(dates)
    if day_first is None:
        day_first = separator == ";" or result.region not in (None, "US", "CA", "PH")
    known = _SINGLE | set(PHONES) | set(RELATED)
    known |= {f"{prefix} {part}" for prefix in ADDRESSES for part in _ADDRESS_PARTS}
    others = other_columns(header, columns, known)
    for line, row in body:
        _read_row(result, line, row, columns, others, len(header), day_first)
    return result


def _read_row(result, line, row, columns, others, width, day_first) -> None:
    def get(column: str) -> str:
        return clean(cell(row, columns.get(column)))

    given, middle, family, company = get("first name"), get("middle name"), get("last name"), get("company")
    emails = [
        Method("email", get(c)) for c in ("e-mail address", "e-mail 2 address", "e-mail 3 address") if get(c)
    ]
    phones = [Method("phone", get(column), label) for column, label in PHONES.items() if get(column)]
    person = " ".join(part for part in (given, middle, family) if part) or get("nickname")
    full = person or company or (emails[0].value if emails else "") or (phones[0].value if phones else "")
    if not full:
        result.problems.append(Problem(line, "has no name, company, email or phone"))
        return
    details = [Detail(kinds.NICKNAME, get("nickname"))] if get("nickname") else []
    parts = (("prefix", get("title")), ("additional", middle), ("suffix", get("suffix")))
    details += [Detail(kinds.NAME_PART, value, part) for part, value in parts if value]
    if get("department"):
        details.append(Detail(kinds.DEPARTMENT, get("department")))
    if not person and company:
        details.append(Detail(kinds.ORGANISATION, "yes"))
    location = get("location")
    for prefix, label in ADDRESSES.items():
        lines = (
            clean_block(cell(row, columns.get(f"{prefix} {c}"))) for c in ("street", "street 2", "street 3")
        )
        street = "\n".join(line for line in lines if line)
        box, city, state, code, country = (
            get(f"{prefix} {c}") for c in ("address po box", "city", "state", "postal code", "country/region")
        )
        address = [box, "", street, city, state, code, country]
        if any(address):
            details.append(Detail(kinds.ADDRESS, address_value(address), label))
            location = location or place(address)
    details += [
        Detail(kinds.RELATED, get(column), relation) for column, relation in RELATED.items() if get(column)
    ]
    odd = []
    birthday = _date(get("birthday"), day_first)
    anniversary = _date(get("anniversary"), day_first)
    if anniversary:
        details.append(Detail(kinds.DATE, anniversary, "anniversary"))
    details += [
        Detail(kinds.FIELD, clean_block(cell(row, i)), title) for title, i in others if cell(row, i).strip()
    ]
    if len(row) > width:
        extra = " | ".join(clean(value) for value in row[width:] if value.strip())
        odd.append(Odd("extra cells", extra, f"are beyond the {width} columns of the header"))
    linkedin, website, urls = "", "", []
    for column, label in (("web page", ""), ("personal web page", "personal")):
        value = get(column)
        if value and not linkedin and is_linkedin(value):
            linkedin = value
        elif value and not website and not label:
            website = value
        elif value:
            urls.append(Method("url", value, label))
    result.add(
        line,
        contact_input(
            full_name=full,
            given_name=given if person else "",
            family_name=family if person else "",
            title=get("job title"),
            company=company,
            emails=tuple(emails),
            phones=tuple(phones),
            urls=tuple(urls),
            linkedin_url=linkedin,
            website=website,
            location=location,
            birthday=birthday,
            notes=clean_block(cell(row, columns.get("notes"))),
            tags=tuple(tag for tag in (clean(t) for t in re.split(r"[;,]", get("categories"))) if tag),
            source="outlook",
            details=tuple(details),
        ),
        odd=odd,
    )


def _date(text: str, day_first: bool) -> str:
    """An Outlook date as ISO text ("" for Outlook's 0/0/00; as written when unreadable)."""
    if not text or NO_DATE.match(text):
        return ""
    day = read_date(text, day_first)
    return day.isoformat() if day else text
