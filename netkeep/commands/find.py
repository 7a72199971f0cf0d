"""``netkeep find QUERY [--json]``: search contacts from the shell (no Textual, no pendulum)."""

from __future__ import annotations

import argparse
import json
import sys

#: Widest a column gets in the plain listing; longer text is cut with an ellipsis.
NAME_WIDTH = 32
ROLE_WIDTH = 44
EMAIL_WIDTH = 36


def run(args: argparse.Namespace) -> int:
    from netkeep.cli import open_db
    from netkeep.core.export_rows import find_contacts

    with open_db(args):
        found = find_contacts(" ".join(args.query), include_archived=args.archived)
    if args.json:
        json.dump([c.as_json() for c in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not found:
        print("no contacts match", file=sys.stderr)
        return 0
    sys.stdout.write("".join(line + "\n" for line in format_lines(found)))
    return 0


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_lines(found) -> list[str]:
    """One aligned line per contact: name, title @ company, first email, tags."""
    cells = []
    for contact in found:
        role = " @ ".join(x for x in (contact.title, contact.company) if x)
        email = contact.emails[0] if contact.emails else ""
        cells.append((_cut(contact.name, NAME_WIDTH), _cut(role, ROLE_WIDTH), _cut(email, EMAIL_WIDTH),
                      " ".join(f"#{t}" for t in contact.tags)))
    widths = [max(len(row[i]) for row in cells) for i in range(3)]
    return [
        f"{name:<{widths[0]}}  {role:<{widths[1]}}  {email:<{widths[2]}}  {tags}".rstrip()
        for name, role, email, tags in cells
    ]
