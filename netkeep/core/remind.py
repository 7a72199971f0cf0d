"""Reminders that reach a person while netkeep is closed (``netkeep remind``): what fell due
and has not been sent on a channel yet, sent once per item and channel, each delivery kept.

A run with nothing to send reads with ``sqlite3`` alone (``store.remind_read``), so a timer
can run it often; only a delivery opens the database the usual way to record itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

#: How far back a run looks: a machine off for a few days still sends what fell due meanwhile.
CATCH_UP_DAYS = 7
#: Items named in one notification; the rest are counted.
SHOWN = 5


class Channel(Protocol):
    """Somewhere a reminder goes; ``send`` raises :class:`ChannelError` when it cannot."""

    name: str

    def send(self, title: str, body: str) -> None: ...


class ChannelError(Exception):
    """A channel that could not deliver; the message says why in one line."""


@dataclass(frozen=True)
class Due:
    key: str  # "reminder:12:2026-03-02": the item and the day it fell due
    name: str
    text: str
    day: str


@dataclass(frozen=True)
class Outcome:
    channel: str
    sent: int
    failed: str = ""


def pending(path: Path, day: date, channels: Sequence[str]) -> dict[str, list[Due]]:
    """Per channel, what fell due in the last :data:`CATCH_UP_DAYS` days up to ``day`` and
    has not been delivered there."""
    from netkeep.store import remind_read, shell_read

    connection = shell_read.connect(path)
    try:
        since = (day - timedelta(days=CATCH_UP_DAYS)).isoformat()
        due = [Due(*row) for row in remind_read.due_between(connection, since, day.isoformat())]
        done = remind_read.delivered(connection, [item.key for item in due]) if due else set()
    finally:
        connection.close()
    due.sort(key=lambda item: (item.day, item.name, item.key))
    return {channel: [item for item in due if (item.key, channel) not in done] for channel in channels}


def message(items: Sequence[Due]) -> tuple[str, str]:
    """A notification's title and body for these items."""
    title = f"netkeep: {len(items)} thing{'s' if len(items) != 1 else ''} due"
    lines = [f"{item.name} — {item.text}" if item.name else item.text for item in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(f"… and {len(items) - SHOWN} more (netkeep due)")
    return title, "\n".join(lines)


def deliver(waiting: dict[str, list[Due]], channels: Sequence[Channel]) -> list[Outcome]:
    """Send each channel what :func:`pending` found waiting for it, and record what went (a
    channel that fails keeps its items for the next run). The database must be open."""
    outcomes = []
    for channel in channels:
        items = waiting[channel.name]
        if not items:
            continue
        try:
            channel.send(*message(items))
        except ChannelError as error:
            outcomes.append(Outcome(channel.name, 0, str(error)))
            continue
        record(channel.name, [item.key for item in items])
        outcomes.append(Outcome(channel.name, len(items)))
    return outcomes


def record(channel: str, keys: Sequence[str]) -> None:
    """Keep the deliveries (bookkeeping, not a change anyone undoes: outside the journal)."""
    from datetime import UTC, datetime

    from netkeep.core import session
    from netkeep.store.models import Delivery

    at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    with session.writing(journal_it=False):
        for key in keys:
            Delivery.insert(item=key, channel=channel, delivered_at=at).on_conflict_ignore().execute()


def last_deliveries(path: Path) -> dict[str, str]:
    """Each channel's newest delivery (UTC text), for ``netkeep doctor``."""
    from netkeep.store import remind_read, shell_read

    connection = shell_read.connect(path)
    try:
        return remind_read.last_deliveries(connection)
    finally:
        connection.close()
