"""The "log meeting" modal: who, when, where, what was covered, advice and commitments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from netkeep.core import contacts
from netkeep.core.dates import parse_date
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.meetings import CommitmentInput, MeetingInput, at_local_date, log_meeting
from netkeep.core.records import MEETING_KINDS
from netkeep.tui.forms.base import FormScreen
from netkeep.tui.workers import in_worker, report_failure

_OWNER = re.compile(r"^\s*(me|them|they|i)\s*:\s*", re.IGNORECASE)
_DUE = re.compile(r"\s+by\s+(.+?)\s*$", re.IGNORECASE)


def parse_commitments(text: str) -> tuple[CommitmentInput, ...]:
    """One commitment per line; ``them:`` marks theirs, ``... by friday`` sets a due date."""
    items = []
    for line in text.splitlines():
        owner = "me"
        if match := _OWNER.match(line):
            owner = "them" if match[1].lower() in ("them", "they") else "me"
            line = line[match.end() :]
        due = None
        if match := _DUE.search(line):
            try:
                due = parse_date(match[1], prefer="future")
                line = line[: match.start()]
            except ValidationError:
                pass  # "by" was part of the sentence, not a date
        line = " ".join(line.split()).lstrip("-*• ")
        if line:
            items.append(CommitmentInput(line, owner, due))
    return tuple(items)


class MeetingForm(FormScreen[int]):
    """Log a meeting; dismisses with the new meeting's id, or None when cancelled."""

    DEFAULT_CSS = """
    MeetingForm { align: center middle; }
    MeetingForm #meeting-box {
        width: 90; max-width: 100%; height: 90%; border: round $primary;
        background: $surface; padding: 0 1;
    }
    MeetingForm .m-label { color: $text-muted; }
    MeetingForm TextArea { height: 3; }
    MeetingForm #m-error { color: $text-error; height: auto; }
    MeetingForm #m-buttons { height: auto; margin-top: 1; }
    MeetingForm #m-buttons Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="meeting.save", tooltip="Log this meeting"),
        Binding("escape", "cancel", "Cancel", id="meeting.cancel", tooltip="Close without saving"),
    ]

    @dataclass
    class NamesLoaded(Message):
        """Every contact's name, for completing "Who"."""

        names: list[str]

    def __init__(self, contact_id: int | None = None, contact_name: str = "") -> None:
        super().__init__()
        self.contact_id = contact_id
        self.contact_name = contact_name

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="meeting-box"):
            yield Label("Who (a contact's name)", classes="m-label")
            yield Input(self.contact_name, id="m-who", compact=True)
            yield Label("What kind", classes="m-label")
            yield Select(
                [(k, k) for k in MEETING_KINDS],
                value="informational interview",
                allow_blank=False,
                id="m-kind",
                compact=True,
            )
            yield Label("When", classes="m-label")
            yield Input(
                "today", id="m-when", compact=True, placeholder="today, yesterday, last friday, 4 Mar"
            )
            yield Label("Where", classes="m-label")
            yield Input("", id="m-where", compact=True, placeholder="a café, their office, a call")
            yield Label("Summary", classes="m-label")
            yield TextArea("", id="m-summary", compact=True, soft_wrap=True)
            yield Label("Points they covered (one per line)", classes="m-label")
            yield TextArea("", id="m-points", compact=True, soft_wrap=True)
            yield Label("Advice they gave (one per line)", classes="m-label")
            yield TextArea("", id="m-advice", compact=True, soft_wrap=True)
            yield Checkbox("They gave advice on my resume", False, id="m-resume", compact=True)
            yield Label(
                "Commitments (one per line; 'them: …' for theirs; '… by friday' for a due date)",
                classes="m-label",
            )
            yield TextArea("", id="m-commitments", compact=True, soft_wrap=True)
            yield Static("", id="m-error", markup=False)
            with Horizontal(id="m-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="m-save", classes="form-save")
                yield Button("Cancel (esc)", id="m-cancel", classes="form-cancel")

    def on_mount(self) -> None:
        self._load_names()
        box = self.query_one("#meeting-box")
        box.border_title = Text(
            f"Log a meeting with {self.contact_name}" if self.contact_name else "Log a meeting"
        )
        if self.contact_name:
            self.query_one("#m-kind", Select).focus()
        else:
            self.query_one("#m-who", Input).focus()

    @in_worker("load the contact names", group="meeting-form-names")
    def _load_names(self) -> NamesLoaded:
        return self.NamesLoaded(contacts.names_for_completion())

    @on(NamesLoaded)
    def _set_names(self, message: NamesLoaded) -> None:
        self.query_one("#m-who", Input).suggester = SuggestFromList(message.names, case_sensitive=False)

    def _who(self) -> int:
        name = self.query_one("#m-who", Input).value.strip()
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

    def action_save(self) -> None:
        error = self.query_one("#m-error", Static)
        try:
            try:
                day = parse_date(self.query_one("#m-when", Input).value or "today", prefer="past")
            except ValidationError as problem:
                raise ValidationError({"when": next(iter(problem.errors.values()))}) from None
            data = MeetingInput(
                contact_id=self._who(),
                kind=self.query_one("#m-kind", Select).value,
                occurred_at=at_local_date(day),
                location=self.query_one("#m-where", Input).value,
                summary=self.query_one("#m-summary", TextArea).text,
                points=self.query_one("#m-points", TextArea).text,
                advice=self.query_one("#m-advice", TextArea).text,
                resume_advice=self.query_one("#m-resume", Checkbox).value,
                commitments=parse_commitments(self.query_one("#m-commitments", TextArea).text),
            )
            meeting_id = log_meeting(data)
        except ValidationError as problem:
            error.update("\n".join(f"{key}: {message}" for key, message in problem.errors.items()))
            return
        except NetkeepError as problem:
            error.update(str(problem))
            return
        except Exception as problem:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "log the meeting", problem)
            return
        self.dismiss(meeting_id)
