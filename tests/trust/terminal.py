"""A real netkeep in a pseudo-terminal: keys in, the exact bytes it writes to the terminal out."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
import time

from trust.display import CSI


class Terminal:
    """Run ``args`` on a fresh pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(
        self, args: list[str], *, size: tuple[int, int] = (160, 60), env: dict | None = None
    ) -> None:
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = dict(env if env is not None else os.environ)
        environment.update(
            TERM="xterm-256color", TEXTUAL_ANIMATION="none", COLUMNS=str(columns), LINES=str(rows)
        )
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=environment, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self._data = bytearray()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            while chunk := os.read(self.master, 65536):
                with self._lock:
                    self._data.extend(chunk)
        except OSError:  # the other end closed
            pass

    @property
    def raw(self) -> bytes:
        """Every byte written to the terminal so far."""
        with self._lock:
            return bytes(self._data)

    @property
    def text(self) -> str:
        """What was written, decoded, without the terminal's own cursor and colour sequences."""
        return CSI.sub("", self.raw.decode("utf-8", errors="replace"))

    def send(self, data: bytes | str) -> None:
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def wait_for(self, condition, timeout: float = 30.0) -> bool:
        """Wait until ``condition()`` is true (or the program ended); whether it is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            if self.proc.poll() is not None:
                return bool(condition())
            time.sleep(0.05)
        return False

    def shows(self, pattern: str) -> bool:
        return re.search(pattern, self.text) is not None

    def close(self) -> int | None:
        """End the program if it still runs (SIGKILL); its exit status (None: killed)."""
        status = self.proc.poll()
        if status is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        try:
            os.close(self.master)
        except OSError:
            pass
        return status
