"""The three focus traps a new user hit on the demo network, pressed as they pressed them:
a hidden view holding the keyboard after a live refresh, a name typed on the list, and the
merge dialog's defaults."""

from __future__ import annotations

import threading

import pytest

from helpers.tui import list_names, settle, type_text, until
from netkeep.core import contacts, jobsearch
from netkeep.core.records import ContactInput
from netkeep.store.models import database
from netkeep.tui.app import NetkeepApp

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")


def capture_elsewhere(name: str) -> None:
    """A write from another connection, as ``netkeep capture`` in another terminal makes."""

    def write() -> None:
        with database.connection_context():
            contacts.create_contact(ContactInput(full_name=name, company="Elsewhere"))

    writer = threading.Thread(target=write)
    writer.start()
    writer.join()


def targets() -> list[tuple[str, int, str]]:
    return [(t.name, t.rank, t.stage) for t in jobsearch.targets()]


@pytest.fixture
def job_search(network):
    """Stripe (interviewing) and Acme on the target list."""
    jobsearch.add_target("Stripe")
    jobsearch.add_target("Acme")
    stripe = next(t for t in jobsearch.targets() if t.name == "Stripe")
    jobsearch.set_stage(stripe.company_id, "interviewing")
    return targets()


@pytest.mark.parametrize("then", [("2",), ("2", "slash")], ids=["contact view", "filter"])
async def test_a_hidden_job_search_never_takes_the_keys_after_a_live_refresh(job_search, db_path, then):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")  # the job search, its targets focused
        await settle(app, pilot)
        await pilot.press(*then)  # then the contact (or the filter) is on screen
        await settle(app, pilot)
        assert app.current_view == "contact"
        capture_elsewhere("Zed Quick")
        await until(lambda: "Zed Quick" in list_names(app), timeout=5)  # the app checks every second
        await settle(app, pilot)
        jobs = app.query_one("#jobs")
        assert not jobs.display
        assert app.focused is not None and jobs not in app.focused.ancestors
        await pilot.press("x")
        await settle(app, pilot)
        assert targets() == job_search  # Stripe keeps its stage and its rank


async def test_typing_a_name_on_the_list_filters_and_archives_no_one(network, db_path):
    carol = contacts.get_card(network["carol"])
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape")  # the list, as a click on it would leave it
        await settle(app, pilot)
        assert app.focused is app.contact_list.rows_view
        await type_text(pilot, "sa")
        await settle(app, pilot)
        assert app.contact_list.query_one("#filter").value == "sa"  # s did not sort, a did not archive
        assert app.contact_list.order == "name"
        assert [row.name for row in contacts.list_rows()] == ["Bob Smith", "Carol Reyes", "Jane Doe"]
        await pilot.press("escape", "escape")  # the filter cleared, back on the list
        await type_text(pilot, "Ca")
        await settle(app, pilot)
        assert list_names(app) == ["Carol Reyes"]
        assert contacts.get_card(network["carol"]) == carol


async def test_down_down_enter_in_the_merge_dialog_merges_nothing(db):
    from helpers.tui import Host
    from netkeep.core.records import Method
    from netkeep.tui.screens.merge import MergeScreen

    keep = contacts.create_contact(
        ContactInput(full_name="Ana Silva", notes="met at PyCon", emails=(Method("email", "ana@a.example"),))
    )
    other = contacts.create_contact(
        ContactInput(
            full_name="Ana Silva", notes="wants a designer", emails=(Method("email", "ana@b.example"),)
        )
    )
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MergeScreen(keep, other))
        await settle(app, pilot)
        assert app.focused is app.screen.query_one("#choice-notes")  # the first field that differs
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MergeScreen)  # enter picked a value; nothing merged
        assert contacts.count_contacts() == 2


async def test_the_merge_keeps_both_values_by_default_and_asks_first(db):
    from helpers.tui import Host
    from netkeep.core.records import Method
    from netkeep.tui.screens.confirm import ConfirmScreen
    from netkeep.tui.screens.merge import MergeScreen

    keep = contacts.create_contact(
        ContactInput(
            full_name="Ana Silva",
            company="Stripe",
            notes="met at PyCon",
            emails=(Method("email", "ana@a.example"),),
        )
    )
    other = contacts.create_contact(
        ContactInput(
            full_name="Ana Silva",
            company="Acme",
            notes="wants a designer",
            tags=("design",),
            emails=(Method("email", "ana@b.example"),),
        )
    )
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MergeScreen(keep, other))
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept: the dialog is back, nothing merged
        await settle(app, pilot)
        assert isinstance(app.screen, MergeScreen) and contacts.count_contacts() == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert not isinstance(app.screen, MergeScreen)
    card = contacts.get_card(keep)
    assert card.notes == "met at PyCon\n\nwants a designer"
    assert [e.value for e in card.emails] == ["ana@a.example", "ana@b.example"]
    assert (card.company, card.past_companies, card.tags) == ("Stripe", ("Acme",), ("design",))
    assert contacts.count_contacts() == 1
