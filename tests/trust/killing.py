"""Starting a writer process and killing it with SIGKILL at a random moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from random import Random

from trust.ledger import shot_name
from trust.procs import netkeep_command

WRITER = Path(__file__).with_name("writer.py")
#: Seconds to wait for a writer to say READY before giving up on it.
START_TIMEOUT = 60.0


@dataclass
class Life:
    """One writer process from start to SIGKILL."""

    kind: str
    killed: bool
    acks: list[int]
    errors: list[str]
    stderr: str


class Lines:
    """A process's output read as it comes, so the pipe never fills and nothing is lost."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                self.ready.set()
        self.ready.set()  # the process ended

    def join(self) -> list[str]:
        self._thread.join(timeout=30)
        return self.lines


def live(kind: str, db: Path, start: int, target: str, rng: Random) -> Life:
    """Run one writer of ``kind`` and SIGKILL it at a random moment; what it acknowledged.

    Most kills land while it writes (a random time after READY); one in five lands at any
    moment from its start (imports, opening the database, its first write). A ``shot`` is
    one ``netkeep capture TEXT`` process, killed at a random moment of its life.
    """
    if kind == "shot":
        args = [*netkeep_command(), "--db", str(db), "capture", shot_name(start)]
    else:
        args = [sys.executable, str(WRITER), kind, str(db), "--start", str(start), "--target", target]
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    out, err = Lines(proc.stdout), Lines(proc.stderr)
    if kind == "shot":
        delay = rng.uniform(0.0, 1.0)
    elif rng.random() < 0.2:
        delay = rng.uniform(0.0, 0.8)
    else:
        out.ready.wait(START_TIMEOUT)
        delay = rng.uniform(0.0, 0.5)
    # The kill moment is the experiment's random variable, not a wait for a condition.
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    lines, stderr = out.join(), "\n".join(err.join())
    if kind == "shot":
        acks = [start] if f"Saved {shot_name(start)}." in lines else []
        errors = [] if acks or killed else [stderr or f"exit {proc.returncode}"]
        return Life(kind, killed, acks, errors, stderr)
    acks = [int(line.split()[2]) for line in lines if line.startswith("ACK ")]
    errors = [line for line in lines if line.startswith("ERR ")]
    if not killed:
        errors.append(f"the {kind} writer ended by itself (exit {proc.returncode}): {stderr[-500:]}")
    return Life(kind, killed, acks, errors, stderr)
