"""The timer behind ``netkeep remind --install`` / ``--uninstall``: a systemd user timer (Linux) or a launchd
agent (macOS) that runs ``netkeep remind`` every 15 minutes, and catches up after the
machine was off (``Persistent=true``; launchd runs a missed interval at wake)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from netkeep.core.errors import NetkeepError

UNIT = "netkeep-remind"
AGENT = "net.netkeep.remind"


def command_line(db: Path | None) -> list[str]:
    """How the timer runs netkeep: this netkeep's program, with the database it was told."""
    program = shutil.which("netkeep") or sys.argv[0]
    words = [str(Path(program).resolve()), "remind"]
    return [*words, "--db", str(db)] if db else words


def systemd_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def unit_files(words: list[str]) -> dict[str, str]:
    """The service and the timer, by file name."""
    service = (
        "[Unit]\nDescription=netkeep: send what fell due\n\n"
        f"[Service]\nType=oneshot\nExecStart={shlex.join(words)}\n"
    )
    timer = (
        "[Unit]\nDescription=netkeep: send what fell due, every 15 minutes\n\n"
        "[Timer]\nOnBootSec=2min\nOnCalendar=*:0/15\nPersistent=true\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def agent_plist(words: list[str]) -> str:
    from xml.sax.saxutils import escape

    arguments = "".join(f"<string>{escape(word)}</string>" for word in words)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        f'<plist version="1.0"><dict><key>Label</key><string>{AGENT}</string>'
        f"<key>ProgramArguments</key><array>{arguments}</array>"
        "<key>StartInterval</key><integer>900</integer><key>RunAtLoad</key><true/></dict></plist>\n"
    )


def _systemctl(*words: str) -> tuple[bool, str]:
    try:
        done = subprocess.run(["systemctl", "--user", *words], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, str(error)
    said = (done.stderr or done.stdout).strip().splitlines()
    return done.returncode == 0, said[-1] if said else ""


def reachable() -> str:
    """Why the timer could not run here ("" when it can)."""
    if sys.platform == "darwin":
        return "" if shutil.which("launchctl") else "launchctl is not here"
    if not shutil.which("systemctl"):
        return "systemctl is not installed here (no systemd: run `netkeep remind` from your own scheduler)"
    ok, said = _systemctl("show-environment")
    if not ok:
        return f"cannot reach your systemd user session ({said or 'no answer'})"
    return session_bus()


def session_bus() -> str:
    """Why there is no desktop session to notify ("" when there is one)."""
    if sys.platform == "darwin":
        return ""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return ""
    if Path(f"/run/user/{os.getuid()}/bus").exists():
        return ""
    return "no desktop session to show it on (no D-Bus session bus)"


def installed() -> bool:
    if sys.platform == "darwin":
        return (Path.home() / "Library" / "LaunchAgents" / f"{AGENT}.plist").exists()
    return (systemd_dir() / f"{UNIT}.timer").exists()


def install(db: Path | None) -> str:
    """Install the timer; what was done, in one line. Raises NetkeepError when it cannot."""
    if problem := reachable():
        raise NetkeepError(f"reminders not installed: {problem}")
    words = command_line(db)
    if sys.platform == "darwin":
        plist = Path.home() / "Library" / "LaunchAgents" / f"{AGENT}.plist"
        plist.parent.mkdir(parents=True, exist_ok=True)
        plist.write_text(agent_plist(words), encoding="utf-8")
        subprocess.run(["launchctl", "unload", str(plist)], capture_output=True, check=False)
        subprocess.run(["launchctl", "load", str(plist)], capture_output=True, check=False)
        return f"Installed {plist}: netkeep remind runs every 15 minutes."
    folder = systemd_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in unit_files(words).items():
        (folder / name).write_text(text, encoding="utf-8")
    for step in (("daemon-reload",), ("enable", "--now", f"{UNIT}.timer")):
        ok, said = _systemctl(*step)
        if not ok:
            raise NetkeepError(f"systemctl --user {' '.join(step)} failed: {said}")
    return (
        f"Installed {UNIT}.timer in {folder}: netkeep remind runs every 15 minutes (and catches up at boot)."
    )


def uninstall() -> str:
    if sys.platform == "darwin":
        plist = Path.home() / "Library" / "LaunchAgents" / f"{AGENT}.plist"
        if not plist.exists():
            return "Reminders were not installed."
        subprocess.run(["launchctl", "unload", str(plist)], capture_output=True, check=False)
        plist.unlink()
        return f"Removed {plist}."
    folder = systemd_dir()
    if not (folder / f"{UNIT}.timer").exists():
        return "Reminders were not installed."
    _systemctl("disable", "--now", f"{UNIT}.timer")
    for name in unit_files([]):
        (folder / name).unlink(missing_ok=True)
    _systemctl("daemon-reload")
    return f"Removed {UNIT}.timer and its service from {folder}."
