"""A load that fails says so, in one notification with one wording, and the app carries on.

Each test makes the core function behind one view's or pane's load raise, presses the keys
a person presses to get there, and looks for "Could not load …" among the notifications.
"""

from __future__ import annotations

import pytest
from textual.app import App
from textual.worker import WorkerCancelled, WorkerFailed

from helpers.meetings import meet
from helpers.tui import small_network, type_text
from netkeep.core import agenda, commitments, contacts, interactions, jobsearch, letters, prep, reflection
from netkeep.core.errors import NetkeepError
from netkeep.tui import app as app_module
from netkeep.tui.app import NetkeepApp
from netkeep.tui.capture import CaptureScreen
from netkeep.tui.forms.meeting import MeetingForm
from netkeep.tui.views import contacts as contact_list_module
from netkeep.tui.workers import failure_reason, failure_text

SIZE = (120, 40)
REASON = "disk I/O error"


class Boom(Exception):
    """What a broken disk or database would raise."""


def boom(*_args, **_kwargs):
    raise Boom(REASON)


@pytest.fixture(autouse=True)
def _no_card_delay(monkeypatch):
    monkeypatch.setattr(app_module, "CARD_DELAY", 0)


@pytest.fixture
def network(db):
    people = small_network()
    meet(people["jane"], kind="coffee", points="the payments team")
    return people


@pytest.fixture(autouse=True)
def _record_errors(monkeypatch):
    """Record every error notification through the public ``App.notify`` (still shown)."""
    notify = App.notify

    def recording(self, message, *args, severity="information", **options):
        if severity == "error":
            self.__dict__.setdefault("recorded_errors", []).append(str(message))
        return notify(self, message, *args, severity=severity, **options)

    monkeypatch.setattr(App, "notify", recording)


def errors(app) -> list[str]:
    return app.__dict__.get("recorded_errors", [])


async def settle(app, pilot, until=None) -> None:
    """Let the workers finish (a failed or replaced one among them) and the screen catch up,
    until ``until()`` holds (by default: until no worker is left running)."""
    for _ in range(40):
        try:
            await app.workers.wait_for_complete()
        except (WorkerFailed, WorkerCancelled):
            continue  # waited on that one; wait on the rest
        await pilot.pause()
        if until() if until else all(worker.is_finished for worker in app.workers):
            return


async def fails_with(app, pilot, what: str) -> None:
    """The one notification for this failed load shows, once; the app still takes keys."""
    expected = f"Could not load {what}: {REASON} (Boom)"
    await settle(app, pilot, until=lambda: expected in errors(app))
    assert errors(app) == [expected]
    assert app.is_running
    await pilot.press("ctrl+n")  # the app still answers a key: quick capture opens
    await settle(app, pilot, until=lambda: isinstance(app.screen, CaptureScreen))
    assert app.is_running and isinstance(app.screen, CaptureScreen)
    await pilot.press("escape")


async def test_today(network, db_path, monkeypatch):
    monkeypatch.setattr(agenda, "agenda", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await fails_with(app, pilot, "the agenda")


async def test_contact_list(network, db_path, monkeypatch):
    # The first screenful is read before the first frame; the rest in the worker.
    monkeypatch.setattr(contact_list_module, "FIRST_PAGE", 2)
    first_page = contacts.list_rows

    def rest_fails(*args, limit=None, **kwargs):
        if limit is None:
            raise Boom(REASON)
        return first_page(*args, limit=limit, **kwargs)

    monkeypatch.setattr(contacts, "list_rows", rest_fails)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await fails_with(app, pilot, "the contacts")


async def test_contact_card(network, db_path, monkeypatch):
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(contacts, "get_card", boom)
        await pilot.press("slash")
        await type_text(pilot, "Carol")
        await fails_with(app, pilot, "the contact")


async def test_timeline(network, db_path, monkeypatch):
    monkeypatch.setattr(interactions, "network_timeline", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await fails_with(app, pilot, "the timeline")


async def test_job_search(network, db_path, monkeypatch):
    monkeypatch.setattr(jobsearch, "targets", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await fails_with(app, pilot, "the job search")


@pytest.mark.parametrize(
    ("key", "module", "function", "what"),
    [
        ("f", commitments, "open_commitments", "the follow-ups"),
        ("t", letters, "get_draft", "the thank-you letter"),
        ("r", reflection, "summary", "the reflection"),
        ("p", prep, "build_brief", "the prep brief"),
    ],
)
async def test_contact_panes(network, db_path, monkeypatch, key, module, function, what):
    monkeypatch.setattr(module, function, boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "Jane")
        await pilot.press("enter")
        await settle(app, pilot, until=lambda: app.contact_view.card is not None)
        assert app.contact_view.card.id == network["jane"]
        await pilot.press("2", key)  # into the contact: on the list, letters filter
        await fails_with(app, pilot, what)


async def test_meeting_form(network, db_path, monkeypatch):
    monkeypatch.setattr(contacts, "names_for_completion", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot, until=lambda: isinstance(app.screen, MeetingForm))
        expected = f"Could not load the contact names: {REASON} (Boom)"
        await settle(app, pilot, until=lambda: expected in errors(app))
        assert errors(app) == [expected]
        assert isinstance(app.screen, MeetingForm)  # the form stays, without completions
        await pilot.press("escape")
        await settle(app, pilot, until=lambda: not isinstance(app.screen, MeetingForm))
        assert app.is_running and not isinstance(app.screen, MeetingForm)


def test_the_reason_is_one_short_line():
    assert failure_text("load the agenda", NetkeepError("no contact #7")) == (
        "Could not load the agenda: no contact #7"
    )
    assert failure_reason(Boom("database is locked\n  File 'x.py', line 3")) == "database is locked (Boom)"
    assert failure_reason(Boom()) == "Boom"
    long = failure_reason(Boom("x" * 500))
    assert len(long) < 140 and "…" in long


# -- saves: their own checks stay where they were; a storage failure is reported the same way


async def test_a_failed_save_in_a_view(network, db_path, monkeypatch):
    monkeypatch.setattr(jobsearch, "add_target", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("g")
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        expected = f"Could not save the change: {REASON} (Boom)"
        await settle(app, pilot, until=lambda: expected in errors(app))
        assert errors(app) == [expected]
        assert app.is_running and app.current_view == "jobs"


async def test_a_failed_save_in_the_capture_form_keeps_the_form(network, db_path, monkeypatch):
    monkeypatch.setattr(contacts, "create_contact", boom)
    app = NetkeepApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot, until=lambda: isinstance(app.screen, CaptureScreen))
        await type_text(pilot, "Ada Lovelace")
        await pilot.press("enter")
        await settle(app, pilot, until=lambda: app.screen.query("#general-error"))
        said = str(app.screen.query_one("#general-error").content)
        assert said == f"Not saved: {REASON} (Boom)"  # in the form, not a notification
        assert errors(app) == []
        assert isinstance(app.screen, CaptureScreen)  # what was typed is still there
        assert app.screen.query_one("#name").value == "Ada Lovelace"
