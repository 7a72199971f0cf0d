"""LinkedIn's ``Connections.csv`` (Settings → Data privacy → Get a copy of your data), as
LinkedIn writes it and as Excel saves it again (semicolons or tabs, its own date forms,
Windows or UTF-16 encodings)."""

from __future__ import annotations

from pathlib import Path

from netkeep.core.details import FIELD
from netkeep.core.records import Detail, Method, contact_input
from netkeep.interop.csvrows import cell, find_header, other_columns, rows_with_lines, sniff_separator
from netkeep.interop.parsed import Odd, ParseResult
from netkeep.interop.records import clean, is_linkedin
from netkeep.interop.sniff import read_contacts, wrong_file
from netkeep.interop.textfile import BadFile
from netkeep.interop.values import numeric_order, read_date

#: The columns LinkedIn writes; any other one is kept with the contact as it is.
COLUMNS = ("first name", "last name", "url", "email address", "company", "position", "connected on")


def parse(path: str | Path) -> ParseResult:
    """Read a LinkedIn connections export, current or older layout."""
    return parse_text(read_contacts(path, "linkedin"), str(path))


def parse_text(text: str, name: str = "Connections.csv") -> ParseResult:
    result = ParseResult(source="linkedin")
    separator = sniff_separator(text)
    rows = rows_with_lines(text, name, separator)
    columns, header, seen = find_header(rows, "linkedin")
    if columns is None:
        raise BadFile(wrong_file(name, text, "linkedin", seen))
    body = [(line, row) for line, row in rows if any(field.strip() for field in row)]
    at = columns.get("connected on")
    day_first = numeric_order(cell(row, at) for _line, row in body)
    if day_first is None:  # every date reads both ways: as LinkedIn (US) writes, or Excel in Europe
        day_first = separator == ";"
    others = other_columns(header, columns, COLUMNS)
    for line, row in body:
        _read_row(result, line, row, columns, len(header), day_first, others)
    return result


def _read_row(result, line, row, columns, width, day_first, others) -> None:
    given = clean(cell(row, columns.get("first name")))
    family = clean(cell(row, columns.get("last name")))
    if not given and not family:
        result.hidden += 1
        return
    odd = []
    if len(row) > width:
        extra = " | ".join(clean(value) for value in row[width:] if value.strip())
        odd.append(Odd("extra cells", extra, f"are beyond the {width} columns of the header"))
    connected_text = clean(cell(row, columns.get("connected on")))
    connected = read_date(connected_text, day_first) if connected_text else None
    if connected_text and connected is None:
        odd.append(Odd("connected on", connected_text, "is not a date netkeep can read"))
    url = clean(cell(row, columns.get("url")))
    email = clean(cell(row, columns.get("email address")))
    website = ""
    if url and not is_linkedin(url):
        url, website = "", url
    details = [
        Detail(FIELD, clean(cell(row, index)), title) for title, index in others if cell(row, index).strip()
    ]
    result.add(
        line,
        contact_input(
            full_name=f"{given} {family}".strip(),
            given_name=given,
            family_name=family,
            title=clean(cell(row, columns.get("position"))),
            company=clean(cell(row, columns.get("company"))),
            emails=(Method("email", email),) if email else (),
            linkedin_url=url,
            website=website,
            how_met="LinkedIn",
            met_on=connected,
            source="linkedin",
            details=tuple(details),
        ),
        odd=odd,
    )
