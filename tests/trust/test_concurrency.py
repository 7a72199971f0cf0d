"""Concurrency: the app open while other processes capture, log and import, and the app
writing too. No "database is locked", no lost write, and the app shows the others' writes
within 2 seconds (it notices other writers through ``PRAGMA data_version``)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from trust.figures import record
from trust.killing import WRITER, Lines
from trust.ledger import Ledger, check
from trust.scale import SCALE
from trust.writer import import_names

HOST = Path(__file__).with_name("app_host.py")
#: Seconds within which the app must show another process's write.
SHOWN_WITHIN = 2.0
#: Seconds between one writer's writes (each loop is a person's script, not a fork bomb).
PACE = {"capture": 0.05, "log": 0.05, "import": 0.3}


def _seed(db_path) -> int:
    database = open_database(db_path)
    try:
        for n in range(40):
            contacts.create_contact(ContactInput(full_name=f"Someone {n:02}", company="Acme"))
        return contacts.create_contact(ContactInput(full_name="Logan Target"))
    finally:
        database.close()


def _start(args: list[str], stdin=subprocess.DEVNULL) -> tuple[subprocess.Popen, Lines, Lines]:
    proc = subprocess.Popen(
        [sys.executable, *args], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return proc, Lines(proc.stdout), Lines(proc.stderr)


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_app_and_three_writers_at_once_lose_nothing_and_the_app_keeps_up(tmp_path):
    db = tmp_path / "busy.db"
    target = _seed(db)
    seconds = SCALE.concurrency_seconds
    host, host_out, host_err = _start([str(HOST), str(db), str(target), str(seconds + 300)], subprocess.PIPE)
    assert host_out.ready.wait(60) and host.poll() is None, f"the app did not start: {host_err.join()}"
    writers = {
        kind: _start(
            [
                str(WRITER),
                kind,
                str(db),
                "--seconds",
                str(seconds),
                "--interval",
                str(pace),
                "--target",
                f"#{target}",
            ]
        )
        for kind, pace in PACE.items()
    }
    for proc, _, _ in writers.values():
        proc.wait(timeout=seconds + 120)
    ledger = Ledger()
    acked_at: dict[str, float] = {}
    problems: list[str] = []
    for kind, (proc, out, err) in writers.items():
        for line in out.join():
            if line.startswith("ACK "):
                _, _, n, moment = line.split()
                ledger.ack(kind, int(n))
                for text in _shown_as(kind, int(n)):
                    acked_at[text] = float(moment)
            elif line.startswith("ERR "):
                problems.append(line)
        stderr = "\n".join(err.join())
        if proc.returncode != 0 or stderr.strip():
            problems.append(f"{kind} writer: exit {proc.returncode} {stderr[-500:]}")
    # Until the app shows the last writes (or can no longer be in time), then it quits.
    last = max(acked_at.values(), default=time.monotonic())
    shown = lambda: {line.split(" ", 2)[2] for line in host_out.lines if line.startswith("SEEN ")}  # noqa: E731
    _wait(lambda: acked_at.keys() <= shown(), last + SHOWN_WITHIN + 3 - time.monotonic())
    host.stdin.close()
    host.wait(timeout=60)
    seen: dict[str, float] = {}
    for line in host_out.join():
        if line.startswith("SEEN "):
            _, moment, text = line.split(" ", 2)
            seen.setdefault(text, float(moment))
        elif line.startswith("ACK app "):
            ledger.ack("app", int(line.split()[2]))
        elif line.startswith(("ERR ", "NOTE ")):
            problems.append(line)
    app_stderr = "\n".join(host_err.join())
    if host.returncode != 0 or "Traceback" in app_stderr:
        problems.append(f"the app: exit {host.returncode} {app_stderr[-800:]}")
    result = check(db, ledger)
    delays = [seen[text] - moment for text, moment in acked_at.items() if text in seen]
    late = [text for text, moment in acked_at.items() if seen.get(text, moment + 1e9) - moment > SHOWN_WITHIN]
    locked = [p for p in problems if "locked" in p.casefold()]
    record("concurrency", "seconds of writers beside the app", f"{seconds:g}")
    record("concurrency", "writes acknowledged (capture/log/import/app)", _counts(ledger))
    record("concurrency", '"database is locked" errors', len(locked), "0")
    record("concurrency", "lost acknowledged writes", len(result.lost), "0")
    record("concurrency", "app: others' writes shown", f"{len(delays)} of {len(acked_at)}")
    if delays:
        p95 = statistics.quantiles(delays, n=20)[-1] if len(delays) > 1 else delays[0]
        record(
            "concurrency",
            "app: shown after (median / p95 / max)",
            _spread(delays, p95),
            f"<= {SHOWN_WITHIN:g} s",
        )
    assert not locked, locked[:5]
    assert not problems, problems[:5]
    assert result.integrity == "ok", result.integrity
    assert not result.lost and not result.partial, (result.lost[:10], result.partial[:10])
    assert all(ledger.acked[kind] for kind in (*PACE, "app")), f"a writer never wrote: {_counts(ledger)}"
    assert not late, f"{len(late)} writes shown late or never, e.g. {late[:5]}"


def _shown_as(kind: str, n: int) -> list[str]:
    """What the app shows for write ``n`` of a writer: the new person, or the timeline entry."""
    if kind == "capture":
        return [f"Crash Capture {n}"]
    if kind == "log":
        return [f"crash log {n}"]
    return import_names(n)


def _counts(ledger: Ledger) -> str:
    return "/".join(str(len(ledger.acked[kind])) for kind in (*PACE, "app"))


def _spread(delays: list[float], p95: float) -> str:
    return f"{statistics.median(delays):.2f} / {p95:.2f} / {max(delays):.2f} s"
