"""Where ``netkeep remind`` sends: the desktop (freedesktop notifications over D-Bus on Linux,
``osascript`` on macOS), an ntfy topic, or a command of the user's ([remind] in config.toml)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from netkeep.core.remind import ChannelError
from netkeep.core.remind_timer import session_bus

_TIMEOUT = 20


def _run(command: list[str], what: str) -> None:
    import subprocess  # only when there is something to send

    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ChannelError(f"{what} did not run ({error})") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise ChannelError(f"{what} failed" + (f": {said[-1]}" if said else f" (status {done.returncode})"))


@dataclass
class Desktop:
    name: str = "desktop"

    def send(self, title: str, body: str) -> None:
        if sys.platform == "darwin":
            script = [
                "-e",
                "on run argv",
                "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)",
            ]
            _run(["osascript", *script, "-e", "end run", title, body], "osascript")
            return
        if problem := session_bus():
            raise ChannelError(problem)
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path=/run/user/{os.getuid()}/bus"
        import shutil

        if shutil.which("notify-send"):
            _run(["notify-send", "--app-name=netkeep", title, body], "notify-send")
        elif shutil.which("gdbus"):
            _run(
                ["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
                 "--object-path", "/org/freedesktop/Notifications",
                 "--method", "org.freedesktop.Notifications.Notify",
                 "netkeep", "0", "", title, body, "[]", "{}", "-1"],
                "gdbus",
            )  # fmt: skip
        else:
            raise ChannelError("neither notify-send nor gdbus is installed (install libnotify-bin)")


@dataclass
class Ntfy:
    url: str
    name: str = "ntfy"

    def send(self, title: str, body: str) -> None:
        import urllib.error  # only when there is something to send: ~40 ms
        import urllib.request

        request = urllib.request.Request(
            self.url, body.encode("utf-8"), {"Title": title.encode("utf-8").decode("latin-1")}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT):
                pass
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise ChannelError(
                f"ntfy at {self.url} did not take it ({getattr(error, 'reason', error)})"
            ) from None


@dataclass
class Command:
    command: str
    name: str = "command"

    def send(self, title: str, body: str) -> None:
        import shlex

        try:
            words = shlex.split(self.command)
        except ValueError as error:
            raise ChannelError(f"[remind] command cannot be read ({error})") from None
        _run([*words, title, body], words[0] if words else "the command")


def configured(section: dict) -> tuple[list, list[str]]:
    """The channels ``[remind]`` asks for (the desktop unless ``desktop = false``), and a line
    for each setting that cannot be used."""
    channels: list = []
    problems = []
    if section.get("desktop", True) is not False:
        channels.append(Desktop())
    for key, kind in (("ntfy", Ntfy), ("command", Command)):
        value = section.get(key)
        if value is None:
            continue
        if isinstance(value, str) and value.strip():
            channels.append(kind(value.strip()))
        else:
            problems.append(f"[remind] {key} should be text in quotes")
    return channels, problems
