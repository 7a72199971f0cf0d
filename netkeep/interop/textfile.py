"""Reading a file someone hands us: encodings, empty and binary files, clear messages."""

from __future__ import annotations

import codecs
from pathlib import Path

from netkeep.core.errors import NetkeepError

#: Larger contact files are refused rather than read into memory.
MAX_BYTES = 200 * 1024 * 1024
#: A backup of a big network is larger (30,000 contacts with their timelines: ~80 MB).
MAX_BACKUP_BYTES = 1024 * 1024 * 1024


class BadFile(NetkeepError):
    """A file that cannot be imported at all; the message says why in one line."""


def read_text(path: str | Path, what: str, limit: int = MAX_BYTES) -> str:
    """The text of ``path``; ``what`` names the expected kind ("a LinkedIn CSV") in messages.

    UTF-8 with or without a BOM and UTF-16 with a BOM are decoded; other bytes that are
    not valid UTF-8 are read as Windows-1252, as older address-book exports are.
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
            text = data.decode("cp1252", errors="replace")
            if _mostly_controls(text):
                raise BadFile(f"{name} is a binary file, not {what}") from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BadFile(f"{name} is empty")
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
