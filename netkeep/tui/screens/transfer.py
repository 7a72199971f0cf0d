"""Import, export and merge in the app: modal dialogs whose work runs in thread workers.

Import (screens/imports.py): choose a format and a file → preview (what will be added,
updated, skipped, the odd values kept as typed and the unreadable records) → confirm →
progress → report. Export (screens/exports.py): choose a format and a path → progress →
done. Merge (screens/merge.py): pick two contacts → choose, field by field, which value
wins where they differ → merged. This module holds what the three dialogs share.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from netkeep.core.text import visible
from netkeep.tui.forms.base import FormScreen
from netkeep.tui.styles import FORMS, TRANSFER
from netkeep.tui.workers import failure_text

GROUP = "transfer"


def literal(lines: list[str] | str) -> Text:
    """User text shown exactly as written (no markup; escape codes as symbols)."""
    return Text(visible("\n".join(lines) if isinstance(lines, list) else lines))


class TransferDialog(FormScreen):
    """Shared parts: Esc closes unless work is running, errors show in the status line.

    A dialog composes its fields with a ``.status`` line; ``action_save`` (Enter in a
    field, ctrl+s, the ``.form-save`` button) starts its work.
    """

    CSS_PATH = [FORMS, TRANSFER]
    BOX_CLASSES = "transfer-dialog"
    CANCEL_LABEL = "Close"
    busy = False
    #: What the dialog is dismissed with when closed.
    result: object = None

    def set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one(".status", Static)
        status.update(literal(text))
        status.set_class(error, "-error")

    def show_error(self, message: str) -> None:
        if message:
            self.set_status(message, error=True)

    def action_cancel(self) -> None:
        if self.busy:
            self.notify("Still working; this takes a moment.", severity="warning")
            return
        self.dismiss(self.result)

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
