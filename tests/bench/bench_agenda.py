"""Agenda benchmark (not collected by pytest).

    uv run python tests/bench/bench_agenda.py [--contacts 30000] [--db PATH] [--open 500]

Generates the demo network (30,000 contacts, ~316,000 interactions) unless ``--db``
names an existing one, then times what the Today view and ``netkeep due`` run. ``--open N``
first adds N open chases (replies they owe) and N pieces of their news, at random people.
Target: ``agenda()`` ≤ 150 ms; ``apply_cadence()`` ≤ 100 ms; helpers for a need ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.core import agenda, chase, keep_in_touch, needs, their_news
from netkeep.demo import network as demo
from netkeep.store.database import open_database
from netkeep.store.models import Chase, Contact, ContactNews, Interaction


def timed(label: str, target_ms: float, fn, runs: int = 7):
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    best, median = min(times), sorted(times)[len(times) // 2]
    flag = "" if median <= target_ms else "  SLOW"
    print(f"{label:<34} best {best:7.1f} ms  median {median:7.1f} ms  (target ≤ {target_ms:g} ms){flag}")
    return value


def add_chases_and_news(count: int) -> None:
    """``count`` open chases and ``count`` pieces of news of the last 40 days, at random people."""
    rng = random.Random(1)
    today, now = pendulum.today().date(), pendulum.now("UTC")
    people = [c for (c,) in Contact.select(Contact.id).where(Contact.archived == False).tuples()]  # noqa: E712
    outreach = Interaction.select(Interaction.id).scalar()
    Chase.insert_many(
        [
            {
                "interaction": outreach,
                "contact": c,
                "started_on": today.subtract(days=rng.randint(0, 20)),
                "created_at": now,
            }
            for c in rng.sample(people, count)
        ]
    ).execute()
    ContactNews.insert_many(
        [
            {
                "contact": c,
                "kind": rng.choice(list(their_news.KINDS)),
                "detail": "Stripe",
                "created_at": now,
                "noted_on": today.subtract(days=rng.randint(0, 40)),
            }
            for c in rng.sample(people, count)
        ]
    ).execute()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--db", help="an existing database to time instead of a new demo")
    parser.add_argument("--open", type=int, default=0, help="chases and news to add first")
    args = parser.parse_args()
    if args.db:
        open_database(args.db)
    else:
        path = Path(tempfile.mkdtemp()) / "bench-agenda.db"
        print(f"writing the demo network to {path} …")
        demo.generate(path, contacts=args.contacts)
        open_database(path)
    print(f"{Contact.select().count():,} contacts")
    if args.open:
        add_chases_and_news(args.open)
        day = pendulum.today().date()
        timed(f"chase_section ({args.open} open)", 50, lambda: chase.chase_section(day, 100))
        timed(f"news_section ({args.open} news)", 50, lambda: their_news.news_section(day, 100))
    result = timed("agenda() (100 per section)", 150, agenda.agenda)
    timed("agenda(limit=15) (netkeep due)", 150, lambda: agenda.agenda(limit=15))
    timed("apply_cadence()", 100, keep_in_touch.apply_cadence)
    someone = Contact.select(Contact.id).where(Contact.needs != "").first()
    if someone is not None:
        timed("suggest_helpers(one contact)", 300, lambda: needs.suggest_helpers(someone.id), runs=3)
    print(agenda.header_text(result.counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
