"""What text netkeep keeps, and how it shows text: one rule for each.

Kept: any character but the control characters (C0, DEL, C1: the stuff of terminal
escape codes, bells and clipboard writes), a newline and a tab aside where a field has
lines, and never a lone surrogate (a byte that was not UTF-8, smuggled through by
Python's ``surrogateescape``). Typed or captured text with one is refused
(:func:`text_problem`); imported text has them taken out (:func:`strip_controls`).

Shown: whatever is in the database, through :func:`visible`, which turns each control
character into its visible symbol (ESC as ␛, BEL as ␇) so text never drives the terminal.
Light on purpose (only ``re``): ``netkeep find`` uses it.
"""

from __future__ import annotations

import re

#: Characters never kept in text with lines: controls but newline and tab, lone surrogates.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: The same, and newlines and tabs too: for one-line fields.
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

CONTROL_MESSAGE = "Contains control characters (such as terminal escape codes)."
NOT_UTF8_MESSAGE = "Contains bytes that are not UTF-8 text (check the terminal's encoding)."


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be kept as it is (a sentence for under its field), or None."""
    if text.isprintable():  # the common case, in C
        return None
    if _SURROGATE.search(text):
        return NOT_UTF8_MESSAGE
    if (CONTROL if multiline else LINE_CONTROL).search(text):
        return CONTROL_MESSAGE
    return None


def undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not UTF-8 (lone surrogates)."""
    return not text.isprintable() and _SURROGATE.search(text) is not None


def strip_controls(text: str, *, multiline: bool = False) -> str:
    """``text`` without what may not be kept (imported text: taken out rather than refused)."""
    if text.isprintable():
        return text
    return (CONTROL if multiline else LINE_CONTROL).sub("", text)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Control Pictures block
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and lone surrogates have no picture of their own


def visible(text: str) -> str:
    """``text`` safe to show on a terminal: control characters as visible symbols (ESC as
    ␛, BEL as ␇, C1 controls and undecodable bytes as �); newlines and tabs stay."""
    if text.isprintable():
        return text
    return CONTROL.sub(_symbol, text)
