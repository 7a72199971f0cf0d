"""Tiny independent readers for what netkeep exports: vCard and iCalendar content lines."""

from __future__ import annotations

import re


def content_lines(text: str) -> list[tuple[str, str]]:
    """``(NAME, value)`` of each content line, unfolded and unescaped (RFC 6350 / 5545)."""
    logical: list[str] = []
    for line in text.split("\r\n"):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        elif line:
            logical.append(line)
    found = []
    for line in logical:
        head, _, value = line.partition(":")
        found.append((head.split(";")[0].upper(), unescape(value)))
    return found


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], value)


def values(text: str, name: str) -> list[str]:
    return [value for key, value in content_lines(text) if key == name]
