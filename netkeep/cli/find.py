"""``netkeep find QUERY [--json]``: search contacts from the shell (no Textual, pendulum or peewee)."""

from __future__ import annotations

import argparse
import sys

from netkeep.core.text import visible

#: Widest a column gets in the plain listing; longer text is cut with an ellipsis.
NAME_WIDTH = 32
ROLE_WIDTH = 44
EMAIL_WIDTH = 36


def run(args: argparse.Namespace) -> int:
    from netkeep.cli.common import print_json, resolve_db
    from netkeep.core.export_rows import find_briefly, find_contacts

    text = " ".join(args.query)
    if args.json:
        summaries = find_contacts(resolve_db(args), text, include_archived=args.archived)
        print_json([c.as_json() for c in summaries], indent=1)
        return 0
    found = find_briefly(resolve_db(args), text, include_archived=args.archived)
    if not found:
        print("no contacts match", file=sys.stderr)
        return 0
    sys.stdout.write("".join(line + "\n" for line in format_lines(found)))
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_lines(found) -> list[str]:
    """One aligned line per contact (``ContactBrief``): name, title @ company, first email, tags.

    Control characters are shown as symbols (``core.text.visible``), one for one, so the
    columns stay aligned; a line is checked whole (cheaper than its four cells)."""
    cells = []
    for _id, name, company, title, email, tags in found:
        role = f"{title} @ {company}" if title and company else title or company
        cells.append(
            (
                _cut(name, NAME_WIDTH),
                _cut(role, ROLE_WIDTH),
                _cut(email or "", EMAIL_WIDTH),
                " ".join(f"#{t}" for t in tags.split()) if tags else "",
            )
        )
    widths = [max(len(row[i]) for row in cells) for i in range(3)]
    return [
        visible(f"{name:<{widths[0]}}  {role:<{widths[1]}}  {email:<{widths[2]}}  {tags}".rstrip())
        for name, role, email, tags in cells
    ]
