"""The main screen through Pilot: the keys a person presses, checked on screen and in the database."""

from __future__ import annotations

import threading

import pytest
from textual.content import Content
from textual.widgets import Input

from helpers.tui import (
    card_text,
    highlighted_command,
    list_names,
    notifications,
    plain,
    settle,
    small_network,
    type_text,
    until,
)
from netkeep.core import contacts, interactions
from netkeep.core.errors import NotFound
from netkeep.core.records import ContactInput
from netkeep.store.models import database
from netkeep.tui import app as app_module
from netkeep.tui.app import NetkeepApp
from netkeep.tui.forms.contact import ContactForm
from netkeep.tui.forms.dialogs import ConfirmScreen, LogInteractionForm
from netkeep.tui.screens.help import HelpScreen
from netkeep.tui.views.contacts import EMPTY_TEXT

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _no_card_delay(monkeypatch):
    """Cards load as soon as the cursor moves (the app waits a little while typing)."""
    monkeypatch.setattr(app_module, "CARD_DELAY", 0)


@pytest.fixture
def network(db):
    return small_network()


async def test_empty_database_shows_how_to_start(db, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = app.contact_list.rows_view
        assert rows.empty_text == EMPTY_TEXT
        shown = " ".join(" ".join(rows.render_line(y).text for y in range(4)).split())
        assert EMPTY_TEXT in shown
        assert app.check_action("edit_contact", ()) is False
        assert app.check_action("delete_contact", ()) is False
        assert app.check_action("new_contact", ()) is True


async def test_a_filter_matching_nobody_says_so(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "zzqx")
        await settle(app, pilot)
        rows = app.contact_list.rows_view
        assert rows.rows == []
        shown = " ".join(" ".join(rows.render_line(y).text for y in range(4)).split())
        assert "No contact matches “zzqx”." in shown


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


async def test_markup_in_a_name_is_shown_as_typed(db, db_path):
    contacts.create_contact(ContactInput(full_name="[bold]Eve[/] Ng", notes="[red]not red[/red]"))
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "[bold]Eve[/] Ng" in app.contact_list.rows_view.render_line(0).text
        text = card_text(app)
        assert "[bold]Eve[/] Ng" in text
        assert "[red]not red[/red]" in text
        assert Content.from_markup(app.query_one("#contact").border_title).plain == "Contact: [bold]Eve[/] Ng"


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
        assert isinstance(app.screen, LogInteractionForm)
        await type_text(pilot, "coffee about compilers")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        entries = interactions.timeline_for(network["carol"])
        assert entries[0].summary == "coffee about compilers" and entries[0].kind == "coffee"
        assert "coffee about compilers" in card_text(app)
        # Archive, then undo.
        await pilot.press("escape", "escape")  # clear the filter (focus is back on the list)
        await pilot.press("a")
        await settle(app, pilot)
        assert contacts.get_card(network["carol"]).archived
        assert "Carol Reyes" not in list_names(app)
        await pilot.press("u")
        await settle(app, pilot)
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
        assert "removed for good" in str(question.content)
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


async def test_a_capture_from_another_process_shows_up(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        def other_writer() -> None:  # another connection, as `netkeep capture` would use
            with database.connection_context():
                contacts.create_contact(ContactInput(full_name="Zed Quick", company="Elsewhere"))

        writer = threading.Thread(target=other_writer)
        writer.start()
        writer.join()
        await until(lambda: "Zed Quick" in list_names(app), timeout=5)  # the app checks every second
        assert "Zed Quick" in list_names(app)


async def test_sort_cycles_through_orders(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.contact_list.order == "last contact"
        assert list_names(app) == ["Jane Doe", "Bob Smith", "Carol Reyes"]
        await pilot.press("s")
        await pilot.pause()
        assert app.contact_list.order == "next follow-up"
        rows = app.contact_list.rows_view.rows
        assert [r.next_follow_up for r in rows] == sorted(r.next_follow_up for r in rows)
        await pilot.press("s")
        assert app.contact_list.order == "name"


async def test_list_keys_move_the_cursor_and_the_card_follows(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Bob Smith" in card_text(app)
        await pilot.press("slash", "escape")  # the app opens on the agenda; go to the list
        await pilot.press("j")
        await settle(app, pilot)
        assert "Carol Reyes" in card_text(app)
        await pilot.press("end")
        await settle(app, pilot)
        assert "Jane Doe" in card_text(app)
        text = card_text(app)
        for expected in (
            "Staff Engineer at Stripe",
            "alumni · job search",
            "work: jane@stripe.com",
            "mobile: +1 555 0100",
            "linkedin.com/in/janedoe",
            "PyCon 2026",
            "4 Mar 2026",
            "a designer for her side project",
            "#alumni #python",
            "every 30 days",
            "3 days ago",
        ):
            assert expected in text, expected
        await pilot.press("k", "home")
        await settle(app, pilot)
        assert "Bob Smith" in card_text(app)
        assert "introduced by  Jane Doe" in card_text(app)


async def test_views_and_timeline(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        assert app.current_view == "timeline"
        pages = app.screen.query(".timeline-page")
        text = "".join(plain(page.content) for page in pages)
        assert text.index("payments infra") < text.index("asked for my resume") < text.index("alumni mixer")
        assert text.count("Week of ") == 3
        assert "Bob Smith" in text and "reply owed" in text
        sparkline = app.screen.query_one("#activity")
        assert len(sparkline.data) == 52 and sum(sparkline.data) == 3
        await pilot.press("2")
        await pilot.pause()
        assert app.current_view == "contact"


async def test_help_lists_the_keys_that_work_now(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {description: keys for keys, description, _tooltip in app.screen.keys}
        for description in ("New", "Edit", "Log", "Archive", "Delete", "Sort", "Timeline", "Capture"):
            assert description in described, description
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_opens_a_contact_by_name(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "open jane")
        await until(lambda: highlighted_command(app) == "contact: Open Jane Doe")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.selected_id == network["jane"]
        assert "Jane Doe" in card_text(app)


async def test_quick_capture_from_anywhere(network, db_path):
    from netkeep.tui.capture import CaptureScreen

    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")  # even while typing in the filter
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        await type_text(pilot, "Quinn Park")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, CaptureScreen)
        [quinn] = contacts.search("quinn park")
        assert app.selected_id == quinn
        assert "Quinn Park" in list_names(app)
        assert "Quinn Park" in card_text(app)


async def test_keys_can_be_remapped_in_the_config(db, db_path, tmp_path):
    config = tmp_path / "myconfig"
    config.mkdir()
    (config / "config.toml").write_text('[keys]\n"app.new" = "N"\n', encoding="utf-8")
    app = NetkeepApp(db_path, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ContactForm)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)


async def test_a_broken_config_is_reported_and_the_app_still_works(db, db_path, tmp_path):
    config = tmp_path / "broken"
    config.mkdir()
    (config / "config.toml").write_text("[keys\n", encoding="utf-8")
    app = NetkeepApp(db_path, config)
    notes = notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert any("not valid TOML" in message for message in notes)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)


def test_run_app_reports_a_database_it_cannot_open(tmp_path, capsys):
    from netkeep.tui.run import run_app

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("this is not a database\n" * 100, encoding="utf-8")
    assert run_app(not_a_db) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkeep: cannot open") and "Traceback" not in err


async def test_timeline_pages_older_entries_without_repeating_weeks(network, db_path, monkeypatch):
    import pendulum

    from netkeep.core.records import InteractionInput
    from netkeep.tui.views import timeline as timeline_view

    monkeypatch.setattr(timeline_view, "PAGE", 4)
    now = pendulum.now("UTC")
    for day in range(10):  # five at one moment, five at another: pages of 4 split them
        interactions.log_interaction(
            InteractionInput(
                contact_ids=(network["bob"],),
                kind="note",
                summary=f"note {day}",
                occurred_at=now.subtract(days=60 + 10 * (day // 5)),
            )
        )
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        view = app.screen.query_one(timeline_view.TimelineView)
        await until(lambda: view.exhausted)  # it reads older pages until none is left
        await settle(app, pilot)
        assert view.count == 13 and view.exhausted
        text = "".join(plain(page.content) for page in app.screen.query(".timeline-page"))
        weeks = {timeline_view.week_heading(e.occurred_at) for e in interactions.network_timeline(limit=50)}
        assert sorted(line for line in text.splitlines() if line.startswith("Week of")) == sorted(weeks)
        assert [f"note {day}" in text for day in range(10)] == [True] * 10


async def test_a_failing_load_is_a_notification_not_a_crash(network, db_path, monkeypatch):
    app = NetkeepApp(db_path)
    notes = notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)

        def broken(contact_id):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(contacts, "get_card", broken)
        await pilot.press("slash", "escape", "j")
        await settle(app, pilot)
        assert any("disk on fire" in message for message in notes)
        assert app.is_running


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


async def test_contact_panes_are_mounted_on_first_visit_and_follow_the_selection(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.contact_view
        assert view.has_tab("tab-thanks") and view.panes == {}
        await pilot.press("t")
        await settle(app, pilot)
        assert app.current_view == "contact"
        assert app.query_one("#contact-tabs").active == "tab-thanks"
        assert set(view.panes) == {"tab-thanks"}
        assert view.shown_in_pane["tab-thanks"] == app.selected_id
        app.open_contact(network["jane"])
        await settle(app, pilot)
        assert app.query_one("#contact-tabs").active == "tab-card"
        await pilot.press("r")
        await settle(app, pilot)
        assert view.shown_in_pane["tab-reflect"] == network["jane"]


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
