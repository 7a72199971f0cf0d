"""Import, export and merge dialogs, driven with Pilot in a small host app."""

from __future__ import annotations

from pathlib import Path

import vobject
from textual.widgets import Button, Input, ProgressBar, RadioSet, Select, Static

from helpers.tui import Host, highlighted_command, settle, until
from netkeep.core import contacts
from netkeep.core.records import ContactInput, Method
from netkeep.store.models import Contact
from netkeep.tui.screens.exports import ExportScreen
from netkeep.tui.screens.imports import ImportScreen
from netkeep.tui.screens.merge import MergeScreen

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_import_previews_then_imports_everyone_with_odd_values_listed(db):
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportScreen("linkedin"))
        screen = app.screen
        screen.query_one("#path", Input).value = str(FIXTURES / "linkedin_current.csv")
        await pilot.press("enter")
        await settle(app, pilot)
        preview = text_of(screen, "#preview-text")
        assert "6 to add" in preview and "line 10, email: 'carol@example'" in preview
        assert Contact.select().count() == 0
        button = screen.query_one("#import", Button)
        assert str(button.label) == "Import" and not button.disabled
        await pilot.click("#import")
        await settle(app, pilot)
        assert "6 added, 0 updated, 0 skipped, 2 odd values kept as typed" in text_of(screen, ".status")
        assert screen.query_one(ProgressBar).percentage == 1
        assert Contact.select().count() == 6
        assert len(app.changes) == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, ImportScreen)


async def test_import_of_someone_already_there_fills_and_shows_what_it_leaves(db):
    anna = contacts.create_contact(
        ContactInput(full_name="Anna Berg", title="Lead Designer", emails=(Method("email", "anna@berg.se"),))
    )
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportScreen("linkedin"))
        screen = app.screen
        assert screen.query_one("#on-duplicate", Select).value == "fill"  # never overwrites by default
        screen.query_one("#path", Input).value = str(FIXTURES / "linkedin_old.csv")
        await pilot.press("enter")
        await settle(app, pilot)
        preview = text_of(screen, "#preview-text")
        assert "company: 'Volvo' (was empty)" in preview
        assert "title: keeps 'Lead Designer' (the file has 'Designer')" in preview
        await pilot.click("#import")
        await settle(app, pilot)
    card = contacts.get_card(anna)
    assert (card.title, card.company) == ("Lead Designer", "Volvo")


async def test_import_bad_file_shows_a_message_and_writes_nothing(db):
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ImportScreen("google"))
        screen = app.screen
        screen.query_one("#path", Input).value = str(FIXTURES / "other_headers.csv")
        await pilot.click("#preview")
        await settle(app, pilot)
        assert "is not a Google Contacts CSV" in text_of(screen, ".status")
        assert screen.query_one("#import", Button).disabled


async def test_export_writes_a_vcard_file(db, tmp_path):
    contacts.create_contact(ContactInput(full_name="[b]Jane[/b]", emails=(Method("email", "j@x.example"),)))
    target = tmp_path / "out.vcf"
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ExportScreen("vcard-3.0", str(target)))
        await pilot.click("#export")
        await settle(app, pilot)
        assert f"Wrote 1 contacts to {target}" in text_of(app.screen, ".status")
    card = vobject.readOne(target.read_text())
    assert (card.fn.value, card.version.value) == ("[b]Jane[/b]", "3.0")


async def test_merge_dialog_asks_where_they_differ(db):
    keep = contacts.create_contact(
        ContactInput(full_name="Jane Doe", title="Engineer", emails=(Method("email", "a@x.example"),))
    )
    other = contacts.create_contact(
        ContactInput(full_name="Jane Doe", title="[i]Staff[/i]", emails=(Method("email", "b@x.example"),))
    )
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(MergeScreen(keep, other))
        await settle(app, pilot)
        radio = app.screen.query_one("#choice-title", RadioSet)
        assert "[i]Staff[/i]" in str(radio.query("RadioButton")[1].label)
        radio.focus()
        await pilot.press("down", "enter")
        await pilot.click("#merge")
        await pilot.pause()
        await pilot.press("y")  # merge only once confirmed
        await settle(app, pilot)
        assert not isinstance(app.screen, MergeScreen)
    card = contacts.get_card(keep)
    assert card.title == "[i]Staff[/i]"
    assert [e.value for e in card.emails] == ["a@x.example", "b@x.example"]
    assert Contact.get_or_none(Contact.id == other) is None


async def test_palette_opens_the_import_dialog(db):
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"import: vcard")
        await until(lambda: highlighted_command(app) == "import: vCard")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert app.screen.query_one("#format", Select).value == "vcard"


async def test_merge_from_the_palette_picks_both_contacts_by_name(db):
    keep = contacts.create_contact(ContactInput(full_name="Ada Lovelace", company="Analytical"))
    other = contacts.create_contact(ContactInput(full_name="Ada King", location="London"))
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        from netkeep.tui.screens.merge import start_merge

        start_merge(app)
        await pilot.pause()
        await pilot.press(*"Lovelace")
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ada King")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MergeScreen)
        assert (app.screen.keep_id, app.screen.other_id) == (keep, other)
        await pilot.click("#merge")
        await pilot.pause()
        await pilot.press("y")  # merge only once confirmed
        await settle(app, pilot)
    assert contacts.get_card(keep).location == "London"


async def test_import_from_the_app_palette_reloads_the_contact_list(db, db_path):
    from helpers.tui import list_names, type_text
    from netkeep.tui.app import NetkeepApp

    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await type_text(pilot, "import: linkedin")
        await until(lambda: highlighted_command(app) == "import: LinkedIn connections")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#path", Input).value = str(FIXTURES / "linkedin_old.csv")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.click("#import")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert {"Anna Berg", "Émile Zola"} <= set(list_names(app))


async def test_merge_a_duplicate_into_the_selected_contact(db, db_path, no_card_delay):
    from helpers.tui import type_text
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.screens.merge import PickContactScreen

    keep = contacts.create_contact(ContactInput(full_name="Ada Lovelace"))
    other = contacts.create_contact(ContactInput(full_name="Countess Ada", location="London"))
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_contact(keep)
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "merge a duplicate")
        await until(lambda: highlighted_command(app) == "contact: Merge a duplicate into this contact")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickContactScreen)
        await type_text(pilot, "Countess")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert (app.screen.keep_id, app.screen.other_id) == (keep, other)
        await pilot.click("#merge")
        await pilot.pause()
        await pilot.press("y")  # merge only once confirmed
        await settle(app, pilot)
        assert Contact.select().count() == 1
    assert contacts.get_card(keep).location == "London"
