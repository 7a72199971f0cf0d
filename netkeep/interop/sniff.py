"""Telling what a file is when it is not what the command expects, and which command reads it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from netkeep.interop.csvrows import (
    HEADER_SEARCH_LINES,
    header_kind,
    header_map,
    rows_with_lines,
    sniff_separator,
)
from netkeep.interop.records import clean
from netkeep.interop.textfile import BadFile, read_text

#: What each importer reads, as the messages name it.
WHAT = {
    "linkedin": "a LinkedIn Connections.csv",
    "google": "a Google Contacts CSV",
    "outlook": "an Outlook contacts CSV",
    "vcard": "a vCard file",
    "backup": "a netkeep JSON backup",
    "netkeep": "netkeep's own CSV export",
}
#: The header each CSV importer expects, as the messages quote it.
HEADERS = {
    "linkedin": "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "google": "First Name,…,E-mail 1 - Value (or the older Name,Given Name,…)",
    "outlook": "First Name,Middle Name,Last Name,…,E-mail Address,…",
}


def read_contacts(path: str | Path, kind: str) -> str:
    """The text of a file for the ``kind`` importer; a binary file is named for what it is."""
    try:
        return read_text(path, WHAT[kind])
    except BadFile as error:
        hint = binary_hint(Path(path).expanduser())
        if hint:
            raise BadFile(f"{path}: {hint}") from None
        raise error from None


def command(kind: str) -> str:
    return f"'netkeep import {kind}'"


def binary_hint(path: Path) -> str:
    """What a binary file is, and what to do with it ("" when it is none netkeep knows)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return ""
    if head.startswith(b"PK\x03\x04"):
        return _zip_hint(path)
    if head.startswith(b"%PDF"):
        return "this is a PDF document, not a contacts file; export your contacts as CSV or vCard"
    if head.startswith(b"SQLite format 3\x00"):
        return "this is a database file; to use a netkeep database, start netkeep with --db and its path"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "this is an image, not a contacts file"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "this is an old Excel (or Word) file; save it as CSV (File → Save As → CSV UTF-8) and import that"
        )
    return ""


def _zip_hint(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return "this is a zip archive (a damaged one); unzip it and import the contacts file inside"
    base = {name.rsplit("/", 1)[-1]: name for name in names}
    if any(name.startswith("xl/") for name in names):
        return "this is an Excel workbook; save it as CSV (File → Save As → CSV UTF-8) and import that"
    if "Connections.csv" in base:
        return (
            f"this is a zip archive; unzip it and import {base['Connections.csv']} inside "
            f"with {command('linkedin')}"
        )
    cards = [name for name in names if name.casefold().endswith((".vcf", ".vcard"))]
    if cards:
        return f"this is a zip archive; unzip it and import {cards[0]} inside with {command('vcard')}"
    sheets = [name for name in names if name.casefold().endswith(".csv")]
    if sheets:
        return f"this is a zip archive; unzip it and import {sheets[0]} inside"
    return "this is a zip archive; unzip it and import the contacts file inside"


def wrong_file(name: str, text: str, kind: str, seen: str | None = None) -> str:
    """The message for a text file the ``kind`` importer cannot read: what it looks like,
    and which command reads it. ``seen`` is the CSV header kind found, if any."""
    looks = seen or text_kind(text)
    if looks == "netkeep":
        return (
            f"{name} is {WHAT['netkeep']}, which is for spreadsheets; to move contacts between "
            f"netkeeps, use a vCard export ({command('vcard')}) or the JSON backup"
        )
    if looks in WHAT and looks != kind:
        return f"{name} looks like {WHAT[looks]}, not {WHAT[kind]}; import it with {command(looks)}"
    if looks == "calendar":
        return f"{name} is a calendar (iCalendar) file, not contacts"
    if looks == "web page":
        return f"{name} is a web page, not {WHAT[kind]}; save the contacts themselves as CSV or vCard"
    first = next((clean(line) for line in text.splitlines() if line.strip()), "")
    if kind == "vcard":
        return f"{name} is not {WHAT[kind]}: no BEGIN:VCARD line (it starts '{first[:60]}')"
    return (
        f"{name} is not {WHAT[kind]}: its first line is '{first[:80]}', "
        f"expected a header like '{HEADERS[kind]}'"
    )


def text_kind(text: str) -> str | None:
    """What a text file looks like: an importer's kind, "calendar", "web page", or None."""
    head = text.lstrip()[:2000]
    upper = head.upper()
    if upper.startswith("BEGIN:VCARD") or "\nBEGIN:VCARD" in upper:
        return "vcard"
    if upper.startswith("BEGIN:VCALENDAR"):
        return "calendar"
    if head.startswith("{") and '"netkeep-backup"' in head:
        return "backup"
    if upper.startswith(("<!DOCTYPE HTML", "<HTML")):
        return "web page"
    try:
        for line, row in rows_with_lines(text, "", sniff_separator(text)):
            if line > HEADER_SEARCH_LINES:
                break
            found = header_kind(header_map(row))
            if found:
                return found
    except BadFile:
        return None
    return None
