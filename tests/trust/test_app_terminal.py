"""The real app in a pseudo-terminal with hostile text already in the database (as an older
version or another program may have left it): the contact list, Today, the timeline and a
card show it literally, control characters as visible symbols, and not one of them reaches
the terminal (read from the exact bytes the app writes)."""

from __future__ import annotations

import pytest

from trust.corpus import CORPUS, LINE_CONTROL, names
from trust.display import CSI, marker_shown, raw_windows, shown_literally
from trust.legacy import hostile_network, storable_names
from trust.oracle import tally
from trust.procs import RAW_CONTROL, netkeep_command
from trust.scale import SCALE
from trust.terminal import Terminal

NAMES = storable_names(names(SCALE.full_corpus))
PLAIN = [n for n in NAMES if not LINE_CONTROL.search(CORPUS[n])]
CONTROLS = [n for n in NAMES if LINE_CONTROL.search(CORPUS[n])]


@pytest.fixture(scope="module")
def screen(tmp_path_factory):
    """Everything the app wrote while it showed Today, the timeline and the first card."""
    db = tmp_path_factory.mktemp("app-terminal") / "netkeep.db"
    hostile_network(db, NAMES)
    terminal = Terminal([*netkeep_command(), "--db", str(db)], size=(160, 60))
    try:
        assert terminal.wait_for(lambda: "Replies owed" in terminal.text, 90), terminal.text[-2000:]
        terminal.send("3")  # the timeline
        assert terminal.wait_for(lambda: "Week of" in terminal.text, 30), "the timeline did not show"
        terminal.send("2")  # the selected contact's card
        assert terminal.wait_for(lambda: "cadence" in terminal.text, 30), "the card did not show"
        terminal.send("q")
        assert terminal.wait_for(lambda: terminal.proc.poll() is not None, 30), "q did not quit"
    finally:
        status = terminal.close()
    return terminal.raw, terminal.text, status


def test_the_app_ran_and_quit_cleanly(screen):
    _, text, status = screen
    assert status == 0 and "Traceback" not in text


def test_plain_hostile_text_shows_literally(screen):
    """Markup, SQL, format strings, wide and combining characters, emoji: as typed."""
    _, text, _ = screen
    wrong = [name for name in PLAIN if not shown_literally(CORPUS[name], text)]
    for name in PLAIN:
        tally(traceback=False, leaked=False, mismatch=name in wrong)
    assert not wrong, f"not shown as stored: {wrong}"


@pytest.mark.xfail(strict=True, reason="trustfix: the app writes stored control characters to the terminal")
def test_control_characters_show_as_symbols_and_never_reach_the_terminal(screen):
    raw, text, _ = screen
    leaked = [name for name in CONTROLS if any(window in raw for window in raw_windows(CORPUS[name]))]
    hidden = [n for n in CONTROLS if marker_shown(CORPUS[n], text) and not shown_literally(CORPUS[n], text)]
    for name in CONTROLS:
        tally(traceback=False, leaked=name in leaked, mismatch=name in hidden)
    stray = sorted(set(RAW_CONTROL.findall(CSI.sub("", text))))
    assert not leaked, f"sent to the terminal as they are: {leaked}"
    assert not stray, f"control characters on the screen: {stray}"
    assert not hidden, f"shown without their control characters as symbols: {hidden}"
    assert all(marker_shown(CORPUS[n], text) for n in CONTROLS if "NK-" in CORPUS[n][:24])
