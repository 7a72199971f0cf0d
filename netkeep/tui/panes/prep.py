"""The prep pane: a brief for meeting someone again, a next step to propose, a Markdown export."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from netkeep.core import prep
from netkeep.core.commitments import CommitmentRecord
from netkeep.core.dates import format_date
from netkeep.core.errors import NetkeepError
from netkeep.tui.forms.path import PathPrompt
from netkeep.tui.panes.meetings import MeetingPane
from netkeep.tui.terminal import shown
from netkeep.tui.widgets.jk import JKScroll
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker, report_failure


def _commitment(item: CommitmentRecord) -> str:
    return f"  □ {item.text}" + (f"  (due {format_date(item.due_on)})" if item.due_on else "")


def brief_text(brief: prep.PrepBrief) -> Text:
    """The brief as plain styled text (user text shown exactly as typed, escape codes as symbols)."""
    text = Text()
    if brief.headline:
        text.append(brief.headline + "\n", style="italic")
    if brief.last is None:
        text.append("You have not logged a meeting with them yet (press m to log one).\n")
    else:
        where = f" at {brief.last.location}" if brief.last.location else ""
        count = f"{brief.meetings} meeting{'s' if brief.meetings != 1 else ''} so far"
        text.append(f"Last met: {brief.last.kind}, {format_date(brief.last.occurred_at)}{where} ({count})\n")
    sections = (
        ("Start from what you learned last time", [f"  • {i}" for i in brief.learned]),
        ("Already covered: bring something fresh", [f"  • {i}" for i in brief.covered]),
        ("What I promised", [_commitment(c) for c in brief.mine]),
        ("What they promised", [_commitment(c) for c in brief.theirs]),
        ("What they need (how can you help?)", [f"  {brief.needs.strip()}"] if brief.needs.strip() else []),
    )
    for title, lines in sections:
        text.append(f"\n{title}\n", style="bold")
        text.append("\n".join(lines) if lines else "  (nothing noted)", style="" if lines else "dim")
        text.append("\n")
    text.append("\nNext step I will propose", style="bold")
    return shown(text)


class PrepPane(MeetingPane):
    """Get ready to meet the contact again."""

    BORDER_TITLE = "Prep"
    LOADS = "the prep brief"
    BINDINGS = [
        Binding(
            "ctrl+s", "export", "Export .md", id="prep.export", tooltip="Save the brief as a Markdown file"
        ),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.brief: prep.PrepBrief | None = None
        #: The next step last kept as a commitment (it stays in its field for the export).
        self._kept = ""

    def compose(self) -> ComposeResult:
        yield self.empty()
        with JKScroll(id="prep-scroll"):
            yield Static("", id="prep-brief", markup=False)
            yield TextInput(
                "",
                id="prep-next",
                compact=True,
                placeholder="The next step you will propose (Enter keeps it as your commitment)",
            )

    def focus_home(self) -> None:
        if self.brief is not None:
            self.query_one("#prep-scroll").focus()  # read the brief; tab goes to the next step
        else:
            super().focus_home()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return self.brief is not None
        return super().check_action(action, parameters)

    def fetch(self, contact_id: int, meeting_id: int | None) -> prep.PrepBrief:
        return prep.build_brief(contact_id)

    def show(self, data: prep.PrepBrief | None) -> None:
        self.brief = data
        self.query_one(".meeting-empty").display = data is None
        self.query_one("#prep-scroll").display = data is not None
        if data is not None:
            self.query_one("#prep-brief", Static).update(brief_text(data))

    def show_contact(self, contact_id: int | None) -> None:
        if contact_id != self.contact_id:  # another person: their next step is still to write
            self.query_one("#prep-next", Input).value = ""
            self._kept = ""
        super().show_contact(contact_id)

    @on(Input.Submitted, "#prep-next")
    def _next_step(self, event: Input.Submitted) -> None:
        event.stop()
        if self.contact_id is None or not event.value.strip():
            return
        if event.value.strip() == self._kept:
            self.notify("Already kept as your commitment.")
            return
        try:
            prep.save_next_step(self.contact_id, event.value)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "keep the next step", error)
            return
        self._kept = event.value.strip()  # it stays in the field: ctrl+s exports it as the next step
        self.notify("Kept as your commitment: it shows under 'What I promised'.")
        self.changed()
        self.reload()

    def action_export(self) -> None:
        if self.contact_id is None:
            return
        contact_id = self.contact_id
        next_step = self.query_one("#prep-next", Input).value

        def chosen(path: str | None) -> None:
            if path:
                self._export(contact_id, path, next_step)

        self.app.push_screen(PathPrompt("Export the prep brief as Markdown", str(Path.cwd())), chosen)

    @in_worker("export the prep brief", group="prep-export")
    def _export(self, contact_id: int, path: str, next_step: str) -> None:
        written = prep.export_markdown(contact_id, path, next_step)
        self.app.call_from_thread(self.notify, f"Saved {written}", markup=False)
