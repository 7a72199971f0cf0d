"""The ``netkeep`` argument parser and the one-line capture syntax its help shows.

Imported only by commands that need it: argparse costs ~5 ms, a tenth of a screen's start-up.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from netkeep.core.records import CONTACT_TYPES

CAPTURE_SYNTAX = """\
one-line capture syntax (the name comes first; then anything, in any order):
  NAME[, TITLE] [EMAIL] [PHONE] [@COMPANY] [#tag ...] [=TYPE] [+INTRODUCER] [!EVENT]
    [^MET] [>WHEN] [-- NOTE]

  , TITLE      a comma after the name starts their job title; "O'Neil, Sam" (one word,
               a comma, one capitalised word that is not a job word) is Sam O'Neil
  @COMPANY     the company they work at (words up to the next marker)
  #tag         a tag (one word; give as many as you like)
  =TYPE        the contact type: {types}
               (or the start of one: =rec)
  +INTRODUCER  who introduced you: an existing contact's exact name, or words only
               one contact's name has (several or none: nothing is saved, you are told)
  !EVENT       where you met (an event or a place); also how you met, unless introduced
  ^MET         the day you met (default today): "yesterday", "last friday", "4 Mar"
  >WHEN        when to follow up: "in 2 weeks", "2w", "friday", "next month", "4 Mar"
  -- NOTE      everything after " -- " is the note
  an email address anywhere before the note is saved as their email; a phone number
  (+ and digits, as in +1-415-555-0101, or (415) 555-0101) as their phone;
  quote the whole line (the shell treats #, !, ^ and > specially)

example:
  netkeep capture "Jane Doe, Staff Engineer jane@stripe.com @Stripe #alumni +Bob Smith \\
    !PyCon 2026 ^yesterday >2w -- wants a designer"
""".format(types=", ".join(CONTACT_TYPES))


def _db_option(parser: argparse.ArgumentParser) -> None:
    """``--db`` after the subcommand too (``netkeep capture --db X``); it wins over one before."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")


class Parser(argparse.ArgumentParser):
    """argparse, saying a usage error with what was typed shown safely (escape codes as symbols)."""

    def error(self, message: str) -> NoReturn:
        from netkeep.core.text import visible

        super().error(visible(message, one_line=True))


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="netkeep",
        description="Keep your professional network alive, from the terminal.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: NETKEEP_DB or the user data dir)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    capture = sub.add_parser(
        "capture",
        help="quick capture: a small form, or save TEXT at once",
        description="Capture someone you just met. Without TEXT, a small form opens; "
        "Enter saves and exits, Esc cancels.",
        epilog=CAPTURE_SYNTAX,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    capture.add_argument("text", nargs="*", metavar="TEXT", help="a one-line capture (see below)")
    capture.add_argument(
        "--new", action="store_true", help="save even if they look like someone already here"
    )

    demo = sub.add_parser("demo", help="the app on a generated demo network (never your real data)")
    demo.add_argument(
        "--contacts", type=int, default=300, metavar="N", help="how many contacts (up to 30000; default 300)"
    )
    demo.add_argument("--no-open", action="store_true", help="only write the demo database")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument(
        "--db",
        dest="demo_db",
        metavar="PATH",
        help="where to write the demo database (default: the cache dir; replaced if it exists)",
    )

    find = sub.add_parser(
        "find",
        help="search contacts from the shell",
        description="Every word must start a word of the contact's name, company, card (title, tags, "
        "notes, emails, phones in any format, how and where met, needs) or interactions; best "
        "matches first: name, then company, then the card, then what was said, recent first.",
    )
    find.add_argument("query", nargs="*", help="words to match (empty lists everyone, by name)")
    find.add_argument("--json", action="store_true", help="print JSON for scripts")
    find.add_argument("--archived", action="store_true", help="include archived contacts")

    due = sub.add_parser("due", help="today's agenda: follow-ups, owed replies, loops to close")
    due.add_argument("--json", action="store_true", help="print JSON for scripts")

    log = sub.add_parser("log", help="log an interaction with a contact (and others who were there)")
    log.add_argument("contact", help="the contact's name (fuzzy)")
    log.add_argument("text", nargs="+", help="what happened")
    log.add_argument("--kind", default="note", help="meeting, coffee, call, email, message, event, note, …")
    log.add_argument("--when", default="today", help="when it happened (natural date; default today)")
    log.add_argument("--in", dest="incoming", action="store_true", help="an incoming message")
    log.add_argument("--reply-owed", action="store_true", help="you owe them a reply")
    log.add_argument(
        "--awaiting",
        action="store_true",
        help="you reached out and await their reply: Today chases it (someone else there, then a follow-up)",
    )
    log.add_argument(
        "--with",
        dest="others",
        action="append",
        default=[],
        metavar="NAME",
        help="someone else who was there (repeat for each): one entry on each timeline",
    )

    imp = sub.add_parser("import", help="bring contacts in")
    imp.add_argument("format", choices=["linkedin", "vcard", "google", "outlook", "backup"])
    imp.add_argument("file", help="the file (or folder of .vcf files) to import")
    imp.add_argument(
        "--on-duplicate",
        choices=["fill", "update", "skip", "add"],
        default="fill",
        help=(
            "someone already there: fill in only what netkeep does not know (fill, the default), "
            "also replace their title and company (update), leave them (skip) or add them again (add)"
        ),
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    imp.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the others when some records cannot be read at all (they have no name)",
    )

    history = sub.add_parser("history", help="what changed lately, newest first (each can be undone)")
    history.add_argument("--json", action="store_true", help="print JSON for scripts")
    history.add_argument("--limit", type=int, default=50, metavar="N", help="how many (default 50)")

    undo = sub.add_parser(
        "undo",
        help="undo the last change, or change ID from `netkeep history` (an undo can be undone)",
    )
    undo.add_argument("change", nargs="?", type=int, metavar="ID", help="the change to undo")

    trash = sub.add_parser("trash", help="deleted contacts, restorable for 30 days")
    trash.add_argument("action", nargs="?", choices=["list", "empty"], default="list")
    trash.add_argument("--yes", action="store_true", help="empty without asking")

    delete = sub.add_parser("delete", help="delete a contact (asks first; restorable for 30 days)")
    delete.add_argument("contact", help="the contact's name (fuzzy), or #ID")
    delete.add_argument("--yes", action="store_true", help="delete without asking")

    sub.add_parser("backup", help="back the database up now (checked)")
    restore = sub.add_parser("restore", help="put a backup back (the current database is backed up first)")
    restore.add_argument("file", nargs="?", metavar="FILE", help="the backup file to restore")
    restore.add_argument("--list", action="store_true", help="list the backups, newest first")

    sub.add_parser(
        "doctor",
        help="where the database lives, a full integrity check, its backups",
        description="Say where the database is, its size and schema version, check every page, "
        "row and index (slow on a big network), list its backups, and warn when it sits in a "
        "folder a sync service rewrites. Exit status 1 when it is damaged or cannot be read.",
    )

    sync = sub.add_parser(
        "sync",
        help="two-way sync with the folders vdirsyncer keeps in step with your phone",
        description="Sync netkeep's contacts with the vCard folder [sync] contacts in config.toml "
        "names (one file per contact, kept in step with a CardDAV server by vdirsyncer): a change "
        "on either side is taken, changes on both are merged field by field and listed as "
        "conflicts (undo them from History), a contact gone from the folder goes to the trash. "
        "Run `vdirsyncer sync` before and after. See docs/sync.md.",
    )
    sync.add_argument("--contacts", metavar="PATH", help="the contacts folder (instead of config.toml's)")

    remind = sub.add_parser(
        "remind",
        help="send what fell due to the desktop (and ntfy), for a timer",
        description="Send what fell due since the last run (up to a week back) as a desktop "
        "notification, and to the ntfy topic or command [remind] in config.toml names: each "
        "item once per channel, deliveries kept in the database (`netkeep doctor` shows the "
        "last). --install sets up a timer that runs it every 15 minutes. See docs/sync.md.",
    )
    group = remind.add_mutually_exclusive_group()
    group.add_argument("--install", action="store_true", help="run it every 15 minutes (systemd or launchd)")
    group.add_argument("--uninstall", action="store_true", help="remove that timer")

    exp = sub.add_parser("export", help="take your network anywhere")
    exp.add_argument("format", choices=["vcard", "csv", "json", "ics"])
    exp.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (default stdout; a folder for one vCard per file)",
    )
    exp.add_argument("--vcard-version", choices=["3.0", "4.0"], default="4.0")
    for command, subparser in sub.choices.items():
        if command != "demo":  # demo's --db is where the demo database is written
            _db_option(subparser)
    return parser
