"""The collector is off while an app starts and back on (with start-up frozen) once it is on screen."""

from __future__ import annotations

import gc

from netkeep.tui.app import NetkeepApp
from netkeep.tui.startup import collector_paused, first_frame_shown


def test_collector_paused_turns_it_back_on_even_after_an_error():
    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("the app failed")
    except RuntimeError:
        pass
    assert gc.isenabled()


def test_first_frame_turns_the_collector_back_on_and_freezes_start_up():
    frozen = gc.get_freeze_count()
    with collector_paused():
        kept = [object() for _ in range(100)]  # noqa: F841 - what start-up built
        first_frame_shown()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + 100
    assert gc.isenabled()


async def test_the_app_turns_the_collector_back_on_when_ready(db, db_path):
    with collector_paused():
        app = NetkeepApp(db_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()


async def test_the_capture_form_turns_the_collector_back_on_when_ready(db_path):
    from netkeep.tui.capture import CaptureApp

    with collector_paused():
        app = CaptureApp(db_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
