"""CSV rows with the line each one starts on (notes may span several lines)."""

from __future__ import annotations

import csv
import io
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
