"""The trust suite's figures table, printed at the end of a run that measured any."""

from __future__ import annotations

from trust.figures import FIGURES, table
from trust.scale import LONG


def pytest_terminal_summary(terminalreporter) -> None:
    if not FIGURES:
        return
    form = "long" if LONG else "short"
    terminalreporter.section(f"trust suite figures ({form} form)")
    for line in table():
        terminalreporter.write_line(line)
