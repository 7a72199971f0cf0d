"""The "log meeting" form: the log form (forms/interaction.py) with whom, where, the points
covered, advice and commitments."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox

from netkeep.core.errors import ValidationError
from netkeep.core.meetings import MeetingInput, log_meeting, parse_commitments
from netkeep.core.records import MEETING_KINDS
from netkeep.tui.forms.base import FieldRow
from netkeep.tui.forms.interaction import InteractionForm
from netkeep.tui.widgets.text_input import TextEditor, TextInput


class MeetingForm(InteractionForm):
    """Log a meeting: the log form's fields with whom, where, the points covered, advice
    and commitments; dismisses with the new meeting's id, or None when cancelled."""

    BOX_CLASSES = ""  # a tall form: the box takes most of the screen and scrolls
    KINDS = MEETING_KINDS
    SUMMARY_REQUIRED = False
    SUMMARY_PLACEHOLDER = "in a line; the points, advice and commitments go below"
    FIELD_ALIASES: ClassVar[dict[str, str]] = {
        "contacts": "who",
        "location": "where",
        "resume_advice": "resume",
    }

    def __init__(self, contact_id: int | None = None, contact_name: str = "") -> None:
        super().__init__(contact_name, log_meeting, contact_id=contact_id, kind="informational interview")

    def form_title(self) -> str | Text:
        return Text(f"Log a meeting with {self.contact_name}" if self.contact_name else "Log a meeting")

    def fields(self) -> ComposeResult:
        yield self.who_field()
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

    def collect(self) -> MeetingInput:  # type: ignore[override]  # a meeting, not a Logged
        errors: dict[str, str] = {}
        people: tuple[int, ...] = ()
        summary = kind = when = None
        try:
            people = self.people()
        except ValidationError as error:
            errors.update(error.errors)
        try:
            summary, kind, when = self.what_happened()
        except ValidationError as error:
            errors.update(error.errors)
        if errors or not people or summary is None or kind is None:
            raise ValidationError(errors)
        return MeetingInput(
            contact_id=people[0],
            with_ids=people[1:],
            kind=kind,
            occurred_at=when,
            location=self.value("where"),
            summary=summary,
            points=self.value("points"),
            advice=self.value("advice"),
            resume_advice=self.query_one("#f-resume", Checkbox).value,
            commitments=parse_commitments(self.value("commitments")),
        )
