"""SVG snapshots of the main screen's views, at 120×40 and 80×24 (update with
`pytest --snapshot-update`)."""

from __future__ import annotations

import pendulum
import pytest

from helpers.tui import settle, steady_cursors
from netkeep.core import jobsearch
from netkeep.tui.app import NetkeepApp

NOW = pendulum.datetime(2026, 11, 26, 10, 0, tz="UTC")

pytestmark = pytest.mark.frozen_at(NOW)  # for the `frozen` fixture (which also makes the local timezone UTC)


@pytest.fixture
def snapshot_app(frozen, no_card_delay, network, db_path):
    return NetkeepApp(db_path)


def _showing(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press(*keys)
        await settle(pilot.app, pilot)
        await steady_cursors(pilot)

    return run_before


#: From the agenda (where the app opens) to the list, then to its last contact: Jane Doe.
TO_JANE = ("slash", "escape", "end")


def test_main_screen_as_it_opens(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=_showing())


def test_main_screen_contact_view(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=_showing(*TO_JANE, "2"))


def test_main_screen_at_80x24(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=_showing(*TO_JANE, "2"))


def test_timeline_view(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=_showing("3"))


def test_contact_form(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(100, 30), run_before=_showing(*TO_JANE, "2", "e"))


def test_today_at_80x24(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=_showing())


def test_timeline_at_80x24(snapshot_app, snap_compare):
    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=_showing("3"))


@pytest.fixture
def targets(frozen, network):
    """Three target employers, one a long name, at different stages."""
    for name in ("Stripe", "Acme", "Northwind Analytics International"):
        jobsearch.add_target(name)
    for target, stage in zip(jobsearch.targets(), ("interviewing", "applied", "researching"), strict=True):
        jobsearch.set_stage(target.company_id, stage)


@pytest.mark.usefixtures("targets")
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_job_search(snapshot_app, snap_compare, size):
    assert snap_compare(snapshot_app, terminal_size=size, run_before=_showing("4"))
