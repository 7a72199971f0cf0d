"""LinkedIn's ``Connections.csv`` (Settings → Data privacy → Get a copy of your data)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from netkeep.core.records import ContactInput, Method
from netkeep.interop.csvrows import cell, header_map, is_google_header, is_linkedin_header, rows_with_lines
from netkeep.interop.records import ParseResult, Problem, clean, is_linkedin
from netkeep.interop.textfile import BadFile, read_text

WHAT = "a LinkedIn Connections.csv"
#: Date layouts LinkedIn has used for "Connected On" (newest first).
DATE_FORMATS = (
    "%d %b %Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y-%m-%d",
    "%d %B %Y",
)
#: How many lines of preamble ("Notes: …") we look through for the header row.
HEADER_SEARCH_LINES = 50


def parse(path: str | Path) -> ParseResult:
    """Read a LinkedIn connections export, current or older layout."""
    return parse_text(read_text(path, WHAT), str(path))


def parse_text(text: str, name: str = "the file") -> ParseResult:
    result = ParseResult(source="linkedin")
    rows = rows_with_lines(text, name)
    columns: dict[str, int] | None = None
    width = 0
    first = None
    for line, row in rows:
        if line > HEADER_SEARCH_LINES:
            break
        candidate = header_map(row)
        first = first if first is not None else candidate
        if is_linkedin_header(candidate):
            columns, width = candidate, len(row)
            break
    if columns is None:
        if first is not None and is_google_header(first):
            raise BadFile(f"{name} is a Google Contacts CSV; import it with 'netkeep import google'")
        raise BadFile(f"{name} is not {WHAT}: no 'First Name,Last Name,…,Connected On' header row found")
    for line, row in rows:
        if not any(field.strip() for field in row):
            continue
        if len(row) > width:
            result.problems.append(
                Problem(line, f"has {len(row)} fields instead of {width} (a comma outside quotes?)")
            )
            continue
        _read_row(result, line, row, columns)
    return result


def _read_row(result: ParseResult, line: int, row: list[str], columns: dict[str, int]) -> None:
    given = clean(cell(row, columns.get("first name")))
    family = clean(cell(row, columns.get("last name")))
    if not given and not family:
        result.hidden += 1
        return
    connected_text = clean(cell(row, columns.get("connected on")))
    connected = _parse_date(connected_text) if connected_text else None
    if connected_text and connected is None:
        result.problems.append(Problem(line, f"cannot read the date '{connected_text}'"))
        return
    url = clean(cell(row, columns.get("url")))
    email = clean(cell(row, columns.get("email address")))
    website = ""
    if url and not is_linkedin(url):
        url, website = "", url
    result.add(
        line,
        ContactInput(
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
        ),
    )


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> date | None:
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None
