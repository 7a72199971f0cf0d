"""The thank-you draft being typed survives the terminal being killed: the real app in a pseudo-terminal."""

from __future__ import annotations

from helpers.meetings import draft_body
from helpers.people import person
from netkeep.core import letters


def test_draft_survives_the_terminal_being_killed_mid_typing(jane_meeting, db, db_path, tmp_path):
    """Run the real app in a pseudo-terminal and drive it with keys (/, Esc, End, 2, t, typing); wait
    until the autosave has written the typing (without quitting), SIGKILL the app, reopen
    the database: the text is there."""
    import fcntl
    import os
    import signal
    import struct
    import subprocess
    import sys
    import termios
    import threading
    from pathlib import Path

    from netkeep.store.database import open_database

    _, mid = jane_meeting
    person("Adam Able")  # Jane is last by name: End selects her
    state = tmp_path / "state"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", TEXTUAL_ANIMATION="none")
    host = Path(__file__).parent.parent / "helpers" / "crash_host.py"
    proc = subprocess.Popen(
        [sys.executable, str(host), str(db_path), str(state)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    threading.Thread(target=_drain, args=(master,), daemon=True).start()

    def reached(name: str) -> bool:
        return _wait(lambda: proc.poll() is not None or _read(state) == name, 60) and proc.poll() is None

    typed = "PS. typed just before the crash. "
    try:
        assert reached("listed"), "the app did not start"
        os.write(master, b"/")  # the filter, then Esc: the list
        os.write(master, b"\x1b")
        assert reached("contact"), "the contact list did not take the keyboard"
        os.write(master, b"\x1b[F")  # End: the last contact
        assert reached("selected"), "the contact's meeting did not load"
        os.write(master, b"2")  # into the contact (on the list, letters filter)
        assert reached("card"), "the contact's card did not take the keyboard"
        os.write(master, b"t")  # the Thank-you tab; the letter editor takes the keyboard
        assert reached("typing"), "the thank-you editor did not take the keyboard"
        for char in typed:
            os.write(master, char.encode())
        saved = _wait(lambda: draft_body(mid).startswith(typed), 30)
        assert proc.poll() is None  # still running: nothing was saved by quitting
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(master)
    assert saved, "the typing never reached the database"
    assert proc.returncode == -signal.SIGKILL
    db.close()
    reopened = open_database(db_path)
    try:
        draft = letters.get_draft(mid)
        assert draft.body.startswith(typed + "Hi Jane,")
        assert "the payments infra team" in draft.body
    finally:
        reopened.close()


def _read(path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _drain(fd: int) -> None:
    """Read the app's screen output so it never blocks on a full terminal buffer."""
    import os

    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def _wait(condition, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
