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
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from netkeep.core.text import text_problem, visible
from netkeep.tui.forms.base import FormScreen
from netkeep.tui.startup import first_frame_shown
from netkeep.tui.styles import FORMS
from netkeep.tui.terminal import TerminalSafeApp
from netkeep.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from netkeep.core.records import ContactInput

#: (field id, label, placeholder) in the order Tab visits them: the order people fill a card.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "a name, or all in one line: Jane Doe @Acme #alumni !PyCon >2w"),
    ("company", "Company", ""),
    ("met_at", "Where met", "an event or a place"),
    ("tags", "Tags", "alumni python …"),
    ("follow_up", "Follow up", "2w, friday, next month, 4 Mar"),
    ("title", "Title", ""),
    ("email", "Email", "one or more, separated by spaces"),
    ("phone", "Phone", "+1-415-555-0101"),
    ("type", "Type", "peer (or alumni, company, recruiter, mentor, friend, faculty, other)"),
    ("how_met", "How met", "career fair, conference, … (default: the event)"),
    ("met_on", "Met on", "today (or: yesterday, last friday, 4 Mar)"),
    ("introduced_by", "Introduced by", "a contact's name (→ completes)"),
    ("note", "Note", ""),
    # An Input, not a Checkbox: a new widget type costs its CSS at start-up (~25 ms here).
    ("job_search", "Job search", "y: part of my job search"),
)
#: The longest preview line shown under the name (it wraps over at most three lines).
PREVIEW_MAX = 200


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
        #: Fields the one-line name filled in (cleared again when the line stops setting them).
        self._filled: set[str] = set()
        #: Save even if they look like someone already here ("new person anyway").
        self._new_anyway = False
        #: What was saved (a ``ContactInput``), for the confirmation line.
        self.saved: ContactInput | None = None

    def compose(self) -> ComposeResult:
        # Few widgets on purpose (a grid, no row containers, error lines mounted only when
        # needed): this form is on screen in about the time of a bare one-Input app.
        with Vertical(id="capture-form") as form:
            form.border_title = "Quick capture"
            form.border_subtitle = "enter save · esc cancel · tab next · → accept suggestion"
            for field_id, label, placeholder in FIELDS:
                yield Label(label, markup=False)
                yield TextInput(placeholder=placeholder, id=field_id, compact=True)

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

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        self._read_line(event.value)

    def _read_line(self, text: str):
        """Fill the form from a one-line name (and show what will be saved under it);
        the parsed fields, or None when the name is only a name."""
        if not text.strip():  # as at mount: nothing to read, nothing to import before first paint
            self._fill({})
            self._show_preview("")
            return None
        from netkeep.core.capture_syntax import form_values, is_one_line, parse_line
        from netkeep.core.errors import ValidationError

        problem = text_problem(text)
        if problem:  # said as it is typed (bytes from a terminal set to another encoding)
            self._show_preview(problem, error=True)
            return None
        if not is_one_line(text):
            self._fill({})
            self._show_preview("")
            return None
        try:
            fields = parse_line(text)
        except ValidationError as error:
            self._show_preview(str(error), error=True)
            return None
        self._fill(form_values(fields))
        self._show_preview(_preview(fields))
        return fields

    def _fill(self, values: dict[str, str]) -> None:
        for field_id in self._filled - values.keys():
            self.query_one(f"#{field_id}", Input).value = ""
        for field_id, value in values.items():
            self.query_one(f"#{field_id}", Input).value = value
        self._filled = set(values)

    def _show_preview(self, text: str, *, error: bool = False) -> None:
        found = self.query("#preview")
        if not text:
            self.query(".capture-preview").remove()
            return
        if not found:
            self.query_one("#capture-form").mount_all(
                [
                    Static("", classes="capture-preview"),
                    Static("", id="preview", classes="capture-preview", markup=False),
                ],
                after=self.query_one("#name", Input),
            )
        if len(text) > PREVIEW_MAX:  # a pasted essay: the start of it is enough
            text = text[: PREVIEW_MAX - 1] + "…"
        preview = self.query_one("#preview", Static)
        preview.update(visible(text if error else f"→ {text}"))
        preview.set_class(error, "capture-error")

    def action_save(self) -> None:
        if self._saving:
            return
        self._show_errors({})
        line = self._value("name")
        if not line.strip():
            self._show_errors({"name": "A name is required."})
            self.query_one("#name", Input).focus()
            return
        parsed = self._read_line(line)  # the line as it is now, even if typed in a burst
        if parsed is None and self.query("#preview.capture-error"):
            self._show_errors({"name": str(self.query_one("#preview", Static).render())})
            self.query_one("#name", Input).focus()
            return
        values = {field_id: self._value(field_id) for field_id, _, _ in FIELDS}
        if parsed is not None:
            values["name"], values["title"] = parsed.name, values["title"] or parsed.title
        self._saving = True
        self._save(values)

    @work(thread=True, exclusive=True, exit_on_error=False, group="capture-save")
    def _save(self, values: dict[str, str]) -> None:
        self._ready.wait()
        if self._load_error:
            self.app.call_from_thread(self._failed, {"general": self._load_error})
            return
        from netkeep.core import session
        from netkeep.core.capture import build_input
        from netkeep.core.capture_syntax import CaptureFields, split_emails, split_tags
        from netkeep.core.contacts import create_contact
        from netkeep.core.duplicates import likely_duplicates
        from netkeep.core.errors import NetkeepError, ValidationError

        fields = CaptureFields(
            name=values["name"],
            title=values["title"],
            company=values["company"],
            emails=split_emails(values["email"]),
            phones=tuple(p.strip() for p in values["phone"].replace(";", ",").split(",") if p.strip()),
            contact_type=values["type"],
            how_met=values["how_met"],
            met_at=values["met_at"],
            met_on=values["met_on"],
            introduced_by=values["introduced_by"],
            tags=split_tags(values["tags"]),
            note=values["note"],
            follow_up=values["follow_up"],
            job_search=values["job_search"].strip().casefold() in ("y", "yes", "x", "true"),
        )
        try:
            with session.connected():
                data = build_input(fields)
                matches = [] if self._new_anyway else likely_duplicates(data)
                contact_id = None if matches else create_contact(data)
        except ValidationError as error:
            self.app.call_from_thread(self._failed, error.errors)
        except NetkeepError as error:
            self.app.call_from_thread(self._failed, {"general": str(error)})
        except Exception as error:  # a locked or broken database: say so, keep the form
            from netkeep.tui.workers import failure_reason

            self.app.call_from_thread(self._failed, {"general": f"Not saved: {failure_reason(error)}"})
        else:
            if matches:
                self.app.call_from_thread(self._ask_who, matches, data)
                return
            self.saved = data
            self.app.call_from_thread(self.dismiss, contact_id)

    def _ask_who(self, matches: list, data) -> None:
        """They may already be here: show who, and offer to open them, add to them, or save anew."""
        from netkeep.tui.capture_duplicates import DuplicateChoice

        self._saving = False
        self.query("DuplicateChoice").remove()
        self.query_one("#capture-form").mount(DuplicateChoice(matches, data))

    def on_duplicate_choice_chosen(self, message) -> None:
        """``open``: show the existing contact; ``add``: add what was typed to them; ``new``: save."""
        message.stop()
        if message.choice == "new":
            self._new_anyway = True
            self.query("DuplicateChoice").remove()
            self.action_save()
        elif message.choice == "open":
            self.dismiss(message.match.id)
        else:
            self._add_to(message.match, message.data)

    @work(thread=True, exclusive=True, exit_on_error=False, group="capture-save")
    def _add_to(self, match, data) -> None:
        from dataclasses import replace

        from netkeep.core import session
        from netkeep.core.duplicates import add_to
        from netkeep.core.errors import NetkeepError

        try:
            with session.connected():
                add_to(match.id, data)
        except NetkeepError as error:
            self.app.call_from_thread(self._failed, {"general": str(error)})
        except Exception as error:  # a locked or broken database: say so, keep the form
            from netkeep.tui.workers import failure_reason

            self.app.call_from_thread(self._failed, {"general": f"Not saved: {failure_reason(error)}"})
        else:
            self.saved = replace(data, full_name=match.name)
            self.app.call_from_thread(self.dismiss, match.id)

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


def _preview(fields) -> str:
    """The preview line, with the dates as the days they will be (when they read as dates)."""
    from dataclasses import replace

    from netkeep.core.capture_syntax import preview
    from netkeep.core.dates import format_date, parse_date
    from netkeep.core.errors import ValidationError

    days = {}
    for name, prefer in (("met_on", "past"), ("follow_up", "future")):
        text = getattr(fields, name)
        if text:
            try:
                days[name] = format_date(parse_date(text, prefer=prefer))
            except ValidationError:
                days[name] = f"{text} (not a date)"
    return preview(replace(fields, **days))


class CaptureApp(TerminalSafeApp):
    """``netkeep capture``: the form alone; exits with the new contact's id (None if cancelled)."""

    TITLE = "netkeep capture"
    CSS_PATH = FORMS  # read with the app's own styles: the form then opens without a re-parse

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.saved: ContactInput | None = None
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
