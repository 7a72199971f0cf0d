"""The one worker pattern: work in a thread, post the result, report a failure.

``@in_worker("load the agenda", group="today")`` makes a widget method its background job.
The method runs in a thread worker inside ``session.connected()``; a newer call in the
same group replaces an older one (``exclusive``), and a failure never exits the app
(``exit_on_error=False``). If the method returns a ``Message``, it is posted to the widget
and an ``@on`` handler shows it on the UI thread. If it raises, :func:`report_failure`
shows one error notification, "Could not load the agenda: <reason>" — the only wording
netkeep uses for a failed load or background save — unless a newer call has replaced it.

A storage failure a first frame cannot do without ends the app instead, with one line on
stderr (:func:`end_at_startup`).

This module imports only Textual and the domain's light modules (errors, text): the
database session is imported in the worker thread, so the capture path can use the
reporting function too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, get_current_worker

from netkeep.core.errors import NetkeepError
from netkeep.core.text import visible

#: Longest reason shown for an unexpected error (its first line, cut with an ellipsis).
REASON_WIDTH = 120


def failure_reason(error: BaseException) -> str:
    """Why it failed, in one short line: a NetkeepError's message as it is, a storage
    failure's cause ("the disk is full"), else the exception's first line and its type
    (never a traceback)."""
    if isinstance(error, NetkeepError):
        return str(error)
    from netkeep.core.session import storage_error  # peewee is loaded once anything failed

    failure = storage_error(error)
    if failure is not None:
        return failure.cause
    kind = type(error).__name__
    line = next((part.strip() for part in str(error).splitlines() if part.strip()), "")
    if len(line) > REASON_WIDTH:
        line = line[: REASON_WIDTH - 1] + "…"
    return f"{line} ({kind})" if line else kind


def failure_text(task: str, error: BaseException) -> str:
    """``Could not load the agenda: database is locked (OperationalError)``."""
    return f"Could not {task}: {failure_reason(error)}"


def end_at_startup(node: DOMNode, error: Exception) -> None:
    """A read the first frame needs failed: a storage failure ends the app with one line on
    stderr and exit status 1 (anything else is a bug, and raised)."""
    from netkeep.core.session import storage_error

    failure = storage_error(error)
    if failure is None:
        raise error
    node.app.exit(return_code=1, message=Text(f"netkeep: {visible(str(failure))}"))


def report_failure(node: DOMNode, task: str, error: BaseException) -> None:
    """Show that ``task`` (``"load the agenda"``) failed: one error notification.

    Safe to call from a worker thread (``App.notify`` only posts a message to the app).
    """
    node.app.notify(failure_text(task, error), severity="error", markup=False)


def in_worker(
    task: str | Callable[[Any], str], *, group: str
) -> Callable[[Callable[..., Any]], Callable[..., Worker[Any]]]:
    """Decorate a widget method: run it as the ``group`` thread worker (see the module).

    ``task`` names what the method does for the failure message (``"load the timeline"``),
    or is a function of the widget returning that (for a method shared by subclasses). A
    named task is also the worker's name (in Textual's worker log, and for a dialog that
    repeats the message in its status line).
    """

    def decorate(method: Callable[..., Any]) -> Callable[..., Worker[Any]]:
        @functools.wraps(method)
        def run(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            from netkeep.core import session

            try:
                with session.connected():
                    result = method(self, *args, **kwargs)
            except Exception as error:
                if not get_current_worker().is_cancelled:  # else a newer call replaced this one
                    report_failure(self, task(self) if callable(task) else task, error)
                raise  # the worker ends in the ERROR state, as Textual reports it
            if isinstance(result, Message):
                self.post_message(result)
            return result

        name = task if isinstance(task, str) else ""
        return work(thread=True, exclusive=True, exit_on_error=False, group=group, name=name)(run)

    return decorate
