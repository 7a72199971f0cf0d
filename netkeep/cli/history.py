"""``netkeep history``, ``netkeep undo``, ``netkeep trash`` and ``netkeep delete``."""

from __future__ import annotations

import argparse
import sys

from netkeep.cli.common import fail, open_db, print_json


def _clean(text: str) -> str:
    """User text shown on the terminal: control characters as symbols (``core.text.visible``)."""
    from netkeep.core.text import visible

    return visible(text)


def _contacts(entry) -> str:
    shown = ", ".join(entry.names)
    more = len(entry.contact_ids) - len(entry.names)
    return f"{shown} +{more}" if shown and more > 0 else shown


def run_history(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.core import history

    history.prune()
    entries = history.recent(args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "summary": e.summary,
                    "contact_ids": list(e.contact_ids),
                    "undone": e.undone,
                    "undo_of": e.undo_of,
                }
                for e in entries
            ],
            indent=2,
        )
        return 0
    if not entries:
        print("No changes yet.")
        return 0
    for e in entries:
        mark = " (undone)" if e.undone else ""
        print(f"{e.id:>6}  {e.when:<13} {_clean(e.summary)}{mark}  {_clean(_contacts(e))}".rstrip())
    print("`netkeep undo ID` undoes one (an undo can be undone too).")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.core import history

    history.prune()
    if args.change is None:
        last = history.last_undoable()
        if last is None:
            return fail("there is nothing to undo")
        change_id = last.id
    else:
        change_id = args.change
    done = history.undo(change_id)
    print(f"{_clean(done.summary)} (change {done.id}; `netkeep undo {done.id}` takes it back)")
    return 0


def run_trash(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.core import history, trash

    history.prune()
    items = trash.contents()
    if args.action == "empty":
        if not items:
            print("The trash is empty.")
            return 0
        if not args.yes and not _confirm(
            f"Empty the trash for good? {len(items)} deleted contact(s) can no longer be restored. [y/N] "
        ):
            print("Nothing was emptied.")
            return 1
        print(f"Emptied the trash: {trash.empty()} deleted contact(s) are gone for good.")
        return 0
    if not items:
        print("The trash is empty.")
        return 0
    for item in items:
        deleted, expires = history.when_text(item.deleted_at), f"{item.expires_at:%-d %b}"
        print(f"{item.change_id:>6}  {_clean(item.summary)}  (on {deleted}; kept until {expires})")
    print("`netkeep undo ID` restores one; `netkeep trash empty` forgets them all now.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    open_db(args, create=False)
    from netkeep.cli.log import choose_contact
    from netkeep.core import contacts, trash

    contact_id = choose_contact(args.contact)
    if contact_id is None:
        return 1
    name = _clean(contacts.name_of(contact_id))
    for line in trash.delete_effects(contact_id):
        print(_clean(line))
    if not args.yes and not _confirm(f"Delete {name}? (restorable for 30 days: `netkeep trash`) [y/N] "):
        print("Nothing was deleted.")
        return 1
    contacts.delete_contact(contact_id)
    print(f"Deleted {name}. `netkeep undo` brings them back.")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        print(f"{question.split('?')[0]}? Add --yes to do it without asking.", file=sys.stderr)
        return False
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False
