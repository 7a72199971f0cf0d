"""Google Contacts CSV (contacts.google.com → Export → Google CSV), current and older layout."""

from __future__ import annotations

from pathlib import Path

from netkeep.core.records import ContactInput, Method
from netkeep.interop.csvrows import cell, header_map, is_google_header, is_linkedin_header, rows_with_lines
from netkeep.interop.records import ParseResult, Problem, clean, clean_block, is_linkedin
from netkeep.interop.textfile import BadFile, read_text
from netkeep.interop.vcard import normalise_birthday

WHAT = "a Google Contacts CSV"
SEPARATOR = " ::: "
#: Google's own groups that are not labels a person chose.
SYSTEM_LABELS = {"mycontacts", "starred", "friends_sys", "family_sys", "coworkers_sys"}


def parse(path: str | Path) -> ParseResult:
    return parse_text(read_text(path, WHAT), str(path))


def parse_text(text: str, name: str = "the file") -> ParseResult:
    result = ParseResult(source="google")
    rows = rows_with_lines(text, name)
    header = next(rows, None)
    columns = header_map(header[1]) if header else {}
    if header is None or not is_google_header(columns):
        if is_linkedin_header(columns) or text.lstrip().startswith("Notes:"):
            raise BadFile(f"{name} is a LinkedIn Connections.csv; import it with 'netkeep import linkedin'")
        shown = ",".join(header[1][:4]) if header else ""
        raise BadFile(
            f"{name} is not {WHAT}: its header starts '{clean(shown)[:80]}', expected "
            "'First Name,…' or 'Name,Given Name,…' with 'E-mail 1 - Value'"
        )
    width = len(header[1])
    for line, row in rows:
        if not any(field.strip() for field in row):
            continue
        if len(row) > width:
            result.problems.append(Problem(line, f"has {len(row)} fields instead of {width}"))
            continue
        _read_row(result, line, row, columns)
    return result


def _multi(text: str) -> list[str]:
    return [clean(part) for part in text.split(":::") if clean(part)]


def _label(text: str) -> str:
    return clean(text).lstrip("* ").casefold()


def _methods(row: list[str], columns: dict[str, int], prefix: str, kind: str) -> list[Method]:
    found = []
    number = 1
    while f"{prefix} {number} - value" in columns:
        label_col = columns.get(f"{prefix} {number} - label", columns.get(f"{prefix} {number} - type"))
        label = _label(cell(row, label_col))
        for value in _multi(cell(row, columns[f"{prefix} {number} - value"])):
            found.append(Method(kind, value, label))
        number += 1
    return found


def _read_row(result: ParseResult, line: int, row: list[str], columns: dict[str, int]) -> None:
    def get(*names: str) -> str:
        for column in names:
            value = clean(cell(row, columns.get(column)))
            if value:
                return value
        return ""

    given = get("first name", "given name")
    middle = get("middle name", "additional name")
    family = get("last name", "family name")
    company = get("organization name", "organization 1 - name")
    emails = _methods(row, columns, "e-mail", "email")
    phones = [
        Method("phone", method.value.removeprefix("tel:"), method.label)
        for method in _methods(row, columns, "phone", "phone")
    ]
    full = (
        get("name")
        or " ".join(p for p in (given, middle, family) if p)
        or get("nickname", "file as")
        or company
        or (emails[0].value if emails else "")
        or (phones[0].value if phones else "")
    )
    if not full:
        result.problems.append(Problem(line, "has no name, email or phone"))
        return
    linkedin, website, urls = "", "", []
    for method in _methods(row, columns, "website", "url"):
        if not linkedin and is_linkedin(method.value):
            linkedin = method.value
        elif not website and method.label in ("", "homepage", "home page", "website"):
            website = method.value
        else:
            urls.append(method)
    labels = [_label(label) for label in _multi(get("labels", "group membership"))]
    address = clean_block(cell(row, columns.get("address 1 - formatted")))
    location = ", ".join(clean(part) for part in address.split("\n") if clean(part))
    result.add(
        line,
        ContactInput(
            full_name=full,
            given_name=given,
            family_name=family,
            title=get("organization title", "organization 1 - title"),
            company=company,
            emails=tuple(emails),
            phones=tuple(phones),
            urls=tuple(urls),
            linkedin_url=linkedin,
            website=website,
            location=location or get("location"),
            birthday=normalise_birthday(get("birthday")),
            notes=clean_block(cell(row, columns.get("notes"))),
            tags=tuple(label for label in labels if label.replace(" ", "") not in SYSTEM_LABELS),
            source="google",
        ),
    )
