"""vCard 2.1, 3.0 and 4.0 import (one file of many cards, or a folder of .vcf files).

Cards are cut apart here so that one unreadable card is reported by its line number
and the others still import. vobject reads each card's lines (unfolding, parameters,
QUOTED-PRINTABLE with its CHARSET); the values are unescaped here, because vobject's
own value decoding drops everything after an unescaped comma in a NOTE or FN.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from netkeep.core.records import CONTACT_TYPES, ContactInput, Method
from netkeep.interop.records import ParseResult, Problem, clean, clean_block, is_linkedin
from netkeep.interop.textfile import BadFile, read_text

WHAT = "a vCard file"
X = "X-NETKEEP-"
#: Type parameters that say nothing a person would call a label.
_NOISE_TYPES = {"internet", "pref", "voice", "x400", "uri", "text"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def parse(path: str | Path) -> ParseResult:
    """Read a .vcf file, or every .vcf/.vcard file in a folder."""
    path = Path(path).expanduser()
    result = ParseResult(source="vcard")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".vcf", ".vcard") and p.is_file())
        if not files:
            raise BadFile(f"{path} holds no .vcf files")
        for file in files:
            try:
                _parse_into(result, read_text(file, WHAT), file.name)
            except BadFile as error:
                result.problems.append(Problem(1, str(error), file.name))
        return result
    _parse_into(result, read_text(path, WHAT), "")
    if not result.candidates and not result.problems:
        raise BadFile(f"{path} holds no contacts")
    return result


def parse_text(text: str, file: str = "") -> ParseResult:
    result = ParseResult(source="vcard")
    _parse_into(result, text, file)
    return result


def _parse_into(result: ParseResult, text: str, file: str) -> None:
    blocks = list(split_cards(text))
    if not blocks:
        raise BadFile(f"{file or 'the file'} is not {WHAT}: no BEGIN:VCARD found")
    for line, lines, closed in blocks:
        if not closed:
            result.problems.append(Problem(line, "this card has no END:VCARD (is the file cut short?)", file))
            continue
        _read_card(result, line, "\r\n".join(lines) + "\r\n", file)


def split_cards(text: str):
    """Yield ``(first line, lines, closed)`` for each BEGIN:VCARD … END:VCARD block."""
    current: list[str] | None = None
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        marker = raw.strip().upper()
        if marker == "BEGIN:VCARD":
            if current is not None:
                yield start, current, False
            current, start = [raw], number
        elif current is not None:
            current.append(raw)
            if marker == "END:VCARD":
                yield start, current, True
                current = None
    if current is not None:
        yield start, current, False


def _read_card(result: ParseResult, line: int, text: str, file: str) -> None:
    try:
        data, introducer = _to_input(_content_lines(text))
    except Exception as error:  # vobject raises many kinds; any of them means unreadable
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        result.problems.append(Problem(line, f"cannot read this card ({clean(reason)[:120]})", file))
        return
    if data is None:
        result.problems.append(Problem(line, "this card has no name, email or phone", file))
        return
    result.add(line, data, file, **introducer)


def _content_lines(text: str) -> list:
    """The card's properties as vobject content lines, unfolded and QP-decoded but with
    values left as written (vobject's own value decoding cuts unescaped commas)."""
    from vobject.base import getLogicalLines, textLineToContentLine  # deferred: ~40 ms

    found, depth = [], 0
    for logical, number in getLogicalLines(io.StringIO(text), allowQP=True):
        prop = textLineToContentLine(logical, number)
        if prop.name == "BEGIN":
            depth += 1
        elif prop.name == "END":
            depth -= 1
        elif depth == 1:
            found.append(prop)
    return found


def _labels(card) -> dict[str, str]:
    """Apple-style labels by group: ``item1.X-ABLabel:Work`` → ``{"item1": "work"}``."""
    labels = {}
    for child in card:
        if child.name == "X-ABLABEL" and child.group:
            value = clean(_text(child))
            match = _APPLE_LABEL.match(value)
            labels[child.group.casefold()] = match.group(1).casefold() if match else value
    return labels


def _label(prop, labels: dict[str, str]) -> str:
    if prop.group and prop.group.casefold() in labels:
        return labels[prop.group.casefold()]
    types = [t for value in prop.params.get("TYPE", []) for t in value.split(",")]
    types += list(getattr(prop, "singletonparams", []))
    for kind in types:
        kind = clean(kind).strip('"').casefold()
        if kind and kind not in _NOISE_TYPES:
            return kind
    return ""


_ESCAPE = re.compile(r"\\(.)", re.S)
_UNESCAPED = {"n": "\n", "N": "\n"}


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(1)), text)


def _split(text: str, separator: str) -> list[str]:
    """Split at separators that are not escaped with a backslash."""
    return re.split(r"(?<!\\)(?:\\\\)*" + re.escape(separator), text) if text else []


def _raw(prop) -> str:
    value = prop.value
    if isinstance(value, bytes):
        return ""
    return str(value or "")


def _text(prop) -> str:
    """A property's text with vCard escapes undone (commas are text, not separators)."""
    return _unescape(_raw(prop)) if prop.encoded else _raw(prop)


