"""What the importers hand on: candidates, unreadable records, values kept as typed, and
the text rules every imported value goes through."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from netkeep.core.records import ContactInput
from netkeep.core.text import strip_controls


@dataclass(frozen=True)
class Candidate:
    """A contact read from a file, with the line it starts on."""

    line: int
    data: ContactInput
    #: The file it came from, when a folder of files is imported.
    file: str = ""
    #: Who introduced them, as a card UID and a name (from a netkeep vCard).
    introducer_uid: str = ""
    introducer_name: str = ""

    @property
    def where(self) -> str:
        return f"{self.file} line {self.line}" if self.file else f"line {self.line}"


@dataclass(frozen=True)
class Problem:
    """A record that could not be read at all (it has no name), and why."""

    line: int
    reason: str
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.file else f"line {self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Kept:
    """A value that was odd, and what was done with it (the person is imported anyway)."""

    line: int
    field: str
    value: str
    #: What was odd and where the value went: "has no @; kept in the notes".
    outcome: str
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.file else f"line {self.line}"
        return f"{where}, {self.field}: '{self.value}' {self.outcome}"


def clean(text: str | None) -> str:
    """One line of imported text: control characters gone, whitespace runs collapsed."""
    if not text:
        return ""
    if not text.isprintable():  # rare: only then is the regex needed
        text = strip_controls(text, multiline=True)
    return " ".join(text.split())


def clean_block(text: str | None) -> str:
    """Several lines of imported text (notes): controls gone, line ends normalised."""
    if not text:
        return ""
    if text.isprintable():  # one line, nothing to take out: most values
        return text.strip()
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"), multiline=True)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


_LINKEDIN = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com/in/([^/?#]+)", re.I)


@lru_cache(maxsize=65536)  # each address is seen twice in a re-import: in the file and in netkeep
def linkedin_key(url: str) -> str:
    """The part of a LinkedIn profile address that identifies the person (lower case)."""
    match = _LINKEDIN.match(url.strip())
    if match:
        return "linkedin.com/in/" + unquote(match.group(1)).casefold()
    return url.strip().rstrip("/").casefold()


def is_linkedin(url: str) -> bool:
    return bool(_LINKEDIN.match(url.strip()))
