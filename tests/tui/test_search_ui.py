"""The app searches with the index: the list filter and the palette find by anything, best first."""

from __future__ import annotations

import pytest

from helpers.people import person
from helpers.tui import highlighted_command, list_names, settle, type_text, until
from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.tui.app import NetkeepApp

SIZE = (120, 40)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("5550100", ["Jane Doe"]),  # her phone, +1 555 0100, as digits
        ("resume", ["Bob Smith"]),  # what he wrote
        ("rust", ["Carol Reyes"]),
        ("[red]", []),
    ],
)
async def test_the_filter_finds_by_anything(network, db_path, text, names):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, text)
        await until(lambda: app.contact_list.query_one("#filter").value == text)
        assert list_names(app) == names


async def test_the_filter_lists_a_name_before_a_mention(network, db_path):
    person("Rust Cohle")
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "rust")
        await until(lambda: list_names(app) == ["Rust Cohle", "Carol Reyes"])
        # Edited while the filter is on: the list asks the index again.
        contacts.update_contact(network["carol"], ContactInput(full_name="Carol Reyes", company="Globex"))
        app.contact_list.reload()
        await settle(app, pilot)
        assert list_names(app) == ["Rust Cohle"]


async def test_the_palette_opens_a_contact_found_by_her_phone(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "open 555-0100")
        await until(lambda: highlighted_command(app) == "contact: Open Jane Doe")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.selected_id == network["jane"]