def _parts(prop, separator: str = ";") -> list[str]:
    """The components of a structured value (N, ORG, ADR), each unescaped."""
    pieces = _split(_raw(prop), separator)
    return [_unescape(piece) if prop.encoded else piece for piece in pieces]


def _to_input(card) -> tuple[ContactInput | None, dict[str, str]]:
    labels = _labels(card)
    props: dict[str, list] = {}
    for child in card:
        props.setdefault(child.name, []).append(child)

    def first(name: str) -> str:
        return clean(_text(props[name][0])) if name in props else ""

    def extra(name: str) -> str:
        return first(X + name)

    given = family = ""
    full = first("FN")
    if "N" in props:
        family, given, additional, prefix, suffix = (_parts(props["N"][0]) + [""] * 5)[:5]
        family, given = clean(family.replace(",", " ")), clean(given.replace(",", " "))
        if not full:
            full = clean(
                " ".join(part.replace(",", " ") for part in (prefix, given, additional, family, suffix))
            )
    company = clean((_parts(props["ORG"][0]) or [""])[0]) if "ORG" in props else ""
    emails = tuple(
        Method("email", clean(_text(p)).removeprefix("mailto:"), _label(p, labels))
        for p in props.get("EMAIL", [])
        if clean(_text(p))
    )
    phones = tuple(
        Method("phone", _phone(_text(p)), _label(p, labels)) for p in props.get("TEL", []) if clean(_text(p))
    )
    linkedin, website, urls = "", "", []
    for prop in props.get("X-SOCIALPROFILE", []):
        value = clean(_text(prop))
        if not linkedin and (is_linkedin(value) or _label(prop, labels) == "linkedin"):
            linkedin = value
    for prop in props.get("URL", []):
        value, label = clean(_text(prop)), _label(prop, labels)
        if not value:
            continue
        if not linkedin and (is_linkedin(value) or label == "linkedin"):
            linkedin = value
        elif value == linkedin:
            continue
        elif not website and label in ("website", "homepage", "home page"):
            website = value
        else:
            urls.append(Method("url", value, label))
    full = full or company or (emails[0].value if emails else "") or (phones[0].value if phones else "")
    if not full:
        return None, {}
    tags: list[str] = []
    for prop in props.get("CATEGORIES", []):
        tags += [clean(v) for v in _parts(prop, ",") if clean(v)]
    notes = "\n\n".join(clean_block(_text(p)) for p in props.get("NOTE", []) if _text(p).strip())
    contact_type = extra("TYPE")
    introducer = {"introducer_uid": "", "introducer_name": ""}
    if X + "INTRODUCED-BY" in props:
        prop = props[X + "INTRODUCED-BY"][0]
        introducer["introducer_name"] = clean(_text(prop))
        introducer["introducer_uid"] = clean(prop.params.get("X-UID", [""])[0])
    elif "RELATED" in props:
        value = clean(_text(props["RELATED"][0]))
        introducer["introducer_uid"] = value.removeprefix("urn:uuid:")
    data = ContactInput(
        full_name=full,
        given_name=given,
        family_name=family,
        title=first("TITLE"),
        company=company,
        emails=emails,
        phones=phones,
        urls=tuple(urls),
        linkedin_url=linkedin,
        website=website,
        location=_location(props.get("ADR", [])),
        birthday=normalise_birthday(first("BDAY")) or extra("BIRTHDAY"),
        contact_type=contact_type if contact_type in CONTACT_TYPES else "peer",
        job_search=extra("JOB-SEARCH").casefold() in ("yes", "true", "1"),
        how_met=extra("HOW-MET"),
        met_on=_iso_date(extra("MET-ON")),
        met_at=extra("MET-AT"),
        needs=clean_block(_text(props[X + "NEEDS"][0])) if X + "NEEDS" in props else "",
        notes=notes,
        tags=tuple(tags),
        cadence_days=int(extra("CADENCE")) if extra("CADENCE").isdigit() else None,
        next_follow_up=_iso_date(extra("FOLLOW-UP")),
        source=extra("SOURCE") or ("" if "-//netkeep//" in first("PRODID") else "vcard"),
        uid=first("UID").removeprefix("urn:uuid:"),
    )
    return data, introducer


def _phone(value: str) -> str:
    """``tel:+1-555-0100;ext=12`` (a 4.0 URI) → ``+1-555-0100``."""
    return clean(value).removeprefix("tel:").split(";")[0].strip()


def _location(addresses) -> str:
    """City, region and country of the first address (else its street)."""
    if not addresses:
        return ""
    box, _extended, street, city, region, _code, country = (_parts(addresses[0]) + [""] * 7)[:7]
    parts = [city, region, country] if any((city, region, country)) else [street, box]
    return clean(", ".join(part for part in parts if part.strip()))


def normalise_birthday(text: str) -> str:
    """``--0415``, ``--04-15``, ``19900415`` or ``1990-04-15T…`` as ``--04-15`` / ``1990-04-15``."""
    compact = text.replace("-", "")
    if re.fullmatch(r"\d{4}", compact) and text.startswith("--"):
        return f"--{compact[:2]}-{compact[2:]}"
    match = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)", text)
    if match:
        return "-".join(match.groups())
    return text


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
