"""Rich renderables for a contact card and a timeline; user text is always literal, and
shown safely (``core.text.visible``: an escape code shows as ␛…, never reaching the terminal)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from netkeep.core import details as kinds
from netkeep.core.dates import format_date, humanize_date
from netkeep.core.details import address_text
from netkeep.core.records import ContactCard, Detail, Method, TimelineEntry
from netkeep.core.text import visible

DIRECTION = {"in": "← in", "out": "→ out", "": ""}


def _methods(methods: tuple[Method, ...]) -> Text:
    """One address a line, never broken inside it: cut with an ellipsis when too wide."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for position, method in enumerate(methods):
        if position:
            text.append("\n")
        if method.label:
            text.append(f"{visible(method.label)}: ", style="dim")
        text.append(visible(method.value))
    return text


def _details(details: tuple[Detail, ...], kind: str) -> Text:
    """Details of one kind, one a line, each with its label."""
    shown = [
        Method(kind, address_text(d.value) if kind == kinds.ADDRESS else d.value, d.label)
        for d in details
        if d.kind == kind
    ]
    return _methods(tuple(shown))


def _address(value: str) -> Text:
    """A web address on one line, cut with an ellipsis when too wide."""
    return Text(visible(value), no_wrap=True, overflow="ellipsis")


def _when(value) -> str:
    """``4 Mar 2026 (3 days ago)``."""
    if value is None:
        return ""
    return f"{format_date(value)} ({humanize_date(value)})"


def card_renderable(card: ContactCard, cadence_days: int) -> Group:
    """The business card, the how-we-met story and the keep-in-touch plan of one contact."""
    heading = Text(visible(card.full_name), style="bold")
    nicknames = [d.value for d in card.details if d.kind == kinds.NICKNAME]
    if nicknames:
        heading.append(visible(f"  ({', '.join(nicknames)})"))
    if card.archived:
        heading.append("  (archived)", style="dim")
    units = ", ".join(d.value for d in card.details if d.kind == kinds.DEPARTMENT)
    company = f"{card.company} ({units})" if units and card.company else card.company or units
    role = " at ".join(part for part in (card.title, company) if part)
    lines: list = [heading]
    if role:
        lines.append(Text(visible(role)))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")

    def add(label: str, value) -> None:
        if value:
            grid.add_row(label, value if isinstance(value, Text) else Text(visible(str(value))))

    add("type", card.contact_type + (" · job search" if card.job_search else ""))
    add("email", _methods(card.emails))
    add("phone", _methods(card.phones))
    add("LinkedIn", _address(card.linkedin_url))
    add("website", _address(card.website))
    add("web", _methods(card.urls))
    add("location", card.location)
    add("address", _details(card.details, kinds.ADDRESS))
    add("profiles", _details(card.details, kinds.PROFILE))
    add("birthday", card.birthday)
    add("dates", _details(card.details, kinds.DATE))
    add("related", _details(card.details, kinds.RELATED))
    add("past", ", ".join(card.past_companies))
    add("how met", card.how_met)
    add("met on", _when(card.met_on))
    add("met at", card.met_at)
    add("introduced by", card.introduced_by)
    add("needs", card.needs)
    add("tags", " ".join(f"#{tag}" for tag in card.tags))
    add("cadence", f"every {cadence_days} days" + ("" if card.cadence_days else " (default for the type)"))
    add("follow up", _when(card.next_follow_up))
    add("last contact", _when(card.last_contact_at) or "never")
    add("notes", card.notes)
    add("other", _details(card.details, kinds.FIELD))
    kept = sorted({d.label for d in card.details if d.kind == kinds.CARD})
    add("also on the card", ", ".join(kept))
    lines.append(grid)
    return Group(*lines)


def entry_text(entry: TimelineEntry, *, with_people: bool) -> Text:
    """What happened in one timeline entry: kind, direction, who, where, and what was said."""
    text = Text()
    text.append(visible(entry.kind), style="bold")
    if entry.direction:
        text.append(f" {DIRECTION[entry.direction]}")
    if with_people and entry.contacts:
        text.append(visible(" · " + ", ".join(name for _id, name in entry.contacts)))
    if entry.location:
        text.append(visible(f" @ {entry.location}"), style="dim")
    if entry.reply_owed and not entry.replied:
        text.append(" · reply owed", style="reverse")
    if entry.summary:
        text.append(" — ")
        text.append(visible(entry.summary))
    return text


def entries_table(entries: list[TimelineEntry], *, with_people: bool | None = None) -> Table:
    """Entries as two columns, when and what, so long lines wrap under their own column."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True, justify="right", min_width=11)
    table.add_column(overflow="fold")
    for entry in entries:
        people = len(entry.contacts) > 1 if with_people is None else with_people
        table.add_row(humanize_date(entry.occurred_at), entry_text(entry, with_people=people))
    return table


def timeline_renderable(entries: list[TimelineEntry]):
    """A contact's own timeline, newest first."""
    if not entries:
        return Text("Nothing logged yet — press l to log a conversation, a message or a note.", style="dim")
    return entries_table(entries)
