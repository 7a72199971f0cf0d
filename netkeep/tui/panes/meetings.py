"""What the meeting panes (thank-you, reflect, prep) share: the contact, a meeting picker,
loading in a worker, and the "log meeting" key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static, TextArea

from netkeep.core import contacts
from netkeep.core.config import Config, load_config
from netkeep.core.dates import format_date
from netkeep.core.errors import NotFound
from netkeep.core.meetings import Meeting, list_meetings
from netkeep.core.text import visible
from netkeep.tui.messages import DataChanged
from netkeep.tui.workers import in_worker

THANKS_MARK = {"": "", "draft": " · draft", "sent": " · thanked"}
NO_CONTACT = "Choose a contact in the list on the left."


def meeting_label(meeting: Meeting) -> Text:
    """``coffee · 4 Mar 2026 · Blue Bottle · draft``: one line naming a meeting."""
    parts = [meeting.kind, format_date(meeting.occurred_at)]
    if meeting.location:
        parts.append(meeting.location)
    return Text(visible(" · ".join(parts)) + THANKS_MARK.get(meeting.thank_you, ""))


def app_config(app: Any) -> Config:
    """The app's loaded config when it has one, else the config file read now."""
    config = getattr(app, "config", None)
    return config if isinstance(config, Config) else load_config()


class EmptyNote(Static, can_focus=True):
    """What a pane says when there is nothing to show; focusable, so the pane's keys
    (m: log a meeting) work from it."""


