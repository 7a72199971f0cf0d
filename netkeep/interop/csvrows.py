"""CSV rows with the line each one starts on (notes may span several lines), the separator
a spreadsheet saved them with, and whose export a header row is."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from netkeep.interop.textfile import BadFile

SEPARATORS = (",", ";", "\t")
#: Column names that say a line is a contacts header (to tell which separator splits it).
_KNOWN = {
    "first name",
    "last name",
    "middle name",
    "name",
    "given name",
    "family name",
    "url",
    "email address",
    "e-mail address",
    "company",
    "position",
    "connected on",
    "job title",
    "department",
    "notes",
    "nickname",
    "birthday",
    "labels",
    "group membership",
    "organization name",
    "e-mail 1 - value",
    "phone 1 - value",
    "business phone",
    "mobile phone",
    "home phone",
    "uid",
}
#: How many lines (LinkedIn's "Notes:" preamble) are looked through for the header row.
HEADER_SEARCH_LINES = 50


def column_name(title: str) -> str:
    """A header cell as it is matched: lower case, trimmed, without a BOM or quotes."""
    return " ".join(title.strip().lstrip("\ufeff").strip('"').casefold().split())


def sniff_separator(text: str) -> str:
    """The separator (``,``, ``;`` or a tab) that splits a header line into the most known
    column names; a comma when no line has two of them."""
    best, best_score = ",", 1
    for line in text[:20_000].splitlines()[:HEADER_SEARCH_LINES]:
        for separator in SEPARATORS:
            score = sum(1 for cell in line.split(separator) if column_name(cell) in _KNOWN)
            if score > best_score:
                best, best_score = separator, score
    return best


def rows_with_lines(text: str, name: str, separator: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line number, fields)`` for each CSV record of ``text``."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise BadFile(f"{name}: cannot read line {reader.line_num + 1} as CSV ({error})") from None


def header_map(header: list[str]) -> dict[str, int]:
    """Column positions by :func:`column_name` (the first of repeated names wins)."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        columns.setdefault(column_name(title), index)
    return columns


def cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def header_kind(columns: dict[str, int]) -> str | None:
    """Whose export a header (:func:`header_map`) is: ``linkedin``, ``google``, ``outlook``,
    ``netkeep`` (its own CSV export), or None."""
    named = "first name" in columns and "last name" in columns
    if named and ("connected on" in columns or "position" in columns):
        return "linkedin"
    if ("first name" in columns or "given name" in columns or "name" in columns) and any(
        re.fullmatch(r"(e-mail|phone) 1 - value", key) for key in columns
    ):
        return "google"
    if named and any(
        key in columns for key in ("e-mail address", "job title", "business phone", "home phone")
    ):
        return "outlook"
    if "name" in columns and "uid" in columns and "cadence (days)" in columns:
        return "netkeep"
    return None


def find_header(
    rows: Iterator[tuple[int, list[str]]], kind: str
) -> tuple[dict[str, int] | None, list[str], str | None]:
    """Read rows up to the header of ``kind``: its columns (None if not found), the header
    row, and the kind of the first header-like row seen (to name the right importer)."""
    seen: str | None = None
    for line, row in rows:
        if line > HEADER_SEARCH_LINES:
            break
        columns = header_map(row)
        found = header_kind(columns)
        if found == kind:
            return columns, row, found
        seen = seen or found
    return None, [], seen


def other_columns(header: list[str], columns: dict[str, int], known) -> list[tuple[str, int]]:
    """The columns of ``header`` an importer has no field for: ``(title as written, index)``."""
    return [
        (" ".join(header[index].lstrip("\ufeff").split()), index)
        for title, index in columns.items()
        if title and title not in known
    ]
