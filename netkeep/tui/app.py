"""The netkeep app: the contact list on the left, Today / Contact / Timeline on the right."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from netkeep.core import session
from netkeep.core.config import load_config
from netkeep.core.records import ContactRow
from netkeep.tui import styles
from netkeep.tui.contact_actions import ContactActions
from netkeep.tui.keys import APP_BINDINGS
from netkeep.tui.messages import ChangeUndone, DataChanged, OpenContact
from netkeep.tui.palette import NetkeepCommands, TransferCommands
from netkeep.tui.startup import first_frame_shown
from netkeep.tui.views.agenda import TodayView
from netkeep.tui.views.contact import ContactView, load_class
from netkeep.tui.views.contacts import ContactList
from netkeep.tui.widgets.key_bar import KeyBar
from netkeep.tui.widgets.title_bar import TitleBar
from netkeep.tui.workers import end_at_startup, in_worker

if TYPE_CHECKING:
    from netkeep.tui.views.jobsearch import JobsView
    from netkeep.tui.views.timeline import TimelineView

    #: A view beside the list: each reloads what it shows.
    View = TodayView | ContactView | TimelineView | JobsView

#: Views mounted on first use: view id -> (module, class).
LAZY_VIEWS = {
    "timeline": ("netkeep.tui.views.timeline", "TimelineView"),
    "jobs": ("netkeep.tui.views.jobsearch", "JobsView"),
}
#: Seconds between checks for writes made by another process (``netkeep capture``…).
POLL_SECONDS = 1.0
#: Seconds the selection must rest before the card is loaded (typing, holding j).
CARD_DELAY = 0.15
NEEDS_CONTACT = {"edit_contact", "log_interaction", "log_meeting", "archive_contact", "delete_contact"}


class MainScreen(Screen):
    """The list beside the views: the keyboard never rests in a hidden view or tab, so their
    keys never act while something else is on screen (a live refresh, a late load)."""

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        app = self.app
        if widget is not None and isinstance(app, NetkeepApp) and app.is_hidden(widget):
            return
        super().set_focus(widget, scroll_visible, from_app_focus)


class NetkeepApp(ContactActions):
    """netkeep's main screen (its actions on the selected contact: contact_actions.py)."""

    TITLE = "netkeep"
    CSS_PATH = styles.APP  # the views shown on demand bring theirs (styles.load)
    AUTO_FOCUS = "#today"  # the app opens on the agenda, ready for its keys
    COMMANDS = App.COMMANDS | {NetkeepCommands, TransferCommands}
    BINDINGS = APP_BINDINGS

    def __init__(self, db_path: str | Path, config_dir: Path | None = None) -> None:
        super().__init__()
        self.started = time.perf_counter()
        self.db_path = Path(db_path)
        self.config = load_config(config_dir)
        self.db = session.open_at(self.db_path)
        self._data_version = session.changes_seen()
        self.selected_id: int | None = None
        keymap = {key: value for key, value in self.config.section("keys").items() if isinstance(value, str)}
        if keymap:
            self.set_keymap(keymap)
        self.undo_hint = f"{keymap.get('app.undo', 'ctrl+z')} to undo"

    # ----------------------------------------------------------------- layout

    def get_default_screen(self) -> Screen:
        return MainScreen(id="main")  # styled in app.tcss: the list and the views side by side

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # Kept for the properties below: check_action runs for every key each time the key bar
        # redraws, and a DOM query there cost ~0.4 ms per call.
        self._contact_list = ContactList(id="contact-list")
        self._contact_view = ContactView(id="contact")
        self._contact_view.display = False
        #: The views beside the list, one shown at a time; the LAZY_VIEWS join on first use.
        self._views: dict[str, View] = {"today": TodayView(id="today"), "contact": self._contact_view}
        yield self._contact_list
        yield from self._views.values()
        yield KeyBar()

    def on_mount(self) -> None:
        first = self.contact_list.current_id  # the list shows its first rows already
        if first is not None:  # read the first card now, so the first frame shows it
            self.selected_id = first
            try:
                self.contact_view.show_contact(first, at_once=True)
            except Exception as error:
                end_at_startup(self, error)
                return
        self.set_interval(POLL_SECONDS, self._poll_other_writers)
        for problem in self.config.problems:
            self.notify(problem, title="Config", severity="warning", markup=False)
        if self.config.section("remind") or self.config.section("sync"):
            from netkeep.core.remind_timer import installed

            if not installed():  # asked for, but nothing sends them while netkeep is closed
                self.title = "netkeep · reminders not installed (netkeep remind --install)"

    def set_counts(self, text: str) -> None:
        """Show the agenda counts (``3 due · 1 reply owed``) in the header."""
        self.sub_title = text

    def on_today_view_counts_changed(self, message) -> None:
        """The agenda (``TodayView.CountsChanged``) has new totals for the header."""
        self.set_counts(message.text)

    @property
    def contact_list(self) -> ContactList:
        return self._contact_list

    @property
    def contact_view(self) -> ContactView:
        return self._contact_view

    @property
    def contact_rows(self) -> list[ContactRow]:
        """Every listed contact (sorted as the list is)."""
        return self.contact_list.all_rows

    def _view(self, view_id: str) -> View | None:
        return self._views.get(view_id)

    @property
    def current_view(self) -> str:
        """The id of the view shown beside the list (``today``, ``contact``, ``timeline``…)."""
        return next(view_id for view_id, view in self._views.items() if view.display)

    def _switch_to(self, view_id: str) -> None:
        for other_id, view in self._views.items():
            view.display = other_id == view_id
        main = self._contact_list.screen  # the main screen, even under a form
        if main.focused is None or self.is_hidden(main.focused):
            self._focus_view(view_id)  # the keyboard goes with the view that took its place

    def _focus_view(self, view_id: str) -> None:
        """Put the keyboard in this view, where its keys work (the contact: its open tab)."""
        view = self._views[view_id]
        if view is self._contact_view:
            self._contact_view.focus_open_tab()
        else:
            self.focus_inside(view, at_once=True)

    def is_hidden(self, widget: Widget) -> bool:
        """Whether ``widget`` is in a view (or a contact's tab) that is not shown."""
        hidden: list[Widget] = [view for view in self._views.values() if not view.display]
        if self._contact_view.display:
            hidden += self._contact_view.hidden_tabs()
        return any(part in hidden for part in widget.ancestors_with_self)

    # ------------------------------------------------------------- selection

    @on(ContactList.Highlighted)
    def _highlighted(self, message: ContactList.Highlighted) -> None:
        view = self.contact_view
        if message.contact_id == self.selected_id and view.card is not None:
            return
        had_contact = self.selected_id is not None
        self.selected_id = message.contact_id
        if had_contact != (message.contact_id is not None):
            # Only then do the keys change (NEEDS_CONTACT); each refresh runs check_action for
            # every key the key bar shows, so not on every move of the cursor.
            self.refresh_bindings()
        # The first card shows at once; later ones once typing in the filter (or holding j) pauses.
        if view.card is None:
            view.show_contact(message.contact_id, at_once=True)
        else:
            view.show_contact(message.contact_id, delay=CARD_DELAY)

    @on(ContactList.Selected)
    def _selected(self, message: ContactList.Selected) -> None:
        self.open_contact(message.contact_id)

    @on(OpenContact)
    def _open_contact(self, message: OpenContact) -> None:
        self.open_contact(message.contact_id)

    def open_contact(self, contact_id: int) -> None:
        """Select this contact in the list and show its card."""
        self.contact_list.select_contact(contact_id)
        if self.selected_id != contact_id:
            self.selected_id = contact_id
            self.contact_view.show_contact(contact_id)
        self.contact_view.show_card()
        self._switch_to("contact")

    # ------------------------------------------------------------ refreshing

    @on(DataChanged)
    def _data_changed(self, message: DataChanged) -> None:
        self.data_changed(message.contact_id)

    def data_changed(self, contact_id: int | None, *, listed: bool = True) -> None:
        """Something was written: refresh the list row (or all rows) and the visible panes."""
        if contact_id is None:
            self.contact_list.reload()
        else:
            self.contact_list.refresh_contact(contact_id, listed=listed)
        if contact_id is None or contact_id == self.contact_view.contact_id:
            self.contact_view.reload()
        for view_id in ("timeline", "today", "jobs"):
            view = self._view(view_id)
            if view is not None:
                view.reload()

    def _poll_other_writers(self) -> None:
        """Reload when another process (``netkeep capture``…) has written to the database."""
        try:
            version = session.changes_seen()
        except session.StorageError:  # the loads say what is wrong; this looks again in a second
            return
        if version != self._data_version:
            self._data_version = version
            self.data_changed(None)

    # --------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_CONTACT:
            return self.selected_id is not None
        if action == "undo":  # on the main screen, not in a text box (a TextArea has its own)
            return self.screen.id == "main" and not isinstance(self.focused, Input)
        if action == "history":
            return self.screen.id == "main"
        if action == "show_tab":
            return self.contact_view.has_tab(str(parameters[0]))
        if action == "show_view" and parameters:
            view_id = str(parameters[0])
            return view_id in LAZY_VIEWS or self._view(view_id) is not None
        return True

    def action_focus_filter(self) -> None:
        self.contact_list.focus_filter()

    def action_cycle_sort(self) -> None:
        order = self.contact_list.cycle_sort()
        self.notify(f"Sorted by {order}.", timeout=2)

    async def action_show_view(self, view_id: str) -> None:
        if view_id in LAZY_VIEWS and self._view(view_id) is None:
            styles.load(self, styles.VIEWS)
            view = load_class(*LAZY_VIEWS[view_id])(id=view_id)
            view.display = False
            self._views[view_id] = view
            screen = self._contact_view.parent
            assert isinstance(screen, Widget)  # the views are mounted on the main screen in compose
            await screen.mount(view, after=self._contact_view)
        view = self._view(view_id)
        if view is None:
            return
        self._switch_to(view_id)
        self._focus_view(view_id)

    async def action_show_contact(self) -> None:
        if self.current_view == "contact":
            await self.contact_view.show_tab("tab-card")
        else:
            await self.action_show_view("contact")

    async def action_show_tab(self, tab_id: str) -> None:
        self._switch_to("contact")
        await self.contact_view.show_tab(tab_id)

    def focus_inside(self, widget: Widget, *, at_once: bool = False) -> None:
        """Focus ``widget``'s first focusable part (after it is shown, unless ``at_once``)."""

        def focus() -> None:
            for candidate in [widget, *widget.query("*")]:
                if candidate.focusable:
                    self.screen.set_focus(candidate)
                    return

        if at_once:
            focus()
        else:
            self.call_after_refresh(focus)

    # ------------------------------------------------------------ undo, history

    def action_undo(self) -> None:
        self._undo_last()

    @in_worker("undo", group="undo")
    def _undo_last(self) -> ChangeUndone:
        from netkeep.core import history
        from netkeep.core.errors import NetkeepError

        last = history.last_undoable()
        if last is None:
            return ChangeUndone("There is nothing to undo.", False)
        try:
            history.undo(last.id)
        except NetkeepError as error:
            return ChangeUndone(str(error), False)
        return ChangeUndone(f"Undone: {last.summary} (H shows the history).", True)

    @on(ChangeUndone)
    def _change_undone(self, message: ChangeUndone) -> None:
        self.notify(message.text, severity="information" if message.ok else "warning", markup=False)
        if message.ok:
            self.data_changed(None)

    def action_history(self) -> None:
        from netkeep.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    @in_worker("make today's backup", group="upkeep")
    def _daily_upkeep(self) -> None:
        """Today's quick check of the file and backup (on the first start of the day), and
        forgetting month-old changes."""
        from netkeep.core import backups, checkup, history
        from netkeep.core.dates import today

        problems = checkup.daily_quick_check(self.db_path, today())
        if problems:  # no backup of a damaged file over the sound ones
            self.notify(
                f"The database file is damaged ({problems[0]}). Run `netkeep doctor`; "
                "`netkeep restore --list` shows the backups.",
                severity="error",
                timeout=60,
                markup=False,
            )
            return
        backups.daily()
        history.prune()

    def action_help(self) -> None:
        from netkeep.tui.screens.help import HelpScreen, key_table

        self.push_screen(HelpScreen(key_table(self.screen)))

    def action_capture(self) -> None:
        from netkeep.tui.capture import CaptureScreen

        if isinstance(self.screen, CaptureScreen):  # already open
            return
        self.push_screen(CaptureScreen(), self.after_save)

    def on_ready(self) -> None:
        first_frame_shown()  # run_app keeps the collector off until now
        self.log(f"netkeep ready in {time.perf_counter() - self.started:.3f}s")
        # The sheets of the forms and of help, added now that the first frame is out: the first
        # form (or help) then opens without Textual re-parsing and re-applying every sheet for
        # its CSS_PATH (~20 ms).
        for sheet in (styles.FORMS, styles.HELP):
            styles.load(self, sheet)
        self._daily_upkeep()
