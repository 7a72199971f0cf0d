"""What the demo generator builds up as it goes: the people, their timeline, the rows to write."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pendulum

from netkeep.core.dates import local_tz
from netkeep.store.bulk import insert_rows

#: How the generator writes a moment (UTC), as the database stores it.
STAMP = "%Y-%m-%d %H:%M:%S"


def insert(model, fields, rows) -> None:
    """Bulk insert rows whose values are already in their stored form."""
    insert_rows(model, fields, rows, convert=False)


@dataclass
class Person:
    """What the timeline needs to know about someone generated."""

    id: int
    name: str
    given: str
    met_on: date
    contact_type: str
    job_search: bool
    event: str
    introducer: int | None


class Demo:
    """The generator's state: one random source, today, and the rows generated so far."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        midnight = pendulum.datetime(today.year, today.month, today.day, tz=local_tz())
        #: Everything generated happened before the start of today (local time).
        self.end = datetime.fromtimestamp(midnight.int_timestamp, UTC).replace(tzinfo=None)
        self.now_text = self.end.strftime(STAMP)
        self.people_list: list[Person] = []
        self.last_touch: dict[int, datetime] = {}
        self.first_touch: dict[int, tuple[datetime, int]] = {}
        self.reflection_rows: list[tuple] = []
        self.draft_rows: list[tuple] = []
        self.company_weights: list[float] = []
        self.contact_rows: list[tuple] = []
        self.method_rows: list[tuple] = []
        self.tag_rows: list[tuple] = []
        self.job_rows: list[tuple] = []
        self.interaction_rows: list[tuple] = []
        self.participants: list[tuple[int, int]] = []
