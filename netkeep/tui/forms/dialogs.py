"""Small modals: log an interaction, confirm a destructive step."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from netkeep.core.dates import parse_date
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.records import INTERACTION_KINDS, InteractionInput
from netkeep.tui.forms.base import FormScreen
from netkeep.tui.forms.contact import FieldRow
from netkeep.tui.workers import report_failure

DIRECTIONS = [("—", ""), ("they reached out (in)", "in"), ("I reached out (out)", "out")]


def occurred_at(text: str):
    """When an interaction happened: now for today, else midday (local) of the typed date."""
    import pendulum

    day = parse_date(text or "today", prefer="past")
    if day == pendulum.today().date():
        return pendulum.now("UTC")
    return pendulum.datetime(day.year, day.month, day.day, 12, tz=pendulum.local_timezone()).in_timezone(
        "UTC"
    )


class LogInteractionForm(FormScreen[int]):
    """Log a conversation, message or note with one contact; dismisses with the new id."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="log.cancel"),
        Binding("ctrl+s", "save", "Save", id="log.save"),
    ]

    def __init__(self, contact_id: int, name: str, save: Callable[[InteractionInput], int]) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.contact_name = name
        self.save_interaction = save

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="small-form"):
            yield FieldRow(
                "kind",
                "Kind",
                Select(
                    [(k, k) for k in INTERACTION_KINDS],
                    value="coffee",
                    allow_blank=False,
                    id="f-kind",
                    compact=True,
                ),
            )
            yield FieldRow(
                "when",
                "When",
                Input("today", id="f-when", compact=True, placeholder="today, yesterday, last friday, 4 Mar"),
            )
            yield FieldRow(
                "direction",
                "Direction",
                Select(DIRECTIONS, value="", allow_blank=False, id="f-direction", compact=True),
            )
            yield FieldRow(
                "summary", "What happened", TextArea("", id="f-summary", compact=True, soft_wrap=True)
            )
            yield FieldRow(
                "reply_owed", "Reply", Checkbox("I owe them a reply", False, id="f-reply_owed", compact=True)
            )
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", classes="form-save")
                yield Button("Cancel (esc)", id="cancel", classes="form-cancel")

    def on_mount(self) -> None:
        self.query_one("#form-box").border_title = Text(f"Log with {self.contact_name}")
        self.query_one("#f-summary", TextArea).focus()

    def action_save(self) -> None:
        for row in self.query(FieldRow):
            row.set_error("")
        try:
            try:
                when = occurred_at(self.query_one("#f-when", Input).value)
            except ValidationError as error:
                raise ValidationError({"when": next(iter(error.errors.values()))}) from None
            data = InteractionInput(
                contact_ids=(self.contact_id,),
                kind=self.query_one("#f-kind", Select).value,
                summary=self.query_one("#f-summary", TextArea).text,
                occurred_at=when,
                direction=self.query_one("#f-direction", Select).value,
                reply_owed=self.query_one("#f-reply_owed", Checkbox).value,
            )
            interaction_id = self.save_interaction(data)
        except ValidationError as error:
            unplaced = []
            for key, message in error.errors.items():
                rows = self.query(f"#row-{key}")
                if rows:
                    rows.first(FieldRow).set_error(message)
                else:
                    unplaced.append(message)
            self.query_one("#form-error", Static).update("\n".join(unplaced))
            return
        except NetkeepError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "log the interaction", error)
            return
        self.dismiss(interaction_id)


class ConfirmScreen(ModalScreen[bool]):
    """Ask before something that cannot be undone; y confirms, n or Esc keeps everything."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen #confirm-box {
        width: 64;
        max-width: 100%;
        height: auto;
        border: round $error;
        background: $surface;
        padding: 1 2;
    }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", show=False, id="confirm.cancel"),
    ]

    def __init__(self, question: str, confirm_label: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self.question), id="question")  # wraps (a Label would be cut)
            with Horizontal(id="form-buttons"):
                yield Button(f"{self.confirm_label} (y)", variant="error", id="yes")
                yield Button("Keep (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
