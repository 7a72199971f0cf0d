"""A vCard's content lines (2.1, 3.0 and 4.0): unfolded, cut into group, name, parameters and
value, quoted-printable decoded. Written for speed (30,000 cards in about a second);
the tests check it against vobject as an independent parser."""

from __future__ import annotations

import quopri
import re
from functools import lru_cache
from typing import NamedTuple

#: A value's escapes: ``\\n`` (a line break), ``\\,``, ``\\;``, ``\\\\``.
_ESCAPE = re.compile(r"\\(.)", re.S)
_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$")
#: Separators of structured values that are not escaped (the backslash pairs before one kept).
_SEPARATORS = {sep: re.compile(r"(?<!\\)((?:\\\\)*)" + re.escape(sep)) for sep in (";", ",")}


_new = tuple.__new__
_LINE_END = re.compile(r"\r\n|\r|\n")
#: Type parameters that say nothing a person would call a label.
NOISE_TYPES = {"internet", "pref", "voice", "x400", "uri", "text", "x-internet"}


class Prop(NamedTuple):
    """One property: ``item1.TEL;TYPE=work:+1 555 0100`` → group ``item1``, name ``TEL``,
    params ``{"TYPE": ["work"]}`` and the value as written (escapes and all)."""

    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    #: The line it starts on, counted from the card's first line (1).
    line: int
    #: The property as one unfolded line, to keep when netkeep has no field for it.
    text: str
    #: Its TYPE values, lower case (``TYPE=WORK,pref`` and 2.1's ``;WORK;PREF`` alike).
    types: tuple[str, ...] = ()
    #: The first of them a person would call a label ("work", not "pref" or "internet").
    kind: str = ""

    def param(self, name: str) -> str:
        values = self.params.get(name)
        return values[0] if values else ""


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_value(text: str, separator: str) -> list[str]:
    """A structured value's parts (``N``, ``ADR``, ``ORG``; ``CATEGORIES`` at commas), each
    unescaped; a separator after a backslash is text."""
    if "\\" not in text:
        return text.split(separator)
    parts = _SEPARATORS[separator].split(text)
    # re.split keeps the captured backslash pairs: glue them back to the part before.
    pieces = [parts[0]]
    for index in range(1, len(parts), 2):
        pieces[-1] += parts[index]
        pieces.append(parts[index + 1])
    return [unescape(piece) for piece in pieces]


def logical_lines(lines: list[str]) -> list[tuple[int, str]]:
    """``(line number, unfolded line)`` for a card's lines: a line starting with a space or
    a tab continues the one before, as does the line after a quoted-printable ``=``."""
    found: list[tuple[int, str]] = []
    soft = False
    for number, raw in enumerate(lines, start=1):
        if found and (soft or raw[:1] in (" ", "\t")):
            start, previous = found[-1]
            found[-1] = (start, previous[:-1] + raw if soft else previous + raw[1:])
        elif raw and not raw.isspace():
            found.append((number, raw))
        else:
            continue
        if raw.endswith("="):  # rare: only then can it be a quoted-printable soft break
            text = found[-1][1]
            soft = "QUOTED-PRINTABLE" in text[: text.find(":")].upper()
        else:
            soft = False
    return found


def parse_line(text: str, line: int) -> Prop | None:
    """One unfolded content line as a :class:`Prop`; None when it is not one."""
    colon = text.find(":")
    if colon < 0:
        return None
    head = text[:colon]
    if '"' in head:  # a quoted parameter value may hold ':' or ';'
        quoted, colon = _quoted_head(text)
        if quoted is None:
            return None
        head = quoted
    parsed = _head(head)
    if parsed is None:
        return None
    group, name, params, types, kind, quoted_printable = parsed
    value = text[colon + 1 :]
    if quoted_printable:
        params = dict(params)  # the parsed head is shared by every line that has it
        value = _decode_qp(value, params.get("CHARSET", ["utf-8"])[0])
        params.pop("ENCODING")
        params.pop("CHARSET", None)
        text = _rebuild(group, name, params, value)
    return _new(Prop, (group, name, params, value, line, text, types, kind))  # Prop(…), a frame less


@lru_cache(maxsize=4096)
def _head(head: str) -> tuple[str, str, dict[str, list[str]], tuple[str, ...], str, bool] | None:
    """A property's group, name and parameters (a few dozen heads make up a whole file)."""
    pieces = head.split(";") if '"' not in head else _split_quoted(head)
    match = _NAME.match(pieces[0].strip())
    if match is None:
        return None
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, equals, values = piece.partition("=")
        if equals:
            params.setdefault(key.strip().upper(), []).append(values.strip().strip('"'))
        elif key.strip():  # 2.1: ";WORK;VOICE" are types; ";QUOTED-PRINTABLE" an encoding
            bare = key.strip().upper()
            target = "ENCODING" if bare in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT") else "TYPE"
            params.setdefault(target, []).append(key.strip())
    types = tuple(kind.strip('"').casefold() for value in params.get("TYPE", ()) for kind in value.split(","))
    kind = next((kind for kind in types if kind and kind not in NOISE_TYPES), "")
    quoted_printable = params.get("ENCODING", [""])[0].upper() == "QUOTED-PRINTABLE"
    return match.group(1) or "", match.group(2).upper(), params, types, kind, quoted_printable


def _decode_qp(value: str, charset: str) -> str:
    data = quopri.decodestring(value.encode("utf-8", "surrogateescape"))
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data.decode("cp1252", errors="replace")


def _quoted_head(text: str) -> tuple[str | None, int]:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], index
    return None, -1


def _split_quoted(head: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    quoted = False
    for char in head:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces


def param_text(value: str) -> str:
    """A parameter value, quoted when it holds ``:``, ``;`` or ``,``."""
    value = re.sub(r'["\x00-\x1f]', "", value)
    return f'"{value}"' if re.search(r"[:;,]", value) else value


def _rebuild(group: str, name: str, params: dict[str, list[str]], value: str) -> str:
    head = f"{group}.{name}" if group else name
    for key, values in params.items():
        head += "".join(f";{key}={param_text(v)}" for v in values)
    # a decoded value's line breaks are written as vCard escapes, so it stays one line
    return f"{head}:{value.replace(chr(13), '').replace(chr(10), chr(92) + 'n')}"


def split_cards(text: str):
    """Yield ``(first line, lines, closed)`` for each BEGIN:VCARD … END:VCARD block."""
    current: list[str] | None = None
    start = 0
    # vCard lines end in CR LF (or LF, or CR); U+2028, U+0085… inside a value are text.
    for number, raw in enumerate(_LINE_END.split(text), start=1):
        marker = raw.strip().upper()
        if marker == "BEGIN:VCARD":
            if current is not None:
                yield start, current, False
            current, start = [], number
        elif current is not None:
            if marker == "END:VCARD":
                yield start, current, True
                current = None
            else:
                current.append(raw)
    if current is not None:
        yield start, current, False
