"""``netkeep remind``: each due item reaches each channel once across runs, a missed day is
caught up, a failing channel keeps its items; the timer's files; doctor's last delivery."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from helpers.people import person
from netkeep.cli import main
from netkeep.core import reminders
from netkeep.core.remind import ChannelError, deliver, pending
from netkeep.core.remind_timer import reachable, unit_files

DAY = date(2026, 3, 2)


class Fake:
    """A channel that keeps what it was sent (or refuses, when told to)."""

    def __init__(self, name: str = "fake", refuse: bool = False) -> None:
        self.name, self.refuse, self.sent = name, refuse, []

    def send(self, title: str, body: str) -> None:
        if self.refuse:
            raise ChannelError("the fake is off")
        self.sent.append((title, body))


def run_on(db_path, day: date, *channels) -> list:
    return deliver(pending(db_path, day, [c.name for c in channels]), channels)


def test_each_due_item_reaches_each_channel_once_and_a_missed_day_is_caught_up(db, db_path, frozen):
    ana, bo = person("Ana Silva"), person("Bo Chen")
    reminders.add_reminder(ana, DAY, "send the deck")
    reminders.add_reminder(bo, DAY + timedelta(days=1), "ask about the role")
    reminders.add_reminder(bo, DAY + timedelta(days=2), "congratulate")
    reminders.add_reminder(bo, DAY + timedelta(days=30), "not yet")
    desk, phone = Fake("desktop"), Fake("ntfy")
    assert [o.sent for o in run_on(db_path, DAY, desk, phone)] == [1, 1]
    assert "Ana Silva — send the deck" in desk.sent[0][1]
    assert run_on(db_path, DAY, desk, phone) == []  # the same day again: nothing twice
    # the machine was off the next day: two days later both days' items go, once
    run_on(db_path, DAY + timedelta(days=2), desk, phone)
    assert len(desk.sent) == len(phone.sent) == 2
    assert "ask about the role" in desk.sent[1][1] and "congratulate" in desk.sent[1][1]
    assert "not yet" not in desk.sent[1][1]
    assert run_on(db_path, DAY + timedelta(days=3), desk, phone) == []


def test_a_failing_channel_keeps_its_items_for_the_next_run_and_a_snoozed_item_comes_again(
    db, db_path, frozen
):
    ana = person("Ana Silva")
    reminder = reminders.add_reminder(ana, DAY, "send the deck")
    broken, working = Fake("ntfy", refuse=True), Fake("desktop")
    outcomes = run_on(db_path, DAY, working, broken)
    assert [(o.channel, o.sent, o.failed) for o in outcomes] == [
        ("desktop", 1, ""),
        ("ntfy", 0, "the fake is off"),
    ]
    broken.refuse = False
    run_on(db_path, DAY, working, broken)
    assert (len(working.sent), len(broken.sent)) == (1, 1)
    reminders.snooze_reminder(reminder, DAY + timedelta(days=1))
    run_on(db_path, DAY + timedelta(days=1), working)
    assert len(working.sent) == 2


def test_the_command_channel_from_config_and_doctor_showing_the_last_delivery(db, db_path, tmp_path, capsys):
    log = tmp_path / "sent.txt"
    fake = tmp_path / "fake.py"
    fake.write_text("import sys\nopen(sys.argv[1], 'a').write(sys.argv[2] + '\\n')\n")
    config = tmp_path / "config"
    config.mkdir()
    command = f"{shutil.which('python3') or 'python3'} {fake} {log}"
    (config / "config.toml").write_text(f'[remind]\ndesktop = false\ncommand = "{command}"\n')
    reminders.add_reminder(person("Ana Silva"), date.today(), "send the deck")
    assert main(["remind"]) == 0
    assert "Sent 1 due item to command." in capsys.readouterr().out
    assert main(["remind"]) == 0
    assert capsys.readouterr().out == "Nothing new is due.\n"
    assert log.read_text() == "netkeep: 1 thing due\n"
    main(["doctor"])
    assert "command: last sent" in capsys.readouterr().out


def test_the_timer_catches_up_after_the_machine_was_off_and_runs_this_database(tmp_path):
    files = unit_files(["/usr/bin/netkeep", "remind", "--db", str(tmp_path / "my db.db")])
    assert "Persistent=true" in files["netkeep-remind.timer"]
    assert (
        f"ExecStart=/usr/bin/netkeep remind --db '{tmp_path / 'my db.db'}'" in files["netkeep-remind.service"]
    )


@pytest.mark.skipif(reachable() == "", reason="this machine has a systemd user session to install into")
def test_install_without_a_session_says_so_in_one_line_and_writes_nothing(db, tmp_path, capsys):
    assert main(["remind", "--install"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netkeep: reminders not installed: ") and err.count("\n") == 1
    assert not (tmp_path / "xdg-config" / "systemd").exists()
