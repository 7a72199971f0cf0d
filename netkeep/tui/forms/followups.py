"""Small keyboard forms for follow-ups: log, snooze, mark done, reminder, commitment, intro.

Each is a typed ``ModalScreen``: Enter saves (from any field), Esc cancels. Dates are
checked here with the same core rule the write uses, so a bad date keeps the form
open with the reason shown beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from netkeep.core.errors import ValidationError
from netkeep.core.records import INTERACTION_KINDS
from netkeep.core.schedule import SNOOZE_CHOICES, moment_of, upcoming_date

FORM_CSS = """
FollowupForm {
    align: center middle;
}
FollowupForm > Vertical {
    width: 72;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: round $primary;
    background: $panel;
    padding: 0 1;
}
FollowupForm Label {
    width: 100%;  /* long reminder texts wrap instead of being cut */
}
FollowupForm .form-error {
    color: $error;
    height: auto;
}
FollowupForm .form-hint {
    color: $text-muted;
}
FollowupForm Input, FollowupForm Select {
    margin-bottom: 0;
}
FollowupForm OptionList {
    height: auto;
    max-height: 6;
}
"""


@dataclass(frozen=True)
class LogResult:
    kind: str
    when: str
    summary: str
    closes_loop: bool = False


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


class FollowupForm(ModalScreen):
    """Base: a titled box, an error line, Enter submits, Esc cancels."""

    DEFAULT_CSS = FORM_CSS
    AUTO_FOCUS = "*"  # the first field, whatever the app's own AUTO_FOCUS names
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="followup_form.cancel"),
        Binding("ctrl+s", "submit", "Save", id="followup_form.save"),
    ]
    TITLE_TEXT = ""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.TITLE_TEXT
            yield from self.fields()
            yield Static("", classes="form-error", markup=False)
            yield Static("Enter saves · Esc cancels", classes="form-hint")

    def fields(self) -> ComposeResult:
        yield from ()

    def show_error(self, message: str) -> None:
        self.query_one(".form-error", Static).update(message)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        try:
            result = self.result()
        except ValidationError as error:
            self.show_error(str(error))
            return
        if result is not None:
            self.dismiss(result)

    def result(self):
        """The form's value (None keeps it open); raise ValidationError to show a problem."""
        raise NotImplementedError


def _kind_select(kind: str) -> Select:
    return Select([(k, k) for k in INTERACTION_KINDS], value=kind, allow_blank=False, id="kind")


class LogForm(FollowupForm):
    """Log an interaction with a contact (optionally closing a referral loop)."""

    TITLE_TEXT = "Log an interaction"

    def __init__(
        self, contact_name: str, *, kind: str = "message", summary: str = "", loop_about: str = ""
    ) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.kind = kind
        self.summary = summary
        self.loop_about = loop_about

    def fields(self) -> ComposeResult:
        yield Label(f"With {self.contact_name}", markup=False)
        yield Input(self.summary, placeholder="what happened", id="summary")
        yield _kind_select(self.kind)
        yield Input("today", placeholder="when (today, yesterday, last friday…)", id="when")
        if self.loop_about:
            yield Checkbox(f"Closes the loop about {self.loop_about}", value=True, id="closes-loop")

    def result(self) -> LogResult | None:
        summary = self.query_one("#summary", Input).value.strip()
        if not summary:
            raise ValidationError({"summary": "Say what happened."})
        when = self.query_one("#when", Input).value.strip() or "today"
        moment_of(when)
        closes = self.query("#closes-loop")
        return LogResult(
            self.query_one("#kind", Select).value,
            when,
            summary,
            bool(closes) and closes.first(Checkbox).value,
        )


class DoneForm(LogForm):
    """Mark an item done; what happened (optional) is logged in the same step."""

    TITLE_TEXT = "Mark done"

    def __init__(self, contact_name: str, item_text: str, *, kind: str = "message") -> None:
        super().__init__(contact_name, kind=kind)
        self.item_text = item_text

    def fields(self) -> ComposeResult:
        yield Label(f"{self.contact_name}: {self.item_text}", markup=False)
        yield Input(placeholder="what happened — logged too (leave empty to just mark it done)", id="summary")
        yield _kind_select(self.kind)
        yield Input("today", placeholder="when", id="when")

    def result(self) -> LogResult:
        if not self.query_one("#summary", Input).value.strip():
            return LogResult("", "", "")
        return super().result()


class SnoozeForm(FollowupForm):
    """Pick 1 day, 1 week or type a date; returns the new date."""

    TITLE_TEXT = "Snooze until"

    def __init__(self, item_text: str) -> None:
        super().__init__()
        self.item_text = item_text

    def fields(self) -> ComposeResult:
        yield Label(self.item_text, markup=False)
        choices = [Option(label, id=label) for label in SNOOZE_CHOICES]
        yield OptionList(*choices, Option("a date I type…", id="typed"), id="choices")
        yield Input(placeholder="a date: friday, in 3 weeks, 4 Mar", id="date")

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == "typed":
            self.query_one("#date", Input).focus()
            return
        self.dismiss(upcoming_date(SNOOZE_CHOICES[event.option_id]))

    def result(self) -> date | None:
        text = self.query_one("#date", Input).value.strip()
        if not text:
            self.query_one("#date", Input).focus()
            raise ValidationError({"until": "Type a date, or choose 1 day or 1 week."})
        return upcoming_date(text, field="until")


class ReminderForm(FollowupForm):
    TITLE_TEXT = "Remind me"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield Label(f"About {self.contact_name}", markup=False)
        yield Input(placeholder="why: ask about the referral, send the article…", id="reason")
        yield Input(placeholder="when: friday, in 2 weeks, 4 Mar", id="due")

    def result(self) -> ReminderResult:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            raise ValidationError({"reason": "Say what to remember."})
        due = self.query_one("#due", Input).value.strip()
        if not due:
            raise ValidationError({"due": "Say when (friday, in 2 weeks, 4 Mar)."})
        return ReminderResult(upcoming_date(due, field="due"), reason)


class CommitmentForm(FollowupForm):
    TITLE_TEXT = "Commitment"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield Label(f"With {self.contact_name}", markup=False)
        yield Input(placeholder="what was promised", id="text")
        yield Select(
            [("I promised", "me"), ("they promised", "them")], value="me", allow_blank=False, id="owner"
        )
        yield Input(placeholder="due (optional): friday, in 2 weeks", id="due")

    def result(self) -> CommitmentResult:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            raise ValidationError({"text": "Say what was promised."})
        due = self.query_one("#due", Input).value.strip()
        return CommitmentResult(
            text, self.query_one("#owner", Select).value, upcoming_date(due, field="due") if due else None
        )


class IntroForm(FollowupForm):
    TITLE_TEXT = "Offer an intro"

    def __init__(self, contact_name: str) -> None:
        super().__init__()
        self.contact_name = contact_name

    def fields(self) -> ComposeResult:
        yield Label(f"Introduce {self.contact_name} to…", markup=False)
        yield Input(placeholder="who (a name; NAME @COMPANY or #ID if several match)", id="other")
        yield Input(placeholder="why (optional)", id="reason")

    def result(self) -> IntroResult:
        other = self.query_one("#other", Input).value.strip()
        if not other:
            raise ValidationError({"other": "Whom should they meet?"})
        return IntroResult(other, self.query_one("#reason", Input).value.strip())
