"""j and k move in every list, as ↓ and ↑ do."""

from __future__ import annotations

import pytest

from helpers.people import person
from helpers.tui import Host, settle, type_text
from netkeep.core import commitments, jobsearch
from netkeep.tui.app import NetkeepApp
from netkeep.tui.panes.followups import FollowupsPane
from netkeep.tui.panes.reflection import ReflectPane


async def j_then_k(pilot, widget) -> tuple[int | None, int | None, int | None]:
    """Where the highlight is before, after j, after k."""
    before = widget.highlighted
    await pilot.press("j")
    after_j = widget.highlighted
    await pilot.press("k")
    return before, after_j, widget.highlighted


async def test_follow_ups(db):
    jane = person("Jane Doe")
    commitments.add_commitment("send the article", owner="me", contact_id=jane)
    commitments.add_commitment("intro to Sam", owner="me", contact_id=jane)
    app = Host(FollowupsPane, jane, focus="#followups-items")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        items = app.query_one("#followups-items")
        first = items.highlighted
        assert await j_then_k(pilot, items) == (first, first + 1, first)


async def test_reflect_questions(jane_meeting):
    jane, _mid = jane_meeting
    app = Host(ReflectPane, jane, focus="#reflect-questions")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        questions = app.query_one("#reflect-questions")
        assert await j_then_k(pilot, questions) == (0, 1, 0)


@pytest.mark.usefixtures("no_card_delay")
async def test_job_search_targets_and_people(network, db_path):
    jobsearch.add_target("Stripe")
    jobsearch.add_target("Acme")
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        targets = app.query_one("#jobs-targets")
        assert app.focused is targets
        assert await j_then_k(pilot, targets) == (0, 1, 0)


async def test_choosing_a_contact_to_merge(db):
    from netkeep.tui.screens.merge import PickContactScreen

    person("Ada Lovelace")
    person("Ada King")
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(PickContactScreen("Merge which contact?"))
        await type_text(pilot, "Ada")
        await settle(app, pilot)
        await pilot.press("tab")  # from the name to the matches
        matches = app.screen.query_one("#matches")
        assert app.focused is matches
        assert await j_then_k(pilot, matches) == (0, 1, 0)


@pytest.mark.usefixtures("no_card_delay")
async def test_the_history(network, db_path):
    from helpers.tui import until
    from netkeep.core import contacts
    from netkeep.tui.screens.history import HistoryScreen

    contacts.set_archived(network["jane"], True)
    contacts.set_archived(network["carol"], True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "H")
        await until(lambda: isinstance(app.screen, HistoryScreen) and app.screen.entries, timeout=5)
        changes = app.screen.query_one("#history-list")
        assert app.focused is changes
        assert await j_then_k(pilot, changes) == (0, 1, 0)
