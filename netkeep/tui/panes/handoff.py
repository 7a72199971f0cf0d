"""Handing a letter to programs outside netkeep: the desktop's handler for a mailto link,
the user's own editor."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import webbrowser
from pathlib import Path

from textual.app import App, SuspendNotSupported

from netkeep.core.errors import NetkeepError


def open_external(url: str) -> bool:
    """Hand a URL (``mailto:``) to the desktop's handler; True if one took it."""
    opener = {"darwin": "open", "win32": "start"}.get(sys.platform, "xdg-open")
    if shutil.which(opener):
        try:
            done = subprocess.run(
                [opener, url],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=20,
                start_new_session=True,
            )
            return done.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False
    return webbrowser.open(url)


def editor_command() -> list[str]:
    """``$VISUAL`` or ``$EDITOR`` split into words, else nano or vi if installed, its program
    found on the PATH; raises :class:`NetkeepError` saying what is wrong (checked before the
    app hands the terminal over: a program that cannot start must not leave it suspended)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                raise NetkeepError(f"${name} is not a command netkeep can read: {value}") from None
            program = shutil.which(words[0]) if words else None
            if program is None:
                raise NetkeepError(
                    f"The editor in ${name} was not found: {words[0] if words else value}. "
                    f"Install it, or set ${name} to one you have."
                )
            return [program, *words[1:]]
    for fallback in ("nano", "vi"):
        program = shutil.which(fallback)
        if program:
            return [program]
    raise NetkeepError("Set $EDITOR (or $VISUAL) to the editor you want to use.")


def split_subject(text: str) -> tuple[str | None, str]:
    """``Subject: X`` on the first line (then a blank line) → ``("X", body)``."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:") :].strip(), rest.lstrip("\n")
    return None, text


def edit_outside(app: App, command: list[str], text: str) -> str | None:
    """Hand ``text`` to ``command`` (an editor) in a temporary file, the app suspended
    meanwhile; the edited text, or None (and a notification saying why) if that failed."""
    handle, name = tempfile.mkstemp(prefix="netkeep-thanks-", suffix=".txt", text=True)
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        failure: BaseException | None = None
        try:
            with app.suspend():
                try:  # nothing may leave this block by an exception: the app would stay suspended
                    result = subprocess.call([*command, str(path)])
                except BaseException as error:
                    failure, result = error, -1
        except SuspendNotSupported:
            app.notify("This terminal cannot hand the screen to another program.", severity="error")
            return None
        if failure is not None and not isinstance(failure, Exception):
            raise failure  # Ctrl+C and the like, now that the app has its terminal back
        if failure is not None:
            reason = failure.strerror if isinstance(failure, OSError) and failure.strerror else failure
            app.notify(f"Could not start {command[0]}: {reason}", severity="error", markup=False)
            return None
        if result != 0:
            app.notify(
                f"{command[0]} exited with status {result}; the letter is unchanged.",
                severity="warning",
                markup=False,
            )
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        app.notify(f"Could not read the edited letter back: {error}", severity="error", markup=False)
        return None
    finally:
        path.unlink(missing_ok=True)
