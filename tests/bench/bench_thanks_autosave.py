"""How much typing a killed terminal can lose in the thank-you pane.

Runs the real app in a pseudo-terminal (tests/crash_host.py), opens the thank-you editor
with keys (2, End, t), types steadily for a few seconds while watching the database, then
SIGKILLs the app and reports:
- the worst lag between a keystroke and the moment the database held it;
- how many characters typed before the kill were lost.

    uv run python tests/bench/bench_thanks_autosave.py [--seconds 8] [--rate 20]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from netkeep.core import contacts, letters, meetings  # noqa: E402
from netkeep.core.records import ContactInput  # noqa: E402
from netkeep.store.database import open_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="how long to type")
    parser.add_argument("--rate", type=float, default=20.0, help="characters per second")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="netkeep-autosave-"))
    db_path, state = work / "bench.db", work / "state"
    db = open_database(db_path)
    jane = contacts.create_contact(ContactInput(full_name="Jane Doe"))
    contacts.create_contact(ContactInput(full_name="Adam Able"))  # Jane is last: End selects her
    mid = meetings.log_meeting(meetings.MeetingInput(contact_id=jane, points="- payments"))
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = dict(
        os.environ, TERM="xterm-256color", TEXTUAL_ANIMATION="none", NETKEEP_CONFIG=str(work / "config")
    )
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "helpers" / "crash_host.py"), str(db_path), str(state)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    threading.Thread(target=lambda: _drain(master), daemon=True).start()
    for wanted, key in (("listed", b"2"), ("contact", b"\x1b[F"), ("selected", b"t"), ("typing", b"")):
        while not (state.exists() and state.read_text() == wanted):
            if proc.poll() is not None:
                print("the app exited before it was ready", file=sys.stderr)
                return 1
            time.sleep(0.05)
        if key:
            os.write(master, key)
    typed_at: list[float] = []
    worst = 0.0
    start = time.monotonic()
    count = 0
    while time.monotonic() - start < args.seconds:
        os.write(master, b"abcdefghij"[count % 10 : count % 10 + 1])
        typed_at.append(time.monotonic())
        count += 1
        stored = _stored_chars(mid)
        if stored < count:
            worst = max(worst, time.monotonic() - typed_at[stored])
        time.sleep(1 / args.rate)
    before_kill = _stored_chars(mid)
    lag_at_kill = time.monotonic() - typed_at[before_kill] if before_kill < count else 0.0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db.close()
    open_database(db_path)
    kept = _stored_chars(mid)
    print(f"typed {count} characters at {args.rate:g}/s for {args.seconds:g} s, then SIGKILL")
    print(f"worst lag from keystroke to database while typing: {worst:.2f} s")
    print(
        f"kept after the kill: {kept} of {count} characters "
        f"(lost {count - kept}, the last {lag_at_kill:.2f} s of typing)"
    )
    return 0


def _stored_chars(meeting_id: int) -> int:
    draft = letters.get_draft(meeting_id)
    if draft is None:
        return 0
    first_line = draft.body.split("\n", 1)[0]  # the editor's cursor starts at the top
    return len(first_line) - len(first_line.lstrip("abcdefghij"))


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


if __name__ == "__main__":
    raise SystemExit(main())
