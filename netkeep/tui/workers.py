"""One way to report a failed background load: a friendly notification, never a traceback."""

from __future__ import annotations

from textual.worker import Worker, WorkerState

from netkeep.core.errors import NetkeepError


def failure_message(error: BaseException | None) -> str:
    """What to tell a person about a worker that failed."""
    if isinstance(error, NetkeepError):
        return str(error)
    return f"Something went wrong while loading ({type(error).__name__}: {error})."


class ReportsWorkerErrors:
    """Mix into a widget (or the app) whose ``@work`` workers use ``exit_on_error=False``.

    Worker state messages do not bubble, so each widget that runs workers carries this
    single handler.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(failure_message(event.worker.error), title="netkeep", severity="error", markup=False)
