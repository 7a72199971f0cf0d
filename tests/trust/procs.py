"""Running netkeep the way a person does (a real process) or in this process (faster), and
reading what it said: one line, a traceback, control characters sent to the terminal."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

#: Control characters that must never reach a terminal (a newline and a tab may).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.out + self.err

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    @property
    def one_line_failure(self) -> bool:
        """Exit status 1 and one line on stderr, ``netkeep: …``, no traceback."""
        lines = self.err_lines
        return self.code == 1 and not self.traceback and len(lines) == 1 and lines[0].startswith("netkeep: ")

    @property
    def leaks_controls(self) -> bool:
        """Whether it printed a control character (an escape code) to the terminal."""
        return bool(RAW_CONTROL.search(self.out + self.err))

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out[-2000:]}\n--- stderr\n{self.err[-2000:]}"


def netkeep_command() -> list[str]:
    """The installed ``netkeep`` command of this environment."""
    script = Path(sys.executable).parent / "netkeep"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from netkeep.cli import main; sys.exit(main())"]


def run_netkeep(args: list[str | bytes], *, timeout: float = 120, env: dict | None = None, **kw) -> Result:
    """``netkeep ARGS`` as a real process (arguments may be bytes: not UTF-8 on purpose)."""
    done = subprocess.run(
        [*netkeep_command(), *args],
        capture_output=True,
        timeout=timeout,
        env=env if env is not None else dict(os.environ),
        stdin=subprocess.DEVNULL,
        **kw,
    )
    decode = lambda data: data.decode("utf-8", errors="backslashreplace")  # noqa: E731
    return Result(done.returncode, decode(done.stdout), decode(done.stderr))


def run_main(args: list[str]) -> Result:
    """``netkeep ARGS`` through ``netkeep.cli.main`` in this process: the same code as the
    command, ~100 times faster. An exception escaping ``main`` is what the command would
    print as a traceback."""
    from netkeep.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            code = 1
            err.write(traceback.format_exc())
        finally:
            close_database()
    return Result(code, out.getvalue(), err.getvalue())


def close_database() -> None:
    """Close the connection a command in this process left open (a command process just exits)."""
    from netkeep.store.models import database

    if database.obj is not None:
        database.obj.close()
