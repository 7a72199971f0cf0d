"""Import, export and merge in the app: modal dialogs whose work runs in thread workers.

Import: choose a format and a file → preview (what will be added, updated, skipped, the
odd values kept as typed and the unreadable records) → confirm → progress → report.
Export: choose a format and a path → progress → done. Merge: pick two contacts → choose,
field by field, which value wins where they differ → merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    ProgressBar,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from netkeep.tui.messages import DataChanged
from netkeep.tui.workers import failure_text, in_worker

IMPORT_FORMATS = (
    ("LinkedIn connections (Connections.csv)", "linkedin"),
    ("vCard file or folder of .vcf files", "vcard"),
    ("Google Contacts CSV", "google"),
    ("Outlook contacts CSV", "outlook"),
    ("netkeep JSON backup (into an empty database)", "backup"),
)
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
ON_DUPLICATE = (
    ("Update the contact that is already there", "update"),
    ("Skip it", "skip"),
    ("Add it anyway", "add"),
)
CSS_PATH = Path(__file__).parent.parent / "styles" / "transfer.tcss"
GROUP = "transfer"


def _literal(lines: list[str] | str) -> Text:
    """User text shown exactly as written (no markup)."""
    return Text("\n".join(lines) if isinstance(lines, list) else lines)


class _Dialog(ModalScreen):
    """Shared parts: Esc closes unless work is running, errors show in the status line."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "close", "Close", id="transfer.close")]
    busy = False

    def set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one(".status", Static)
        status.update(_literal(text))
        status.set_class(error, "-error")

    def action_close(self) -> None:
        if self.busy:
            self.notify("Still working; this takes a moment.", severity="warning")
            return
        self.dismiss(getattr(self, "result", None))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The worker has reported the failure; keep its words in the status line, and let
        the person try again."""
        if event.state == WorkerState.ERROR and event.worker.group == GROUP:
            event.stop()
            self.busy = False
            if event.worker.error is not None:
                self.set_status(failure_text(event.worker.name, event.worker.error), error=True)
            self.on_failure()

    def on_failure(self) -> None:
        """Put the dialog back in a state where the person can try again."""

    def progress(self, done: int, total: int) -> None:
        """Progress from a worker thread, shown on the UI thread."""
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)


class ImportScreen(_Dialog):
    """Bring contacts in, with a preview before anything is written."""

    @dataclass
    class Planned(Message):
        plan: object  # dedupe.Plan, or a loaded backup (dict)

    @dataclass
    class Finished(Message):
        text: str

    def __init__(self, kind: str = "linkedin", path: str = "") -> None:
        super().__init__()
        self.kind, self.path = kind, path
        self.plan = None
        self.result = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="transfer-dialog"):
            yield Label("Import contacts", classes="title")
            yield Select(IMPORT_FORMATS, value=self.kind, allow_blank=False, id="format")
            yield Input(self.path, placeholder="path to the file (~ works)", id="path")
            yield Select(
                ON_DUPLICATE,
                value="update",
                allow_blank=False,
                id="on-duplicate",
                tooltip="What to do with someone who is already in netkeep",
            )
            with VerticalScroll(classes="preview"):
                yield Static(id="preview-text", markup=False)
            yield ProgressBar(show_eta=False)
            yield Static(classes="status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Preview", id="preview", variant="primary")
                yield Button("Import", id="import", variant="success", disabled=True)
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        self.query_one(".preview").display = False
        self.query_one(ProgressBar).display = False
        self.query_one("#path", Input).focus()
        self.set_status("Choose the format and the file, then Preview (nothing is written yet).")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#preview")
    def start_preview(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.set_status("Type the path of the file to import.", error=True)
            return
        self.kind = self.query_one("#format", Select).value
        self.plan = None
        self.query_one("#import", Button).disabled = True
        self.set_status("Reading the file…")
        self.load(self.kind, path, self.query_one("#on-duplicate", Select).value)

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
            plan = backup.load(path)
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
        self.query_one("#preview-text", Static).update(_literal(lines))
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

            self.result = dedupe.apply(plan, self.progress)
            text = report.report_line(self.result)
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

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()


class ExportScreen(_Dialog):
    """Write contacts (or the whole database) to a file."""

    @dataclass
    class Finished(Message):
        text: str

    def __init__(self, kind: str = "vcard-4.0", path: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.path = path or str(Path("~") / DEFAULT_NAMES[kind])
        self.result = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="transfer-dialog"):
            yield Label("Export", classes="title")
            yield Select(EXPORT_FORMATS, value=self.kind, allow_blank=False, id="format")
            yield Input(self.path, placeholder="where to write it", id="path")
            yield ProgressBar(show_eta=False)
            yield Static(classes="status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one("#path", Input).focus()
        self.set_status("A path ending in / for a vCard folder writes one card per file.")

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        if path.value.strip() in {str(Path("~") / name) for name in DEFAULT_NAMES.values()} | {""}:
            path.value = str(Path("~") / DEFAULT_NAMES[event.value])

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def start_export(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path or self.busy:
            self.set_status("Type where to write the export.", error=True)
            return
        kind = self.query_one("#format", Select).value
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
        return self.Finished(
            f"Wrote {count} {noun} to {path}{'/' if folder else ''}" + (f" ({note})" if note else "")
        )

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

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()


class PickContactScreen(_Dialog):
    """Type a name, choose the contact: returns its id."""

    @dataclass
    class Found(Message):
        matches: list

    def __init__(self, prompt: str, exclude: int | None = None) -> None:
        super().__init__()
        self.prompt, self.exclude = prompt, exclude

    def compose(self) -> ComposeResult:
        with Vertical(classes="transfer-dialog"):
            yield Label(_literal(self.prompt), classes="title")
            yield Input(placeholder="a name", id="name")
            yield OptionList(id="matches")
            yield Static(classes="status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Changed, "#name")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @in_worker("look up the contacts", group=GROUP)
    def search(self, text: str) -> Found:
        from netkeep.core.contacts import resolve

        return self.Found([m for m in resolve(text) if m[0] != self.exclude] if text.strip() else [])

    @on(Found)
    def _found(self, message: Found) -> None:
        options = self.query_one("#matches", OptionList)
        options.clear_options()
        options.add_options(
            Option(_literal(f"{name} — {company}" if company else name), id=str(cid))
            for cid, name, company in message.matches
        )
        if message.matches:
            options.highlighted = 0
        self.set_status(
            ""
            if message.matches or not self.query_one("#name", Input).value.strip()
            else "Nobody by that name."
        )

    @on(Input.Submitted, "#name")
    def _submitted(self) -> None:
        options = self.query_one("#matches", OptionList)
        if options.option_count:
            self.dismiss(int(options.get_option_at_index(options.highlighted or 0).id))

    @on(OptionList.OptionSelected, "#matches")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))


class MergeScreen(_Dialog):
    """Fold one contact into another, asking which value wins where they differ."""

    @dataclass
    class Loaded(Message):
        names: tuple[str, str]
        differences: list

    @dataclass
    class Merged(Message):
        contact_id: int

    def __init__(self, keep_id: int, other_id: int) -> None:
        super().__init__()
        self.keep_id, self.other_id = keep_id, other_id
        self.differences: list = []
        self.result = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="transfer-dialog"):
            yield Label("Merge contacts", classes="title", id="merge-title")
            yield Static(classes="hint", markup=False, id="merge-hint")
            yield VerticalScroll(classes="choices")
            yield Static(classes="status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Merge", id="merge", variant="warning", disabled=True)
                yield Button("Cancel", id="close")

    def on_mount(self) -> None:
        self.load()

    @in_worker("load the two contacts", group=GROUP)
    def load(self) -> Loaded:
        from netkeep.core.contacts import get_card
        from netkeep.core.merge import differences

        names = (get_card(self.keep_id).full_name, get_card(self.other_id).full_name)
        return self.Loaded(names, differences(self.keep_id, self.other_id))

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        keep, other = message.names
        self.differences = message.differences
        self.query_one("#merge-title", Label).update(_literal(f"Merge {other} into {keep}"))
        self.query_one("#merge-hint", Static).update(
            _literal(
                f"Timelines, reminders, commitments, emails, phones and tags of both are kept; "
                f"{other} is then removed."
            )
        )
        choices = self.query_one(".choices", VerticalScroll)
        widgets = []
        for difference in self.differences:
            buttons = [
                RadioButton(_literal(f"{keep}: {_short(difference.keep)}"), value=True),
                RadioButton(_literal(f"{other}: {_short(difference.other)}")),
            ]
            if difference.joinable:
                buttons.append(RadioButton("both, one after the other"))
            widgets += [
                Label(_literal(difference.label), classes="field-label"),
                RadioSet(*buttons, id=f"choice-{difference.field}"),
            ]
        if not widgets:
            widgets = [Static("They agree on every field that both have.")]
        await choices.mount_all(widgets)
        button = self.query_one("#merge", Button)
        button.disabled = False
        button.focus()

    def choices(self) -> dict[str, str]:
        picked = {}
        for difference in self.differences:
            index = self.query_one(f"#choice-{difference.field}", RadioSet).pressed_index
            picked[difference.field] = ("keep", "other", "both")[max(index, 0)]
        return picked

    @on(Button.Pressed, "#merge")
    def start_merge(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.query_one("#merge", Button).disabled = True
        self.set_status("Merging…")
        self.merge(self.choices())

    @in_worker("merge the contacts", group=GROUP)
    def merge(self, choices: dict[str, str]) -> Merged:
        from netkeep.core.merge import merge_contacts

        merge_contacts(self.keep_id, self.other_id, choices)
        return self.Merged(self.keep_id)

    @on(Merged)
    def _merged(self, message: Merged) -> None:
        self.busy = False
        self.result = message.contact_id
        self.app.post_message(DataChanged(None))  # the other contact is gone from every list
        self.dismiss(message.contact_id)

    def on_failure(self) -> None:
        self.query_one("#merge", Button).disabled = False

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()


def _short(value: str, width: int = 70) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def start_merge(app, keep_id: int | None = None) -> None:
    """Ask for the two contacts (the kept one first, unless given), then open the merge dialog."""

    def pick_other(keep: int | None) -> None:
        if keep is None:
            return

        def open_merge(other: int | None) -> None:
            if other is not None:
                app.push_screen(MergeScreen(keep, other))

        prompt = (
            "Merge which contact into it?"
            if keep_id is None
            else "Merge which contact into the selected contact?"
        )
        app.push_screen(PickContactScreen(prompt, exclude=keep), open_merge)

    if keep_id is None:
        app.push_screen(PickContactScreen("Merge contacts: which one do you keep?"), pick_other)
    else:
        pick_other(keep_id)
