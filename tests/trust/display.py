"""Reading what a screen or a command showed: was a string shown literally, with its control
characters as visible symbols (␛, ^[ …), and did any control character reach the terminal?"""

from __future__ import annotations

import re

from trust.corpus import CONTROL

#: One to four visible characters standing for one control character.
SYMBOL = r"[^\s\x00-\x1f\x7f-\x9f]{1,4}"
#: How much of a string is looked for (lists cut long text).
PROBE = 24
MARKER = re.compile(r"NK-[A-Z0-9]+")
#: The escape sequences a Textual screen writes itself: cursor moves and colours (CSI), the
#: mouse pointer's shape (OSC 22), carriage returns.
CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\]22;[a-z-]*\x07|\r")


def probe(text: str) -> re.Pattern[str]:
    """The start of ``text`` as it should look on screen: characters as they are, each
    control character as a visible symbol (a line break may also show as a break)."""
    parts = []
    for char in text[:PROBE]:
        if char in "\n\t":
            parts.append(rf"(?:\s|{SYMBOL})")
        elif CONTROL.match(char):
            parts.append(SYMBOL)
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def marker_shown(text: str, screen: str) -> bool:
    """Whether the marker of ``text`` (``NK-TITLE``…) is on ``screen``."""
    found = MARKER.search(text)
    return bool(found) and re.search(re.escape(found.group(0)) + "(?![A-Z0-9])", screen) is not None


def shown_literally(text: str, screen: str) -> bool:
    """Whether ``screen`` shows the start of ``text`` as typed (controls as symbols)."""
    return bool(probe(text).search(screen))


def raw_windows(text: str) -> list[bytes]:
    """The bytes around each control character of ``text``: if a screen's output holds one
    of them, that control character reached the terminal as it is."""
    windows = []
    for found in CONTROL.finditer(text):
        start = found.start()
        windows.append(text[max(0, start - 2) : start + 3].encode("utf-8", errors="surrogateescape"))
    return windows
