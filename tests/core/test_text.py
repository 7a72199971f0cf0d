"""One rule for what text is kept (capture, log, forms refuse; imports strip), one for how
text is shown (control characters as visible symbols)."""

from __future__ import annotations

import pytest

from helpers.people import person
from netkeep.core import capture, interactions, letters
from netkeep.core.errors import ValidationError
from netkeep.core.records import InteractionInput
from netkeep.core.text import NOT_UTF8_MESSAGE, strip_controls, text_problem, visible
from netkeep.interop.records import clean, clean_block

HOSTILE = [
    "\x1b]0;pwned\x07",  # OSC 0: retitles the terminal
    "\x1b[2J",  # erases the screen
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52: writes the clipboard
    "\x9b31m",  # an 8-bit CSI
    "\x7f",
    "\x00",
]


@pytest.mark.parametrize("bad", HOSTILE)
def test_control_characters_are_refused_where_typed_and_stripped_where_imported(db, bad):
    assert text_problem(f"Ada{bad}") == "Contains control characters (such as terminal escape codes)."
    with pytest.raises(ValidationError):
        capture.capture_line(f"Ada Lovelace{bad} @Engines")
    jane = person("Jane Doe")
    with pytest.raises(ValidationError) as refused:
        interactions.log_interaction(InteractionInput(contact_ids=(jane,), summary=f"we met {bad}"))
    assert "summary" in refused.value.errors
    assert text_problem(clean(f"Ada{bad} Lovelace")) is None
    assert clean_block(f"line one{bad}\nline two").endswith("\nline two")
    assert text_problem(clean_block(f"line one{bad}\nline two"), multiline=True) is None


def test_newlines_and_tabs_are_kept_where_a_field_has_lines():
    assert text_problem("one\n\ttwo", multiline=True) is None
    assert text_problem("one\ntwo") is not None
    assert strip_controls("a\tb\nc\x1b", multiline=True) == "a\tb\nc"


def test_bytes_that_are_not_utf8_are_refused_with_their_own_message(db):
    assert text_problem("Zo\udceb") == NOT_UTF8_MESSAGE
    with pytest.raises(ValidationError) as refused:
        capture.build_input(capture.CaptureFields(name="Ada", introduced_by="B\udcf6b"))
    assert set(refused.value.errors) == {"introduced_by"}  # refused before any lookup


def test_joiners_and_direction_marks_are_text():
    for name in ("👩🏽\u200d💻", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u200fשלום\u200e"):
        assert text_problem(name) is None
        assert visible(name) == name


def test_shown_text_turns_control_characters_into_symbols_one_for_one():
    assert visible("\x1b]0;pwned\x07") == "␛]0;pwned␇"
    assert visible("a\x00b\x7fc\x9bd\udcffe") == "a␀b␡c\ufffdd\ufffde"
    assert visible("line\n\tindented") == "line\n\tindented"
    for bad in HOSTILE:
        assert len(visible(bad)) == len(bad)


def test_a_letter_keeps_no_control_characters(db):
    from helpers.meetings import meet

    meeting = meet(person("Jane Doe"), kind="coffee")
    draft = letters.save_draft(meeting, "Thanks\x1b[2J", "Dear Jane,\x07\n\nThank you.")
    assert (draft.subject, draft.body) == ("Thanks[2J", "Dear Jane,\n\nThank you.")
