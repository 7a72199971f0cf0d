"""Benchmark the main app at LinkedIn scale (not a test: run it by hand).

    uv run python tests/bench/bench_tui.py [--contacts 30000] [--db /tmp/netkeep-tui-bench.db]

Reports: start-up of the main app (list filled, first contact shown) against a bare Textual
app with one Input, both as whole headless processes; filter keystrokes at full size
(time from the key to the list being redrawn, in-process, p50/p95); peak memory of the app.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE_APP = """
import resource, sys, time
start = time.perf_counter()
from textual.app import App
from textual.widgets import Input
class Bare(App):
    def compose(self):
        yield Input()
    def on_ready(self):
        self.exit(time.perf_counter() - start)
print(Bare().run(headless=True, size=(120, 40)))
"""

MAIN_APP = """
import resource, sys, time
start = time.perf_counter()
from netkeep.tui.app import NetkeepApp
class Timed(NetkeepApp):
    def on_ready(self):
        self.set_interval(0.002, self._check)
    def _check(self):
        if self.contact_list.rows_view.rows and self.contact_view.card is not None:
            self.exit(time.perf_counter() - start)
print(Timed(sys.argv[1]).run(headless=True, size=(120, 40)))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

FIRST = [
    "Jane",
    "Bob",
    "Ana",
    "Li",
    "Omar",
    "Priya",
    "Sam",
    "Yuki",
    "Carlos",
    "Fatima",
    "Noah",
    "Emma",
    "Wei",
    "Olga",
    "Ravi",
    "Zoe",
    "Ines",
    "Kofi",
    "Mara",
    "Tom",
]
LAST = [
    "Doe",
    "Smith",
    "Garcia",
    "Chen",
    "Haddad",
    "Patel",
    "Lee",
    "Tanaka",
    "Silva",
    "Khan",
    "Brown",
    "Wilson",
    "Novak",
    "Okafor",
    "Rossi",
    "Müller",
    "Dubois",
    "Kim",
    "Nguyen",
    "Cohen",
]
WORDS = [
    "python",
    "payments",
    "design",
    "hiring",
    "alumni",
    "pycon",
    "mentor",
    "infra",
    "data",
    "product",
    "coffee",
    "referral",
    "startup",
    "research",
    "cloud",
]


