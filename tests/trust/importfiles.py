"""Import files written by hand (not by netkeep's exporters) with one hostile value in one
field, beside a row that must come through untouched ("Zoë Müller", "Straße AG")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

#: The neighbour row every file has: an import that mangles it mangled the file's encoding.
NEIGHBOUR = "Zoë Müller"
NEIGHBOUR_COMPANY = "Straße AG"


def encode(text: str) -> bytes:
    """The file's bytes: UTF-8, with the corpus's undecodable bytes put back as they were."""
    return text.encode("utf-8", errors="surrogateescape")


def as_decoded(text: str) -> str:
    """What a reader that replaces undecodable bytes makes of ``text``."""
    return encode(text).decode("utf-8", errors="replace")


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def linkedin(value: str) -> bytes:
    """A Connections.csv: the value is Trust Import's company."""
    return encode(
        _csv(
            [
                ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
                ["Zoë", "Müller", "", "", NEIGHBOUR_COMPANY, "Ärztin", "1 Mar 2026"],
                ["Trust", "Import", "", "", value, "", "1 Mar 2026"],
            ]
        )
    )


def google(value: str) -> bytes:
    """A Google CSV: the value is Trust Import's notes."""
    return encode(
        _csv(
            [
                [
                    "First Name",
                    "Last Name",
                    "Organization Name",
                    "Notes",
                    "E-mail 1 - Label",
                    "E-mail 1 - Value",
                ],
                ["Zoë", "Müller", NEIGHBOUR_COMPANY, "", "", ""],
                ["Trust", "Import", "", value, "", ""],
            ]
        )
    )


def vcard_escape(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\n").replace("\r", "").replace("\n", "\\n")


def vcard(value: str) -> bytes:
    """Two vCards: the value is the second one's name (FN)."""
    cards = [
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{NEIGHBOUR}",
            "N:Müller;Zoë;;;",
            f"ORG:{NEIGHBOUR_COMPANY}",
            "END:VCARD",
        ],
        ["BEGIN:VCARD", "VERSION:3.0", f"FN:{vcard_escape(value)}", "N:;;;;", "END:VCARD"],
    ]
    return encode("".join(line + "\r\n" for card in cards for line in card))


def backup(template: dict, value: str) -> bytes:
    """netkeep's JSON backup of Zoë and Trust Import: the value is Trust Import's notes."""
    data = json.loads(json.dumps(template))
    table = data["tables"]["contact"]
    name_at, notes_at = table["columns"].index("full_name"), table["columns"].index("notes")
    for row in table["rows"]:
        if row[name_at] == "Trust Import":
            row[notes_at] = value
    return encode(json.dumps(data, ensure_ascii=False))


def backup_template(db: Path) -> dict:
    """A backup (as netkeep writes it) of a database with Zoë and Trust Import."""
    from netkeep.core import contacts
    from netkeep.core.records import ContactInput
    from netkeep.interop.backup import write_backup
    from netkeep.store.database import open_database

    database = open_database(db)
    try:
        contacts.create_contact(ContactInput(full_name=NEIGHBOUR, company=NEIGHBOUR_COMPANY))
        contacts.create_contact(ContactInput(full_name="Trust Import", notes="placeholder"))
        out = io.StringIO()
        write_backup(out)
    finally:
        database.close()
    return json.loads(out.getvalue())
