"""SVG screenshots of the main screens, from a demo network: ``uv run python scripts/screenshots.py [DIR]``.

The demo network is small, built with a fixed seed in a temporary folder, and the clock
is held at a fixed day, so the pictures only change when the app does.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

#: The day the screenshots are taken on (so "3 days ago" stays put between runs).
SHOT_DAY = (2026, 6, 3, 9, 30)
DEMO_CONTACTS = 120
DEMO_SEED = 11
SIZE = (120, 40)

#: (file name, keys pressed from the app's start, a widget id that must then exist).
SHOTS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("today", (), None),
    ("contact", ("2",), None),
    ("timeline", ("3",), None),
    ("jobs", ("4",), "jobs"),
    ("thank-you", ("2", "t"), "tab-thanks"),
    ("reflect", ("2", "r"), "tab-reflect"),
    ("prep", ("2", "p"), "tab-prep"),
    (
        "capture",
        ("ctrl+n", *"Jane Doe, Staff Engineer @Stripe #alumni !PyCon >2w jane@stripe", "enter"),
        None,
    ),
)


def main(argv: list[str] | None = None) -> int:
    from netkeep.demo.network import generate

    parser = argparse.ArgumentParser(description="Write SVG screenshots of the main screens.")
    parser.add_argument(
        "dir",
        nargs="?",
        default=str(Path(__file__).parent.parent / "screenshots"),
        help="where to write them (default: the project's screenshots/)",
    )
    out = Path(parser.parse_args(argv).dir).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netkeep-shots-") as tmp, _frozen_clock():
        db = Path(tmp) / "demo.db"
        generate(db, contacts=DEMO_CONTACTS, seed=DEMO_SEED)
        written = asyncio.run(_shoot_all(db, Path(tmp) / "config", out))
    for path in written:
        print(path)
    return 0


def _frozen_clock():
    """Hold the clock at :data:`SHOT_DAY` (needs time-machine, from ``pendulum[test]``)."""
    import contextlib

    import pendulum

    try:
        import time_machine  # noqa: F401
    except ImportError:
        print("netkeep: time-machine is not installed; the screenshots show today's dates", file=sys.stderr)
        return contextlib.nullcontext()
    return pendulum.travel_to(pendulum.datetime(*SHOT_DAY, tz="UTC"), freeze=True)


async def _shoot_all(db: Path, config_dir: Path, out: Path) -> list[Path]:
    written = []
    for name, keys, needs in SHOTS:
        path = await _shoot(db, config_dir, out, name, keys, needs)
        if path is not None:
            written.append(path)
        else:
            print(f"netkeep: skipped {name}: this build has no such pane", file=sys.stderr)
    return written


async def _shoot(
    db: Path, config_dir: Path, out: Path, name: str, keys: tuple[str, ...], needs: str | None
) -> Path | None:
    """Start the app afresh, press ``keys``, wait for every load, save ``name.svg``."""
    from netkeep.tui.app import NetkeepApp

    app = NetkeepApp(db, config_dir)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(app, pilot)
        if needs is not None and not app.screen.query(f"#{needs}"):
            return None
        await pilot.pause(0.3)  # debounced loads (the card follows the selection after a pause)
        await _settle(app, pilot)
        filename = f"{name}.svg"
        app.save_screenshot(filename, path=str(out))
    return out / filename


async def _settle(app, pilot) -> None:
    """Wait until no worker runs (a load replaced by a newer one counts as done)."""
    from textual.worker import WorkerCancelled

    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass
        await pilot.pause()


if __name__ == "__main__":
    sys.exit(main())
