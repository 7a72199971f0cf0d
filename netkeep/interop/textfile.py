"""Reading a file someone hands us: encodings, empty and binary files, clear messages.

What the reading had to guess (a file that is not UTF-8) is said in a note, collected by
:func:`decoding_notes` around a parse, for the import's preview.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from netkeep.core.errors import NetkeepError

#: Larger contact files are refused rather than read into memory.
MAX_BYTES = 200 * 1024 * 1024
#: A backup of a big network is larger (30,000 contacts with their timelines: ~80 MB).
MAX_BACKUP_BYTES = 1024 * 1024 * 1024


#: A valid UTF-8 sequence of two to four bytes: a file with one is UTF-8 (with some bad bytes),
#: a file with none is an older 8-bit encoding.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_notes: ContextVar[list[str] | None] = ContextVar("decoding_notes", default=None)


class BadFile(NetkeepError):
    """A file that cannot be imported at all; the message says why in one line."""


@contextmanager
def decoding_notes() -> Iterator[list[str]]:
    """The notes of every file read in the block (what the decoding had to guess)."""
    notes: list[str] = []
    token = _notes.set(notes)
    try:
        yield notes
    finally:
        _notes.reset(token)


def _note(text: str) -> None:
    notes = _notes.get()
    if notes is not None:
        notes.append(text)


def read_text(path: str | Path, what: str, limit: int = MAX_BYTES) -> str:
    """The text of ``path``; ``what`` names the expected kind ("a LinkedIn CSV") in messages.

    UTF-8 with or without a BOM and UTF-16 with a BOM are decoded. A UTF-8 file with a few
    bytes that are not UTF-8 is read as UTF-8, those bytes shown as �; a file without a
    single UTF-8 sequence of several bytes is read as Windows-1252, as Excel and older
    address books write it. Either is said in a note (:func:`decoding_notes`).
    """
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise BadFile(f"{path} is a folder, not {what}")
        if path.stat().st_size > limit:
            raise BadFile(f"{path} is too large to import (over {limit // 2**20} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadFile(f"{path}: no such file") from None
    except PermissionError:
        raise BadFile(f"{path}: permission denied") from None
    except OSError as error:
        raise BadFile(f"{path}: {error.strerror or error}") from None
    return decode(data, f"{path}", what)


def decode(data: bytes, name: str, what: str) -> str:
    """Decode file bytes as :func:`read_text` describes; raise :class:`BadFile` otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadFile(
                f"{name} looks like UTF-16 text but cannot be decoded; save it as UTF-8 and try again"
            ) from None
    elif _looks_like_utf16_without_bom(data):
        text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    elif b"\x00" in data[:8192]:
        raise BadFile(f"{name} is a binary file, not {what}")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _not_quite_utf8(data, name, what)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BadFile(f"{name} is empty")
    return text


def _not_quite_utf8(data: bytes, name: str, what: str) -> str:
    if _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8-sig", errors="replace")
        if _mostly_controls(text):
            raise BadFile(f"{name} is a binary file, not {what}")
        lines = [number for number, line in enumerate(text.splitlines(), 1) if "\ufffd" in line]
        shown = ", ".join(map(str, lines[:10])) + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")
        _note(
            f"{name} is UTF-8 but for a few bytes that are not: they show as � "
            f"(line{'s' if len(lines) != 1 else ''} {shown})"
        )
        return text
    text = data.decode("cp1252", errors="replace")
    if _mostly_controls(text):
        raise BadFile(f"{name} is a binary file, not {what}")
    _note(f"{name} is not UTF-8: read as Windows-1252 (as Excel saves it); check accented names")
    return text


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    head = data[:4096]
    if len(head) < 4:
        return False
    odd_zeros = head[1::2].count(0)
    even_zeros = head[0::2].count(0)
    half = len(head) // 2
    return (odd_zeros > 0.9 * half and even_zeros == 0) or (even_zeros > 0.9 * half and odd_zeros == 0)


def _mostly_controls(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\ufffd")
    return bad > len(sample) * 0.05
