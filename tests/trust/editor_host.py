"""The crash test's host app (tests/helpers/crash_host.py), telling when the Thank-you pane's
ctrl+o (your own editor) has returned: it writes ``done`` to MARKER.

Usage: python editor_host.py DB STATE_FILE MARKER
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the helpers package

from helpers.crash_host import CrashHost
from netkeep.tui.panes.letters import ThanksPane

MARKER = Path(sys.argv[3])
external_editor = ThanksPane.action_external_editor


def reported(pane: ThanksPane) -> None:
    try:
        external_editor(pane)
    finally:
        MARKER.write_text("done")


ThanksPane.action_external_editor = reported  # type: ignore[method-assign]

if __name__ == "__main__":
    CrashHost(sys.argv[1], Path(sys.argv[2])).run()
