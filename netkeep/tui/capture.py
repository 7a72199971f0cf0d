"""The quick-capture form: someone you just met, in a few keystrokes.

``CaptureScreen`` is a modal the main app opens on ctrl+n; ``CaptureApp`` runs it alone
for ``netkeep capture``. Start-up is kept lean for a desktop hotkey: this module imports
only Textual and the form base; the database, pendulum and the domain load in a worker
after first paint.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from netkeep.tui.forms.base import FormScreen
from netkeep.tui.startup import first_frame_shown
from netkeep.tui.styles import FORMS

#: (field id, label, placeholder) in the order Tab visits them.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "required"),
    ("company", "Company", ""),
    ("title", "Title", ""),
    ("email", "Email", "one or more, separated by spaces"),
    ("how_met", "How met", "career fair, conference, … (default: the event)"),
    ("met_at", "Met at", "an event or a place"),
    ("met_on", "Met on", "today (or: yesterday, last friday, 4 Mar)"),
    ("introduced_by", "Introduced by", "a contact's name (→ completes)"),
    ("tags", "Tags", "alumni python …"),
    ("note", "Note", ""),
    ("follow_up", "Follow up in", "2w, in 3 days, friday, 4 Mar"),
)


class CaptureScreen(FormScreen[int]):
    """A compact form; Enter saves and dismisses with the new contact's id, Esc with None.

    ``prepare`` (optional) runs in a worker before anything touches the database: the
    standalone app opens the database there, after the form is on screen. The form has its
    own layout (a grid, no buttons: see ``compose``) and saves in a worker.
    """

    def __init__(self, prepare: Callable[[], object] | None = None) -> None:
        super().__init__()
        self._prepare = prepare
        self._ready = threading.Event()
        self._saving = False
        self._load_error = ""
        #: What was saved (a ``ContactInput``), for the confirmation line.
        self.saved = None

    def compose(self) -> ComposeResult:
        # Few widgets on purpose (a grid, no row containers, error lines mounted only when
        # needed): this form is on screen in about the time of a bare one-Input app.
        with Vertical(id="capture-form") as form:
            form.border_title = "Quick capture"
            form.border_subtitle = "enter save · esc cancel · tab next · → accept suggestion"
            for field_id, label, placeholder in FIELDS:
                yield Label(label, markup=False)
                yield Input(placeholder=placeholder, id=field_id, compact=True)

    def first_field(self) -> str:
        return "#name"

    def on_mount(self) -> None:
        self.call_after_refresh(self._load)

    @work(thread=True, exclusive=True, exit_on_error=False, group="capture-load")
    def _load(self) -> None:
        """After first paint: open the database if needed, then load names for completion."""
        from netkeep.core import session

        try:
            if self._prepare is not None:
                self._prepare()
            from netkeep.core import capture  # noqa: F401  (warm the domain for a fast save)
            from netkeep.core.contacts import names_for_completion

            with session.connected():
                names = names_for_completion()
        except session.DatabaseError as error:  # said in the form: nothing can be saved
            self._load_error = str(error)
            self.app.call_from_thread(self._show_errors, {"general": self._load_error})
            return
        except Exception as error:  # the names only complete "Introduced by"; the form still saves
            from netkeep.tui.workers import report_failure

            report_failure(self, "load the contact names", error)
            return
        finally:
            self._ready.set()
        self.app.call_from_thread(self._set_names, names)

    def _set_names(self, names: list[str]) -> None:
        if not self.is_attached:  # saved or cancelled before the names arrived
            return
        self.query_one("#introduced_by", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def action_save(self) -> None:
        if self._saving:
            return
        self._show_errors({})
        if not self._value("name").strip():
            self._show_errors({"name": "A name is required."})
            self.query_one("#name", Input).focus()
            return
        self._saving = True
        self._save({field_id: self._value(field_id) for field_id, _, _ in FIELDS})

    @work(thread=True, exclusive=True, exit_on_error=False, group="capture-save")
    def _save(self, values: dict[str, str]) -> None:
        self._ready.wait()
        if self._load_error:
            self.app.call_from_thread(self._failed, {"general": self._load_error})
            return
        from netkeep.core import session
        from netkeep.core.capture import CaptureFields, build_input, split_emails, split_tags
        from netkeep.core.contacts import create_contact
        from netkeep.core.errors import NetkeepError, ValidationError

        fields = CaptureFields(
            name=values["name"],
            title=values["title"],
            company=values["company"],
            emails=split_emails(values["email"]),
            how_met=values["how_met"],
            met_at=values["met_at"],
            met_on=values["met_on"],
            introduced_by=values["introduced_by"],
            tags=split_tags(values["tags"]),
            note=values["note"],
            follow_up=values["follow_up"],
        )
        try:
            with session.connected():
                data = build_input(fields)
                contact_id = create_contact(data)
        except ValidationError as error:
            self.app.call_from_thread(self._failed, error.errors)
        except NetkeepError as error:
            self.app.call_from_thread(self._failed, {"general": str(error)})
        except Exception as error:  # a locked or broken database: say so, keep the form
            from netkeep.tui.workers import report_failure

            report_failure(self, "save the contact", error)
            self.app.call_from_thread(self._failed, {})
        else:
            self.saved = data
            self.app.call_from_thread(self.dismiss, contact_id)

    def _failed(self, errors: dict[str, str]) -> None:
        self._saving = False
        self._load_error = ""
        self._show_errors(errors)
        first = next((f for f, _, _ in FIELDS if f in errors), None)
        if first:
            self.query_one(f"#{first}", Input).focus()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self._show_errors(errors)

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each message on the line below its field (other messages at the end)."""
        self.query(".capture-error").remove()
        known = [field_id for field_id, _, _ in FIELDS]
        general = "; ".join(message for key, message in errors.items() if key not in known)
        form = self.query_one("#capture-form")
        for field_id in known:
            if errors.get(field_id):
                form.mount_all(
                    self._error_line(field_id, errors[field_id]), after=self.query_one(f"#{field_id}", Input)
                )
        if general:
            form.mount_all(self._error_line("general", general))

    @staticmethod
    def _error_line(field_id: str, message: str) -> list[Static]:
        """An empty label cell and the message under the field, both removed on the next save."""
        return [
            Static("", classes="capture-error"),
            Static(message, id=f"{field_id}-error", classes="capture-error", markup=False),
        ]


class CaptureApp(App[int | None]):
    """``netkeep capture``: the form alone; exits with the new contact's id (None if cancelled)."""

    TITLE = "netkeep capture"
    CSS_PATH = FORMS  # read with the app's own styles: the form then opens without a re-parse

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.saved = None
        self.form = CaptureScreen(prepare=self._open_database)

    def on_mount(self) -> None:
        self.push_screen(self.form, self._done)

    def on_ready(self) -> None:
        first_frame_shown()  # the capture command keeps the collector off until now

    def _open_database(self) -> None:
        from netkeep.core.session import open_at

        open_at(self.db_path)

    def _done(self, contact_id: int | None) -> None:
        self.saved = self.form.saved
        self.exit(contact_id)
