"""Small forms for follow-ups: snooze, a reminder, a commitment, an intro.

Each is a :class:`FormScreen` of a few fields. Dates are checked here with the same core
rule the write uses (``schedule.upcoming_date``: today or later), so a bad date keeps
the form open with the reason under the field. Logging what happened (and marking an
item done) is the log form's work: forms/interaction.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from netkeep.core.errors import ValidationError
from netkeep.core.schedule import SNOOZE_CHOICES, upcoming_date
from netkeep.tui.forms.base import FieldRow, FormScreen, context_line
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.widgets.text_input import TextInput

WHEN_PLACEHOLDER = "friday, in 2 weeks, 4 Mar"


@dataclass(frozen=True)
class ReminderResult:
    due: date
    reason: str


@dataclass(frozen=True)
class CommitmentResult:
    text: str
    owner: str
    due: date | None


@dataclass(frozen=True)
class IntroResult:
    other: str
    reason: str


def _line(name: str, placeholder: str) -> Input:
    return TextInput(placeholder=placeholder, id=f"f-{name}", compact=True)


def _raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


class SnoozeForm(FormScreen[date]):
    """Pick 1 day, 1 week or type a date; dismisses with the new date."""

    FORM_TITLE = "Snooze until"
    BOX_CLASSES = "small-form"

    def __init__(self, item_text: str) -> None:
        super().__init__()
        self.item_text = item_text

    def fields(self) -> ComposeResult:
        yield context_line(self.item_text)
        choices = [Option(label, id=label) for label in SNOOZE_CHOICES]
        choices.append(Option("a date I type…", id="typed"))
        yield FieldRow("choice", "For", JKOptionList(*choices, id="choices"))
        yield FieldRow("until", "Or until", _line("until", "a date: friday, in 3 weeks, 4 Mar"))

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option_id is not None  # every choice has an id
        if event.option_id == "typed":
            self.query_one("#f-until", Input).focus()
            return
        self.dismiss(upcoming_date(SNOOZE_CHOICES[event.option_id]))

    def collect(self) -> date:
        text = self.value("until").strip()
        if not text:
            raise ValidationError({"until": "Type a date, or choose 1 day or 1 week."})
        return upcoming_date(text, field="until")


class ReminderForm(FormScreen[ReminderResult]):
    FORM_TITLE = "Remind me"
    BOX_CLASSES = "small-form"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield context_line(f"About {self.contact_name}")
        yield FieldRow("reason", "Why", _line("reason", "ask about the referral, send the article…"))
        yield FieldRow("due", "When", _line("due", WHEN_PLACEHOLDER))

    def collect(self) -> ReminderResult:
        errors = {}
        reason = self.value("reason").strip()
        if not reason:
            errors["reason"] = "Say what to remember."
        due = self.value("due").strip()
        day = None
        if not due:
            errors["due"] = "Say when (friday, in 2 weeks, 4 Mar)."
        else:
            try:
                day = upcoming_date(due, field="due")
            except ValidationError as error:
                errors.update(error.errors)
        _raise_if(errors)
        assert day is not None
        return ReminderResult(day, reason)


class CommitmentForm(FormScreen[CommitmentResult]):
    FORM_TITLE = "Commitment"
    BOX_CLASSES = "small-form"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield context_line(f"With {self.contact_name}")
        yield FieldRow("text", "What was promised", _line("text", "send the deck, an intro to Ann…"))
        yield FieldRow(
            "owner",
            "By whom",
            Select(
                [("I promised", "me"), ("they promised", "them")],
                value="me",
                allow_blank=False,
                id="f-owner",
                compact=True,
            ),
        )
        yield FieldRow("due", "Due (optional)", _line("due", WHEN_PLACEHOLDER))

    def collect(self) -> CommitmentResult:
        errors = {}
        text = self.value("text").strip()
        if not text:
            errors["text"] = "Say what was promised."
        due = self.value("due").strip()
        day = None
        if due:
            try:
                day = upcoming_date(due, field="due")
            except ValidationError as error:
                errors.update(error.errors)
        _raise_if(errors)
        return CommitmentResult(text, self.choice("#f-owner"), day)


class IntroForm(FormScreen[IntroResult]):
    FORM_TITLE = "Offer an intro"
    BOX_CLASSES = "small-form"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield context_line(f"Introduce {self.contact_name} to…")
        yield FieldRow("other", "Whom", _line("other", "a name; NAME @COMPANY or #ID if several match"))
        yield FieldRow("reason", "Why (optional)", _line("reason", "they both like Rust…"))

    def collect(self) -> IntroResult:
        other = self.value("other").strip()
        _raise_if({"other": "Whom should they meet?"} if not other else {})
        return IntroResult(other, self.value("reason").strip())
