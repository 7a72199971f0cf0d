"""A believable demo network, generated fast and deterministically for a seed.

Everything is dated relative to today: people met over the last few years, about ten
interactions each over the last two, some owed replies, manual follow-ups, reminders,
commitments and referral chains. Rows go in with bulk inserts inside one transaction,
so 30,000 contacts and 300,000 interactions take seconds, not minutes.

The steps: ``demo.people`` (companies, tags, people), ``demo.timeline`` (interactions),
``demo.tables`` (writing both), ``demo.extras`` (reminders, commitments, loops, intros);
``demo.state`` holds what they share.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pendulum

from netkeep.core import session
from netkeep.demo import extras, people, tables, timeline, words
from netkeep.demo.state import Demo
from netkeep.store import search
from netkeep.store.database import open_database
from netkeep.store.models import Contact

MAX_CONTACTS = 30_000


@dataclass(frozen=True)
class DemoStats:
    """What was generated, and how long it took."""

    path: Path
    contacts: int
    interactions: int
    companies: int
    seconds: float


def generate(
    path: str | os.PathLike[str],
    *,
    contacts: int = 300,
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
    most: int = MAX_CONTACTS,
) -> DemoStats:
    """Write a fresh demo network of ``contacts`` people to ``path`` (replacing what is there).

    ``most`` is the cap; only the benchmarks lift it (tests/bench/big_network.py)."""
    if not 1 <= contacts <= most:
        from netkeep.core.errors import NetkeepError

        raise NetkeepError(f"The demo network has from 1 to {most:,} contacts.")
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    path = Path(path).expanduser()
    _check_replaceable(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        demo = Demo(random.Random(seed), pendulum.today().date())
        # A made-up network: nothing to undo, and the search index built once at the end.
        with session.writing(journal_it=False), search.built_once(db.execute_sql):
            say("companies and tags")
            people.companies_and_tags(demo)
            say(f"{contacts:,} contacts")
            people.people(demo, contacts)
            say("interactions")
            interactions = timeline.build(demo)
            tables.write(demo)
            say("reminders, commitments and referral loops")
            extras.extras(demo)
            say("the search index")
        db.execute_sql("PRAGMA optimize")
    finally:
        db.close()
    return DemoStats(path, contacts, interactions, len(words.COMPANIES), time.perf_counter() - started)


def _check_replaceable(path: Path) -> None:
    """Refuse to overwrite a database that holds anything but a demo network."""
    if not path.exists() or path.stat().st_size == 0:
        return
    from peewee import DatabaseError as PeeweeError

    from netkeep.core.errors import NetkeepError
    from netkeep.store.database import DatabaseError

    with open(path, "rb") as file:
        is_sqlite = file.read(16) == b"SQLite format 3\x00"
    try:
        if not is_sqlite:
            raise DatabaseError(str(path))
        db = open_database(path, migrate=False)
        try:
            foreign = Contact.select().where(Contact.source != "demo").exists()
        finally:
            db.close()
    except (DatabaseError, PeeweeError):
        foreign = True
    if foreign:
        raise NetkeepError(
            f"{path} holds more than a demo network; the demo never replaces it (give another --db)"
        )
