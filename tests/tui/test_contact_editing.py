"""Adding, editing, logging, archiving and deleting contacts in the app with the keys a person
presses, checked on screen and in the database."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from helpers.tui import card_text, list_names, notifications, settle, type_text
from netkeep.core import contacts, interactions
from netkeep.core.errors import NotFound
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.contact import ContactForm
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.screens.confirm import ConfirmScreen

SIZE = (120, 40)

pytestmark = pytest.mark.usefixtures("no_card_delay")  # cards load as soon as the cursor moves


async def test_add_a_contact_with_the_form(db, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await type_text(pilot, "Ada Lovelace")
        await pilot.press("tab")
        await type_text(pilot, "Analyst")
        await pilot.press("tab")
        await type_text(pilot, "Engines Ltd")
        await pilot.press("tab")
        await type_text(pilot, "work: ada@engines.org")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ContactForm)
        [contact_id] = contacts.search("ada")
        card = contacts.get_card(contact_id)
        assert (card.full_name, card.title, card.company) == ("Ada Lovelace", "Analyst", "Engines Ltd")
        assert [(m.label, m.value) for m in card.emails] == [("work", "ada@engines.org")]
        assert list_names(app) == ["Ada Lovelace"]
        assert "Ada Lovelace" in card_text(app)
        assert app.current_view == "contact"


async def test_bad_input_is_explained_next_to_the_field_and_saves_nothing(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-emails", Input).value = "not-an-email"
        form.query_one("#f-met_on", Input).value = "the day after never"
        form.query_one("#f-cadence_days", Input).value = "often"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        errors = {
            row: str(form.query_one(f"#error-{row}").content)
            for row in ("full_name", "emails", "met_on", "cadence_days")
        }
        assert errors["full_name"] == "A name is required."
        assert "does not look like an email address" in errors["emails"]
        assert "is not a date" in errors["met_on"]
        assert "whole number of days" in errors["cadence_days"]
        assert form.query_one("#row-emails").has_class("-invalid")
        assert not form.query_one("#row-title").has_class("-invalid")
        # A terminal escape code in a name is refused too.
        form.query_one("#f-full_name", Input).value = "Eve\x1b[31m Red"
        form.query_one("#f-emails", Input).value = ""
        form.query_one("#f-met_on", Input).value = ""
        form.query_one("#f-cadence_days", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "control characters" in str(form.query_one("#error-full_name").content)
        assert not form.query_one("#row-emails").has_class("-invalid")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ContactForm)
        assert contacts.count_contacts() == 3


async def test_filter_open_edit_log_archive_delete(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert list_names(app) == ["Bob Smith", "Carol Reyes", "Jane Doe"]
        # Filter over notes, company and tags as you type.
        await pilot.press("slash")
        await type_text(pilot, "rust")
        assert list_names(app) == ["Carol Reyes"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_view == "contact"
        assert "Carol Reyes" in card_text(app)
        assert "alumni mixer" in card_text(app)  # her timeline
        # The keyboard is on the list, where letters filter: 2 goes into her contact.
        await pilot.press("2")
        await settle(app, pilot)
        # Edit: the form opens with her details; change the title.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#f-full_name", Input).value == "Carol Reyes"
        await pilot.press("tab")
        await type_text(pilot, "CTO")
        await pilot.press("enter")
        await settle(app, pilot)
        card = contacts.get_card(network["carol"])
        assert card.title == "CTO" and card.company == "Globex" and card.notes == "loves rust"
        assert "CTO at Globex" in card_text(app)
        # Log an interaction.
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, InteractionForm)
        await type_text(pilot, "coffee about compilers")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        entries = interactions.timeline_for(network["carol"])
        assert entries[0].summary == "coffee about compilers" and entries[0].kind == "note"
        assert "coffee about compilers" in card_text(app)
        # Archive (it asks first), then undo.
        await pilot.press("slash", "escape", "escape", "2")  # clear the filter, back into her contact
        await settle(app, pilot)
        said = notifications(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(app, pilot)
        assert contacts.get_card(network["carol"]).archived
        assert "Carol Reyes" not in list_names(app)
        assert said[-1] == "Archived Carol Reyes — ctrl+z to undo."
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert said[-1] == "Undone: Archived Carol Reyes (H shows the history)."
        assert not contacts.get_card(network["carol"]).archived
        assert "Carol Reyes" in list_names(app)
        # Delete asks first; n keeps her, y deletes.
        app.open_contact(network["carol"])
        await settle(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.query_one("#question")
        assert question.size.height >= 2  # the whole question wraps inside the box
        assert "trash (restorable for 30 days from History)" in str(question.content)
        await pilot.press("n")
        await settle(app, pilot)
        assert contacts.get_card(network["carol"]).full_name == "Carol Reyes"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        with pytest.raises(NotFound):
            contacts.get_card(network["carol"])
        assert list_names(app) == ["Bob Smith", "Jane Doe"]


async def test_log_in_the_app_refuses_a_day_still_to_come(network, db_path):
    """l in the app reads "when" with core's rule, as Today's l and `netkeep log` do."""
    before = len(interactions.timeline_for(network["carol"]))
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(network["carol"])
        await settle(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InteractionForm)
        await type_text(pilot, "coffee about compilers")
        await pilot.press("tab", "tab")  # past the kind, to when
        assert app.focused is form.query_one("#f-when", Input)
        await pilot.press("ctrl+u")
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # still open, with the reason under the field
        assert form.query_one("#row-when").has_class("-invalid")
        assert "is in the future" in str(form.query_one("#error-when", Static).render())
        assert app.focused is form.query_one("#f-when", Input)
        await pilot.press("escape")
        await settle(app, pilot)
    assert len(interactions.timeline_for(network["carol"])) == before


async def test_renaming_a_contact_renames_given_and_family_names(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(network["carol"])
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-full_name", Input).value = "Carol Whitfield"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        card = contacts.get_card(network["carol"])
        assert (card.full_name, card.given_name, card.family_name) == (
            "Carol Whitfield",
            "Carol",
            "Whitfield",
        )
        # Deleting keeps the cursor in place (on the next contact).
        assert list_names(app) == ["Bob Smith", "Carol Whitfield", "Jane Doe"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert app.selected_id == network["jane"]


async def test_a_long_note_is_saved_and_shown_whole(db, db_path):
    from textual.widgets import TextArea

    note = ("word " * 1000).strip()  # 4,999 characters
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Long Note")
        app.screen.query_one("#f-notes", TextArea).text = note
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        [contact_id] = contacts.search("long note")
        assert contacts.get_card(contact_id).notes == note
        assert " ".join(card_text(app).split()).count("word") == 1000


async def test_everything_is_still_there_after_quit_and_reopen(db, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Grace Hopper")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "talked about COBOL")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("q")
    assert app.return_code == 0
    again = NetkeepApp(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert list_names(again) == ["Grace Hopper"]
        assert "talked about COBOL" in card_text(again)