class MeetingPane(Vertical):
    """A pane about one of the selected contact's meetings.

    Subclasses compose ``self.empty()`` (and ``self.picker()`` to choose among meetings),
    implement ``fetch`` (runs in a worker thread, returns what ``show`` needs) and ``show``
    (UI thread).
    """

    #: What the pane loads, named in the message if that fails ("Could not load the prep brief: …").
    LOADS = "the meetings"
    BINDINGS = [
        Binding(
            "m", "log_meeting", "Log meeting", id="meetings.log", tooltip="Log a meeting with this contact"
        ),
        Binding(
            "escape",
            "leave_editor",
            "Back",
            show=False,
            id="meetings.back",
            tooltip="Leave the text you are typing in, back to the pane's keys",
        ),
    ]

    @dataclass
    class Loaded(Message):
        contact_id: int | None
        name: str
        meetings: list[Meeting]
        meeting_id: int | None
        data: Any

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.contact_id: int | None = None
        self.contact_name = ""
        self.meeting_id: int | None = None
        self.meetings: list[Meeting] = []
        self._loading = True  # until the first load: a new pane has nothing to focus yet
        self._want_focus = False

    # -- composition helpers
    def picker(self) -> Select:
        return Select([], prompt="No meetings yet", allow_blank=True, compact=True, classes="meeting-picker")

    def empty(self) -> Static:
        return EmptyNote(NO_CONTACT, classes="meeting-empty", markup=False)

    def focus_default(self) -> None:
        """Put the keyboard where the pane's keys are meant (the app calls this when the
        pane's tab is opened); while the pane is loading, once it has loaded."""
        self._want_focus = True
        if not self._loading:
            self._apply_focus()

    def _apply_focus(self) -> None:
        self._want_focus = False
        self.focus_target()

    def focus_target(self) -> None:
        """Focus the widget the pane's keys are meant for (subclasses choose)."""
        self.focus_home()

    def focus_home(self) -> None:
        """Focus where the keyboard rests outside the pane's text fields (Esc leaves them for
        it): the meeting picker, or the note saying there is nothing to show."""
        for widget in self.query(".meeting-picker, .meeting-empty"):
            if widget.display:
                widget.focus()
                return

    def editing(self) -> bool:
        """Whether the keyboard is in one of the pane's text fields."""
        focused = self.screen.focused if self.is_attached else None
        return isinstance(focused, (Input, TextArea)) and self in focused.ancestors

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_editor":
            return self.editing()  # otherwise Esc is left to the app
        if action == "log_meeting":
            return self.contact_id is not None
        return True

    def action_leave_editor(self) -> None:
        self.focus_home()

    # -- loading
    def show_contact(self, contact_id: int | None) -> None:
        """Show this contact's latest meeting (called by the app when the selection changes)."""
        self.leave_meeting()
        if contact_id != self.contact_id:
            self.meeting_id = None
            self.meetings = []
        self.contact_id = contact_id
        self.reload()

    def reload(self, meeting_id: int | None = None) -> None:
        known = frozenset(m.id for m in self.meetings) if meeting_id is None else frozenset()
        self._loading = True
        self._load(self.contact_id, meeting_id or self.meeting_id, known)

    @in_worker(lambda pane: f"load {pane.LOADS}", group="meeting-pane-load")
    def _load(self, contact_id: int | None, meeting_id: int | None, known: frozenset[int]) -> Loaded:
        """Load the contact's meetings and one of them: the one asked for, else a meeting
        logged since the last load, else the latest."""
        if contact_id is None:
            return self.Loaded(None, "", [], None, None)
        try:
            name = contacts.get_card(contact_id).full_name
        except NotFound:
            return self.Loaded(None, "", [], None, None)
        meetings = list_meetings(contact_id)
        ids = [m.id for m in meetings]
        new = [i for i in ids if i not in known] if known else []
        if new:
            meeting_id = new[0]
        elif meeting_id not in ids:
            meeting_id = ids[0] if ids else None
        data = self.fetch(contact_id, meeting_id)
        return self.Loaded(contact_id, name, meetings, meeting_id, data)

    def fetch(self, contact_id: int, meeting_id: int | None) -> Any:
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError

    def leave_meeting(self) -> None:
        """Called before another meeting or contact is shown (save what is pending)."""

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        if message.contact_id != self.contact_id:
            return  # an older load finished after a newer selection
        self.contact_name = message.name
        self.meetings = message.meetings
        self.meeting_id = message.meeting_id
        for picker in self.query(".meeting-picker").results(Select):
            picker.display = bool(message.meetings)
            with picker.prevent(Select.Changed):
                picker.set_options([(meeting_label(m), m.id) for m in message.meetings])
                if message.meeting_id is not None:
                    picker.value = message.meeting_id
        empty = self.query_one(".meeting-empty", Static)
        if message.contact_id is None:
            empty.update(NO_CONTACT)
        elif message.meeting_id is None:
            empty.update(Text(f"No meetings with {visible(message.name)} yet. Press m to log one."))
        empty.display = message.meeting_id is None
        self.set_class(message.meeting_id is not None, "-has-meeting")
        self.border_title = Text(
            f"{self.BORDER_TITLE} · {visible(message.name)}" if message.name else str(self.BORDER_TITLE)
        )
        self.show(message.data)
        self._loading = False
        self.refresh_bindings()  # the pane's keys depend on what it shows
        focused = self.screen.focused if self.is_attached else None
        lost = focused is not None and self in focused.ancestors and not focused.display
        if self._want_focus or lost:  # asked for, or the focused part was just hidden
            self.call_after_refresh(self._apply_focus)

    @on(Select.Changed, ".meeting-picker")
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        value = event.select.value
        if isinstance(value, int) and value != self.meeting_id:
            self.leave_meeting()
            self.meeting_id = value
            self.reload(value)

    # -- actions shared by the panes
    def action_log_meeting(self) -> None:
        from netkeep.tui.forms.meeting import MeetingForm

        def logged(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.notify("Meeting logged.")
                self.changed()
                self.leave_meeting()
                self.meeting_id = meeting_id
                self.reload(meeting_id)

        self.app.push_screen(MeetingForm(self.contact_id, self.contact_name), logged)

    def changed(self) -> None:
        """Tell the app something was written for this contact."""
        self.post_message(DataChanged(self.contact_id))
