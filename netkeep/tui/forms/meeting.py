"""The "log meeting" form: the log form (forms/interaction.py) with whom, where, the points
covered, advice and commitments."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input

from netkeep.core import contacts
from netkeep.core.errors import ValidationError
from netkeep.core.meetings import MeetingInput, log_meeting, parse_commitments
from netkeep.core.records import MEETING_KINDS
from netkeep.tui.forms.base import FieldRow
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.widgets.text_input import TextEditor, TextInput
from netkeep.tui.workers import in_worker


class MeetingForm(InteractionForm):
    """Log a meeting: the log form's fields with whom, where, the points covered, advice
    and commitments; dismisses with the new meeting's id, or None when cancelled."""

    BOX_CLASSES = ""  # a tall form: the box takes most of the screen and scrolls
    KINDS = MEETING_KINDS
    SUMMARY_REQUIRED = False
    SUMMARY_PLACEHOLDER = "in a line; the points, advice and commitments go below"
    FIELD_ALIASES = {"location": "where", "resume_advice": "resume"}

    @dataclass
    class NamesLoaded(Message):
        """Every contact's name, for completing "Who"."""

        names: list[str]

    def __init__(self, contact_id: int | None = None, contact_name: str = "") -> None:
        super().__init__(contact_name, log_meeting, kind="informational interview")
        self.contact_id = contact_id

    def form_title(self) -> str | Text:
        return Text(f"Log a meeting with {self.contact_name}" if self.contact_name else "Log a meeting")

    def fields(self) -> ComposeResult:
        yield FieldRow(
            "who", "Who (a contact's name)", TextInput(self.contact_name, id="f-who", compact=True)
        )
        yield from self.shared_fields()
        yield FieldRow(
            "where",
            "Where",
            TextInput("", id="f-where", compact=True, placeholder="a café, their office, a call"),
        )
        yield FieldRow(
            "points",
            "Points they covered (one per line)",
            TextEditor("", id="f-points", compact=True, soft_wrap=True),
        )
        yield FieldRow(
            "advice",
            "Advice they gave (one per line)",
            TextEditor("", id="f-advice", compact=True, soft_wrap=True),
        )
        yield FieldRow(
            "resume", "Resume", Checkbox("They gave advice on my resume", False, id="f-resume", compact=True)
        )
        yield FieldRow(
            "commitments",
            "Commitments (one per line; 'them: …' for theirs; '… by friday' for a due date)",
            TextEditor("", id="f-commitments", compact=True, soft_wrap=True),
        )

    def first_field(self) -> str:
        return "#f-summary" if self.contact_name else "#f-who"

    def on_mount(self) -> None:
        self._load_names()

    @in_worker("load the contact names", group="meeting-form-names")
    def _load_names(self) -> NamesLoaded:
        return self.NamesLoaded(contacts.names_for_completion())

    @on(NamesLoaded)
    def _set_names(self, message: NamesLoaded) -> None:
        self.query_one("#f-who", Input).suggester = SuggestFromList(message.names, case_sensitive=False)

    def _who(self) -> int:
        name = self.value("who").strip()
        if self.contact_id is not None and name == self.contact_name:
            return self.contact_id
        found = contacts.resolve(name)
        if not name:
            raise ValidationError({"who": "Whom did you meet? Type a contact's name."})
        if not found:
            raise ValidationError({"who": f"No contact is called '{name}'; add them first."})
        if len(found) > 1 and found[0][1].casefold() != name.casefold():
            options = ", ".join(n for _, n, _ in found[:4])
            raise ValidationError({"who": f"'{name}' could be {options}: type the full name."})
        return found[0][0]

    def collect(self) -> MeetingInput:  # type: ignore[override]  # a meeting, not a Logged
        errors: dict[str, str] = {}
        contact_id = summary = kind = when = None
        try:
            contact_id = self._who()
        except ValidationError as error:
            errors.update(error.errors)
        try:
            summary, kind, when = self.what_happened()
        except ValidationError as error:
            errors.update(error.errors)
        if errors or contact_id is None or summary is None or kind is None:
            raise ValidationError(errors)
        return MeetingInput(
            contact_id=contact_id,
            kind=kind,
            occurred_at=when,
            location=self.value("where"),
            summary=summary,
            points=self.value("points"),
            advice=self.value("advice"),
            resume_advice=self.query_one("#f-resume", Checkbox).value,
            commitments=parse_commitments(self.value("commitments")),
        )
