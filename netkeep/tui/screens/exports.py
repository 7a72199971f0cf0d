"""The export dialog: contacts (or the whole database) to a file, in a format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Input, ProgressBar, Select, Static

from netkeep.tui.screens.transfer import GROUP, TransferDialog
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker

EXPORT_FORMATS = (
    ("vCard 4.0 (one file)", "vcard-4.0"),
    ("vCard 3.0 (one file)", "vcard-3.0"),
    ("vCard folder, one card per file (khard, vdirsyncer)", "vdir"),
    ("CSV spreadsheet", "csv"),
    ("JSON backup of everything", "json"),
    ("Calendar of follow-ups (.ics)", "ics"),
)
DEFAULT_NAMES = {
    "vcard-4.0": "netkeep-contacts.vcf",
    "vcard-3.0": "netkeep-contacts.vcf",
    "vdir": "netkeep-contacts/",
    "csv": "netkeep-contacts.csv",
    "json": "netkeep-backup.json",
    "ics": "netkeep-follow-ups.ics",
}


class ExportScreen(TransferDialog):
    """Write contacts (or the whole database) to a file."""

    FORM_TITLE = "Export"

    @dataclass
    class Finished(Message):
        text: str

    def __init__(self, kind: str = "vcard-4.0", path: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.path = path or str(Path("~") / DEFAULT_NAMES[kind])

    def fields(self) -> ComposeResult:
        yield Select(EXPORT_FORMATS, value=self.kind, allow_blank=False, id="format")
        yield TextInput(self.path, placeholder="where to write it", id="path")
        yield ProgressBar(show_eta=False)
        yield Static(classes="status", markup=False)

    def buttons(self) -> ComposeResult:
        yield Button("Export", id="export", variant="primary", classes="form-save")
        yield Button(self.CANCEL_LABEL, id="close", classes="form-cancel")

    def first_field(self) -> str:
        return "#path"

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.set_status("A path ending in / for a vCard folder writes one card per file.")

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        if path.value.strip() in {str(Path("~") / name) for name in DEFAULT_NAMES.values()} | {""}:
            path.value = str(Path("~") / DEFAULT_NAMES[self.choice("#format")])

    def action_save(self) -> None:
        self.start_export()

    def start_export(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path or self.busy:
            self.set_status("Type where to write the export.", error=True)
            return
        kind = self.choice("#format")
        if kind == "vdir" and not path.endswith("/"):
            path += "/"
        self.busy = True
        self.query_one("#export", Button).disabled = True
        bar = self.query_one(ProgressBar)
        bar.update(total=None)
        bar.display = True
        self.set_status("Writing…")
        self.write(kind, path)

    @in_worker("write the export", group=GROUP)
    def write(self, kind: str, typed: str) -> Finished:
        from netkeep.interop.writer import export_to_path

        fmt, version = (
            ("vcard", kind.split("-")[1])
            if kind.startswith("vcard-")
            else (("vcard", "4.0") if kind == "vdir" else (kind, "4.0"))
        )
        count, path, folder, note = export_to_path(fmt, typed, version)
        self.result = str(path)
        noun = "events" if fmt == "ics" else ("cards" if folder else "contacts")
        done = f"Wrote {count} {noun} to {path}{'/' if folder else ''}"
        return self.Finished(f"{done} ({note})" if note else done)

    @on(Finished)
    def finished(self, message: Finished) -> None:
        self.busy = False
        self.query_one(ProgressBar).update(total=1, progress=1)
        self.set_status(message.text)
        self.query_one("#export", Button).disabled = False
        self.query_one("#close", Button).focus()

    def on_failure(self) -> None:
        self.query_one("#export", Button).disabled = False
        self.query_one(ProgressBar).display = False
