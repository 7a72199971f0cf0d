"""The trust suite's figures table, printed at the end of a run that measured any."""

from __future__ import annotations

import pytest

from trust.figures import FIGURES, table
from trust.scale import LONG


def pytest_terminal_summary(terminalreporter) -> None:
    if not FIGURES:
        return
    form = "long" if LONG else "short"
    terminalreporter.section(f"trust suite figures ({form} form)")
    for line in table():
        terminalreporter.write_line(line)


#: Cells that still fail on main, each an open defect (listed in the trust issue's note).
OPEN_DEFECTS = {
    "[capture-note-newline]": "a newline in a one-line capture's note is not kept or refused in one line",
    "[log-contact-newline]": "a newline in `netkeep log`'s contact is not refused in one line",
    "[log-when-newline]": "a newline in `netkeep log --when` is not refused in one line",
    "[log-kind-newline]": "a newline in `netkeep log --kind` is not refused in one line",
    "[pasted-controls-contact-notes]": "control characters pasted into the contact form's notes",
    "[pasted-not-utf8-contact-notes]": "bytes that are not UTF-8 pasted into the contact form's notes",
    "test_the_log_confirmation_shows_the_name_literally[controls]": "log's confirmation shows controls raw",
    "test_an_editor_that_is_not_there_is_a_message_and_the_app_goes_on": "a missing $EDITOR in the app host",
    "test_bytes_that_are_not_utf8_typed_into_quick_capture": "non-UTF-8 bytes typed into quick capture",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The defects the suite was written against (marked "trustfix: …") are fixed on main:
    those cells run as plain tests and must pass. The open ones fail until fixed (strict)."""
    for item in items:
        item.own_markers[:] = [
            mark
            for mark in item.own_markers
            if not (mark.name == "xfail" and str(mark.kwargs.get("reason", "")).startswith("trustfix:"))
        ]
        for part, defect in OPEN_DEFECTS.items():
            if part in item.nodeid:
                item.add_marker(pytest.mark.xfail(strict=True, reason=f"open defect: {defect}"))
        if "test_the_app_and_three_writers_at_once" in item.nodeid:
            # Its 2 s bound for the app to show others' writes is missed on a machine loaded
            # by other test processes; the long form (run.py --long) runs it alone.
            item.add_marker(pytest.mark.xfail(strict=False, reason="timing-bound on a loaded machine"))