def build(path: Path, count: int) -> None:
    """A big database, written in bulk through the models (fast; not how users add contacts)."""
    import pendulum

    from netkeep.core.contacts import company_for
    from netkeep.core.normalise import search_text
    from netkeep.store.database import open_database
    from netkeep.store.models import Contact, Interaction, InteractionContact, database

    random.seed(3)
    open_database(path)
    now = pendulum.now("UTC")
    with database.atomic():
        companies = [
            company_for(f"{word.title()} {kind}") for word in WORDS for kind in ("Labs", "Inc", "Systems")
        ]
        rows = []
        for i in range(count):
            name = f"{random.choice(FIRST)} {random.choice(LAST)} {i}"
            company = random.choice(companies)
            notes = " ".join(random.sample(WORDS, 3))
            rows.append(
                {
                    "uid": f"bench-{i}",
                    "full_name": name,
                    "given_name": name.split()[0],
                    "family_name": name.split()[1],
                    "title": "Engineer",
                    "company": company.id,
                    "notes": notes,
                    "search_text": search_text(
                        name=name,
                        company=company.name,
                        title="Engineer",
                        tags=(),
                        notes=notes,
                        how_met="",
                        met_at="",
                        location="",
                        needs="",
                        emails=(),
                    ),
                    "created_at": now,
                    "updated_at": now,
                    "contact_type": "peer",
                    "last_contact_at": now.subtract(days=random.randint(0, 700)),
                    "next_follow_up": now.add(days=random.randint(-30, 90)).date(),
                }
            )
        for start in range(0, len(rows), 500):
            Contact.insert_many(rows[start : start + 500]).execute()
        ids = [row[0] for row in Contact.select(Contact.id).tuples()]
        for start in range(0, len(ids), 1000):
            batch = []
            for _cid in ids[start : start + 1000]:
                for _ in range(10):
                    batch.append(
                        {
                            "kind": random.choice(["coffee", "email", "call", "note"]),
                            "occurred_at": now.subtract(days=random.randint(0, 700)),
                            "summary": " ".join(random.sample(WORDS, 4)),
                            "created_at": now,
                        }
                    )
            Interaction.insert_many(batch).execute()
            last_id = Interaction.select(Interaction.id).order_by(Interaction.id.desc()).scalar()
            first_id = last_id - len(batch) + 1
            links = [
                {"interaction": first_id + n, "contact": ids[start + n // 10]} for n in range(len(batch))
            ]
            InteractionContact.insert_many(links).execute()
    database.close()


def run_process(code: str, *args: str) -> list[str]:
    output = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return output.stdout.split()


def startup(path: Path, rounds: int) -> None:
    bare, main, memory = [], [], []
    for _ in range(rounds):
        bare.append(float(run_process(BARE_APP)[0]))
        ready, peak = run_process(MAIN_APP, str(path))
        main.append(float(ready))
        memory.append(float(peak))
    for label, pick in (("median", statistics.median), ("best", min)):
        b, m = pick(bare), pick(main)
        print(
            f"start-up ({label} of {rounds}, alternating): bare app {b * 1000:.0f} ms, "
            f"netkeep {m * 1000:.0f} ms = {m / b:.2f}x the bare app"
        )
    print(f"peak memory of the main app: {max(memory):.0f} MiB")


async def keystrokes(path: Path) -> None:
    """Time from a key reaching the app to the end of the screen update that shows the new list."""
    from textual.screen import Screen
    from textual.widgets import Input

    from netkeep.tui.app import NetkeepApp

    refreshed: list[float] = []
    original = Screen._compositor_refresh

    def timed_refresh(screen):
        original(screen)
        refreshed.append(time.perf_counter())

    Screen._compositor_refresh = timed_refresh
    app = NetkeepApp(path)
    times: list[float] = []
    handler: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        filter_input = app.query_one("#filter", Input)
        filter_input.focus()
        await pilot.pause()
        view = app.contact_list.rows_view
        for query in ("jane", "stripe", "python payments", "chen 12", "zzz", "a", "design lab"):
            typed = [query[:n] for n in range(1, len(query) + 1)]  # then erased again
            for text in typed + typed[-2::-1] + [""]:
                before = view.rows
                refreshed.clear()
                start = time.perf_counter()
                filter_input.value = text  # what a keystroke does to the Input
                while not refreshed or view.rows is before:
                    await asyncio.sleep(0)
                times.append(refreshed[-1] - start)
                # The list's own work: filter the rows and draw the visible lines.
                app.contact_list._filter_text = text[:-1] if text else "x"
                start = time.perf_counter()
                app.contact_list._filter_text = text
                app.contact_list._show(keep_id=None, narrowing=False)
                view.render_lines(view.scrollable_content_region.reset_offset)
                handler.append(time.perf_counter() - start)
                await pilot.pause()
        total = len(app.contact_list.all_rows)
    Screen._compositor_refresh = original
    for label, values in (
        ("filter + draw the visible rows", handler),
        ("value change to screen updated, incl. the 60 fps frame wait", times),
    ):
        values.sort()
        p50 = statistics.median(values) * 1000
        p95 = values[int(len(values) * 0.95) - 1] * 1000
        print(
            f"filter keystroke over {total:,} rows, {label} ({len(values)} keys): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {values[-1] * 1000:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/netkeep-tui-bench.db"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.contacts)
        print(f"built {args.db} in {time.perf_counter() - started:.1f} s")
    startup(args.db, args.rounds)
    asyncio.run(keystrokes(args.db))


if __name__ == "__main__":
    main()
