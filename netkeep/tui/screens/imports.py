"""The import dialog: a file in a format → a preview → the import, with progress and a report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, ProgressBar, Select, Static

from netkeep.tui.keys import undo_hint
from netkeep.tui.messages import DataChanged
from netkeep.tui.screens.transfer import GROUP, TransferDialog, literal
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker

if TYPE_CHECKING:
    from netkeep.interop.dedupe import Plan

IMPORT_FORMATS = (
    ("LinkedIn connections (Connections.csv)", "linkedin"),
    ("vCard file or folder of .vcf files", "vcard"),
    ("Google Contacts CSV", "google"),
    ("Outlook contacts CSV", "outlook"),
    ("netkeep JSON backup (into an empty database)", "backup"),
)
ON_DUPLICATE = (
    ("Someone already there: fill in only what is empty", "fill"),
    ("Someone already there: fill in, and replace title and company", "update"),
    ("Someone already there: skip them", "skip"),
    ("Someone already there: add them again", "add"),
)


class ImportScreen(TransferDialog):
    """Bring contacts in, with a preview before anything is written."""

    FORM_TITLE = "Import contacts"
    BOX_CLASSES = "transfer-dialog tall"

    @dataclass
    class Planned(Message):
        plan: Plan | dict  # a loaded backup is a dict

    @dataclass
    class Finished(Message):
        text: str

    def __init__(self, kind: str = "linkedin", path: str = "") -> None:
        super().__init__()
        self.kind, self.path = kind, path
        self.plan: Plan | dict | None = None

    def fields(self) -> ComposeResult:
        yield Select(IMPORT_FORMATS, value=self.kind, allow_blank=False, id="format")
        yield TextInput(self.path, placeholder="path to the file (~ works)", id="path")
        yield Select(
            ON_DUPLICATE,
            value="fill",
            allow_blank=False,
            id="on-duplicate",
            tooltip="What to do with someone who is already in netkeep",
        )
        with VerticalScroll(classes="preview"):
            yield Static(id="preview-text", markup=False)
        yield ProgressBar(show_eta=False)
        yield Static(classes="status", markup=False)

    def buttons(self) -> ComposeResult:
        yield Button("Preview", id="preview", variant="primary", classes="form-save")
        yield Button("Import", id="import", variant="success", disabled=True)
        yield Button(self.CANCEL_LABEL, id="close", classes="form-cancel")

    def on_mount(self) -> None:
        self.query_one(".preview").display = False
        self.query_one(ProgressBar).display = False
        self.set_status("Choose the format and the file, then Preview (nothing is written yet).")

    def first_field(self) -> str:
        return "#path"

    def action_save(self) -> None:
        self.start_preview()

    def start_preview(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.set_status("Type the path of the file to import.", error=True)
            return
        self.kind, self.path = self.choice("#format"), path
        self.plan = None
        self.query_one("#import", Button).disabled = True
        self.set_status("Reading the file…")
        self.load(self.kind, path, self.choice("#on-duplicate"))

    @on(Select.Changed)
    def _changed(self) -> None:
        self.plan = None
        self.query_one("#import", Button).disabled = True

    @in_worker("read the file", group=GROUP)
    def load(self, kind: str, path: str, on_duplicate: str) -> Planned:
        if kind == "backup":
            from netkeep.interop import backup

            if not backup.is_empty():
                from netkeep.core.errors import NetkeepError

                raise NetkeepError(
                    "this database is not empty; a backup is restored only "
                    "into an empty one (start netkeep with --db NEW-FILE)"
                )
            plan: Plan | dict = backup.load(path)
        else:
            from netkeep.interop import dedupe
            from netkeep.interop.readers import read_file

            plan = dedupe.plan(read_file(kind, path), on_duplicate)
        return self.Planned(plan)

    @on(Planned)
    def show_plan(self, message: Planned) -> None:
        from netkeep.interop import report

        self.plan = message.plan
        button = self.query_one("#import", Button)
        if isinstance(self.plan, dict):
            counts = {name: len(t["rows"]) for name, t in self.plan["tables"].items()}
            lines = [
                f"The backup holds {counts.get('contact', 0)} contacts, "
                f"{counts.get('interaction', 0)} interactions and {sum(counts.values())} rows in all."
            ]
            button.label, button.disabled = "Restore", False
        else:
            plan = self.plan
            lines = report.preview_lines(plan)
            if plan.problems:
                lines += ["", "Unreadable records (left out if you import):", *report.problem_lines(plan)]
            writes = plan.count("add") + plan.count("update")
            button.label = f"Import the {writes} readable records" if plan.problems else "Import"
            button.disabled = writes == 0
        button.refresh(layout=True)
        self.query_one("#preview-text", Static).update(literal(lines))
        self.query_one(".preview").display = True
        self.set_status(
            "Nothing has been written yet." if not button.disabled else "There is nothing new to import."
        )
        if not button.disabled:
            button.focus()

    @on(Button.Pressed, "#import")
    def start_import(self) -> None:
        if self.plan is None or self.busy:
            return
        self.busy = True
        for widget in self.query(Button):
            widget.disabled = True
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.set_status("Importing…")
        self.apply(self.plan)

    @in_worker("import the contacts", group=GROUP)
    def apply(self, plan) -> Finished:
        if isinstance(plan, dict):
            from netkeep.interop import backup

            counts = backup.restore(plan, self.progress)
            text = f"Restored {counts.get('contact', 0)} contacts and {sum(counts.values())} rows."
        else:
            from netkeep.interop import dedupe, report

            self.result = dedupe.apply(plan, self.progress, file_name=Path(self.path).expanduser().name)
            text = f"{report.report_line(self.result)} (once closed: {undo_hint(self.app)} the whole import)"
        return self.Finished(text)

    @on(Finished)
    def finished(self, message: Finished) -> None:
        self.busy = False
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.set_status(message.text)
        self.query_one("#close", Button).disabled = False
        self.query_one("#close", Button).focus()
        self.app.post_message(DataChanged(None))

    def on_failure(self) -> None:
        for button_id in ("#preview", "#close"):
            self.query_one(button_id, Button).disabled = False
        self.query_one(ProgressBar).display = False
