"""ctrl+o in the thank-you pane: an editor that cannot start never leaves the app suspended."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from textual.widgets import TextArea

from helpers.tui import Host, notifications, settle, until
from netkeep.core.errors import NetkeepError
from netkeep.tui.panes.handoff import editor_command
from netkeep.tui.panes.letters import ThanksPane


@pytest.fixture
def suspensions(monkeypatch):
    """Replace App.suspend (the test driver has no terminal to hand over) by one that records
    each suspension and whether the app came back from it normally."""
    record: list[str] = []

    def watch(app):
        @contextmanager
        def suspend():
            record.append("suspended")
            yield  # as Textual's own: an exception here would skip the resume below
            record.append("resumed")

        monkeypatch.setattr(app, "suspend", suspend)

    return record, watch


async def test_a_missing_editor_is_refused_before_the_app_is_suspended(
    jane_meeting, monkeypatch, suspensions
):
    jane, _ = jane_meeting
    monkeypatch.setenv("EDITOR", "/nowhere/no-such-editor --wait")
    monkeypatch.delenv("VISUAL", raising=False)
    record, watch = suspensions
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        watch(app)
        said = notifications(app)
        await settle(app, pilot)
        before = app.screen.query_one("#thanks-body", TextArea).text
        await pilot.press("ctrl+o")
        await until(lambda: said)
        assert said == [
            "The editor in $EDITOR was not found: /nowhere/no-such-editor. "
            "Install it, or set $EDITOR to one you have."
        ]
        assert record == [] and app.is_running
        assert app.screen.query_one("#thanks-body", TextArea).text == before


async def test_an_editor_that_fails_to_start_still_gives_the_terminal_back(
    jane_meeting, monkeypatch, suspensions, tmp_path
):
    jane, _ = jane_meeting
    script = tmp_path / "editor"
    script.write_text("#!/nowhere/interpreter\n")  # found on the PATH, but exec fails
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    record, watch = suspensions
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        watch(app)
        said = notifications(app)
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await until(lambda: said)
        assert record == ["suspended", "resumed"]
        assert said[0].startswith(f"Could not start {script}")
        assert app.is_running


def test_the_editor_command_is_resolved_first(monkeypatch, tmp_path):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", 'vim "unclosed')
    with pytest.raises(NetkeepError, match="not a command netkeep can read"):
        editor_command()
    script = tmp_path / "my editor"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", f"'{script}' -n")
    assert editor_command() == [str(script), "-n"]
