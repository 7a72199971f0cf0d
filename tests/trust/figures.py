"""The figures the trust tests measure, printed as one table when the run ends."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Figure:
    area: str
    measure: str
    value: str
    target: str = ""


#: Every figure recorded in this process, in the order the tests first recorded them.
FIGURES: dict[tuple[str, str], Figure] = {}


def record(area: str, measure: str, value: object, target: str = "") -> None:
    """Keep one figure for the table (``value`` and ``target`` as they should read)."""
    FIGURES[area, measure] = Figure(area, measure, str(value), target)


def count(area: str, measure: str, n: int = 1, target: str = "") -> None:
    """Add ``n`` to a figure that counts (many tests add to one figure)."""
    figure = FIGURES.setdefault((area, measure), Figure(area, measure, "0", target))
    figure.value = str(int(figure.value) + n)


def table() -> list[str]:
    """The figures as the lines of one aligned table."""
    rows = [("area", "measure", "value", "target")] + [
        (f.area, f.measure, f.value, f.target) for f in FIGURES.values()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines
