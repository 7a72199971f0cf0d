"""ctrl+z and the History screen, pressed as a person would: the screen and the database."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from helpers.people import person
from helpers.tui import list_names, notifications, settle, type_text, until
from netkeep.core import backups, contacts, history, interactions
from netkeep.core.records import ContactInput
from netkeep.tui.app import NetkeepApp
from netkeep.tui.screens.confirm import ConfirmScreen
from netkeep.tui.screens.history import HistoryScreen

SIZE = (120, 40)


def option_texts(app) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_ctrl_z_undoes_the_last_change_then_the_one_before(network, db_path):
    contacts.update_contact(network["bob"], ContactInput(full_name="Robert Smith", company="Acme"))
    contacts.set_archived(network["jane"], True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = notifications(app)
        app.contact_list.rows_view.focus()
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert said[-1] == "Undone: Archived Jane Doe (H shows the history)."
        assert not contacts.get_card(network["jane"]).archived
        assert "Jane Doe" in list_names(app)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert said[-1] == "Undone: Edited Bob Smith (H shows the history)."
        assert contacts.get_card(network["bob"]).full_name == "Bob Smith"
        assert "Bob Smith" in list_names(app)


async def test_ctrl_z_in_the_filter_does_not_undo(network, db_path):
    contacts.set_archived(network["jane"], True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "bo")
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert contacts.get_card(network["jane"]).archived


async def test_the_history_screen_lists_changes_and_undoes_one(network, db_path):
    contacts.set_archived(network["jane"], True)
    contacts.set_archived(network["carol"], True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = notifications(app)
        await pilot.press("1", "H")  # from Today: on the contact list, letters filter
        await until(lambda: isinstance(app.screen, HistoryScreen) and app.screen.entries, timeout=5)
        texts = option_texts(app)
        assert "Archived Carol Reyes  Carol Reyes" in texts[0]
        assert "Archived Jane Doe  Jane Doe" in texts[1]
        await pilot.press("down", "u")  # Jane's archive: nothing later touched her
        await until(lambda: "(undone)" in option_texts(app)[2], timeout=5)
        assert said[-1] == "Done: Undo: Archived Jane Doe."
        assert option_texts(app)[0].split("  ")[1] == "Undo: Archived Jane Doe"
        assert not contacts.get_card(network["jane"]).archived
        assert contacts.get_card(network["carol"]).archived
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Jane Doe" in list_names(app) and "Carol Reyes" not in list_names(app)


async def test_the_history_screen_explains_a_change_it_cannot_undo(network, db_path):
    contacts.set_archived(network["jane"], True)
    contacts.update_contact(network["jane"], ContactInput(full_name="Jane Roe", company="Stripe"))
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = notifications(app)
        await pilot.press("1", "H")  # from Today: on the contact list, letters filter
        await until(lambda: isinstance(app.screen, HistoryScreen) and app.screen.entries, timeout=5)
        await pilot.press("down", "enter")
        await until(lambda: said, timeout=5)
        assert said[-1].startswith(
            "Can't undo “Archived Jane Doe”: Jane Roe was changed since, by “Edited Jane"
        )
        assert contacts.get_card(network["jane"]).archived and len(history.recent()) == len(
            app.screen.entries
        )


async def test_delete_says_what_changes_goes_to_the_trash_and_history_restores(network, db_path):
    person("Ann Lee", introduced_by_id=network["carol"])
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        said = notifications(app)
        app.open_contact(network["carol"])
        await settle(app, pilot)
        await pilot.press("d")
        await until(lambda: isinstance(app.screen, ConfirmScreen), timeout=5)
        question = str(app.screen.query_one("#question").content)
        assert question.startswith("Delete Carol Reyes? ") and "restorable for 30 days" in question
        assert "\n1 person was introduced by Carol Reyes; they will show no introducer." in question
        await pilot.press("y")
        await settle(app, pilot)
        assert said[-1] == "Deleted Carol Reyes — ctrl+z to undo."
        assert not contacts.resolve("Carol Reyes")
        await pilot.press("1", "H")  # from Today: on the contact list, letters filter
        await until(lambda: isinstance(app.screen, HistoryScreen) and app.screen.entries, timeout=5)
        assert "Deleted Carol Reyes" in option_texts(app)[0]
        await pilot.press("u")
        await until(lambda: contacts.resolve("Carol Reyes"), timeout=5)
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Carol Reyes" in list_names(app)


async def test_the_app_makes_todays_backup_in_a_worker(network, db_path):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await until(lambda: backups.listing(), timeout=10)
        [made] = backups.listing(check=True)
        assert made.reason == "daily" and made.contacts == 3


async def test_history_restores_a_deleted_contact_whose_id_was_taken_since(network, db_path):
    carol = network["carol"]  # the newest contact: the next one added takes her id
    carol_timeline = [e.summary for e in interactions.timeline_for(carol)]
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_contact(carol)
        await settle(app, pilot)
        await pilot.press("d")
        await until(lambda: isinstance(app.screen, ConfirmScreen), timeout=5)
        await pilot.press("y")
        await settle(app, pilot)
        assert person("Dan Brown") == carol  # captured from another terminal
        await pilot.press("1", "H")
        await until(lambda: isinstance(app.screen, HistoryScreen) and app.screen.entries, timeout=5)
        assert "Deleted Carol Reyes" in option_texts(app)[1]
        await pilot.press("down", "u")
        await until(lambda: contacts.resolve("Carol Reyes"), timeout=5)
        await pilot.press("escape")
        await settle(app, pilot)
        await until(lambda: {"Carol Reyes", "Dan Brown"} <= set(list_names(app)), timeout=5)
    [(restored, *_)] = contacts.resolve("Carol Reyes")
    assert [e.summary for e in interactions.timeline_for(restored)] == carol_timeline != []
    assert contacts.get_card(carol).full_name == "Dan Brown"
