"""What may become of a hostile string: stored as typed (after the field's documented
tidying), stored without its control characters, or refused with one line. Written
independently of netkeep's own rules, so the tests do not grade netkeep by netkeep."""

from __future__ import annotations

from trust.corpus import CONTROL, LINE_CONTROL, SURROGATE
from trust.figures import count

#: Longest values netkeep keeps (core/validation.py): longer ones are refused.
NAME_MAX = 200
FIELD_MAX = 500

STORED, STRIPPED, REFUSED = "stored as typed", "stored without its control characters", "refused"


def one_line(text: str) -> str:
    """A one-line field as an importer keeps it: control characters out, line breaks, tabs
    and runs of white space as one space."""
    return " ".join(CONTROL.sub("", text).split())


def block(text: str) -> str:
    """A several-line field as an importer keeps it (notes): line ends as \\n, controls out,
    each line without trailing blanks."""
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def fits(text: str, limit: int) -> bool:
    return len(text.strip()) <= limit


def storable(text: str, *, multiline: bool, limit: int | None = None) -> bool:
    """Whether netkeep must keep ``text`` as it is: no control characters (a newline and a
    tab are fine where the field has lines), valid Unicode, within the field's length."""
    pattern = CONTROL if multiline else LINE_CONTROL
    return not pattern.search(text) and not SURROGATE.search(text) and (limit is None or fits(text, limit))


def verdict(
    stored: str | None,
    typed: str,
    expected,
    *,
    multiline: bool,
    limit: int | None = None,
    exact_copy: bool = False,
) -> str:
    """``STORED``/``STRIPPED``/``REFUSED`` when that is allowed for ``typed``, else what is wrong.

    ``stored`` is what the database holds (None: nothing was saved); ``expected`` maps typed
    text to what the field keeps of it (strip, collapse white space…). ``exact_copy``: a
    restore of netkeep's own backup, which may keep control characters as they were.
    """
    pattern = CONTROL if multiline else LINE_CONTROL
    if stored is None:
        if storable(typed, multiline=multiline, limit=limit):
            return "refused a string it must keep"
        return REFUSED
    if exact_copy and stored == expected(typed):
        return STORED
    if pattern.search(stored):
        return f"stored control characters: {stored[:60]!r}"
    if stored == expected(typed):
        return STORED
    if stored == expected(pattern.sub("", typed)):
        return STRIPPED
    return f"stored {stored[:60]!r}, expected {expected(typed)[:60]!r}"


def tally(traceback: bool, leaked: bool, mismatch: bool) -> None:
    """Count one string through one surface in the figures table."""
    count("hostile input", "strings × surfaces")
    count("hostile input", "tracebacks", traceback, "0")
    count("hostile input", "mismatches (stored, refused or exported wrong)", mismatch, "0")
    count("hostile input", "control characters sent to the terminal", leaked, "0")
