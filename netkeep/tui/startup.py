"""Start-up with the cyclic garbage collector off until the first frame is on screen.

While an app starts, Python's collector runs dozens of times over everything the imports
and the first screen build (~5 ms at 30,000 contacts, plus a full collection of ~16 ms),
all of it in front of the first frame. None of that is garbage: it lives as long as the app.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run an app with the collector off until :func:`first_frame_shown` (or the app's end)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def first_frame_shown() -> None:
    """From an app's ``on_ready``: freeze what start-up built, then collect as usual again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
