"""CSV rows with the line each one starts on (notes may span several lines), and telling
whose export a header row is (so each importer can name the right one for a wrong file)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from netkeep.interop.textfile import BadFile


def rows_with_lines(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line number, fields)`` for each CSV record of ``text``."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise BadFile(f"{name}: cannot read line {reader.line_num + 1} as CSV ({error})") from None


def header_map(header: list[str]) -> dict[str, int]:
    """Column positions by lower-cased, trimmed name (the first of repeated names wins)."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        columns.setdefault(" ".join(title.strip().lstrip("\ufeff").casefold().split()), index)
    return columns


def cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def is_linkedin_header(columns: dict[str, int]) -> bool:
    """Whether a header (:func:`header_map`) is LinkedIn's ``Connections.csv`` one."""
    return (
        "first name" in columns
        and "last name" in columns
        and ("connected on" in columns or "position" in columns)
    )


def is_google_header(columns: dict[str, int]) -> bool:
    """Whether a header (:func:`header_map`) is a Google Contacts CSV one."""
    named = "first name" in columns or "given name" in columns or "name" in columns
    return named and any(re.fullmatch(r"(e-mail|phone) 1 - value", key) for key in columns)
