"""Rolling, verified backups: made with the online backup API, checked, private; kept 7 daily
and 4 weekly; a restore round trip; a damaged or missing file restores nothing."""

from __future__ import annotations

import os
import sqlite3

import pendulum
import pytest

from helpers.people import person
from netkeep.core import backups, contacts
from netkeep.core.errors import NetkeepError


def test_a_backup_is_checked_private_and_listed(db, db_path, frozen):
    person("Ana Silva")
    made = backups.make()
    assert made.path.parent == db_path.parent / "backups"
    assert made.path.name == "netkeep-20260302-100000-manual.db"
    assert os.stat(made.path).st_mode & 0o777 == 0o600
    assert made.counts["contact"] == 1 and made.counts["change"] == 1
    with sqlite3.connect(made.path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT full_name FROM contact").fetchall() == [("Ana Silva",)]
    [listed] = backups.listing(check=True)
    assert (listed.path, listed.reason, listed.contacts) == (made.path, "manual", 1)


def test_two_backups_in_one_second_are_both_listed(db, frozen):
    first, second = backups.make(), backups.make()
    assert second.path.name == "netkeep-20260302-100000-manual-2.db"
    assert {(b.path, b.reason) for b in backups.listing()} == {(p.path, "manual") for p in (first, second)}


def test_daily_once_a_day(db, frozen):
    assert backups.daily() is not None
    assert backups.daily() is None
    frozen.travel(days=1)
    assert backups.daily() is not None


def test_rotation_keeps_7_daily_4_weekly_and_the_3_newest(db, frozen):
    for _ in range(60):
        backups.make("daily")
        frozen.travel(minutes=1)
        backups.make("before-import")
        frozen.travel(days=1, minutes=-1)
    kept = backups.listing()
    days = {b.made_at.date() for b in kept}
    newest = pendulum.datetime(2026, 4, 30).date()  # 2 March + 59 days
    assert {newest.subtract(days=n) for n in range(7)} <= days
    assert len({tuple(b.made_at.isocalendar()[:2]) for b in kept}) >= 4
    assert len(kept) <= 7 + 4 + 3 and len(kept) >= 10
    assert kept[0].reason == "before-import"


def test_restore_round_trip_keeps_a_backup_of_the_current_database(db, frozen):
    ana = person("Ana Silva")
    saved = backups.make()
    contacts.delete_contact(ana)
    person("Bob Smith")
    frozen.travel(minutes=1)
    before_restore = backups.restore(saved.path)
    assert [c[1] for c in contacts.resolve("Ana Silva")] == ["Ana Silva"]
    assert not contacts.resolve("Bob Smith")
    assert before_restore.reason == "before-restore" and before_restore.contacts == 1
    with sqlite3.connect(before_restore.path) as old:
        assert old.execute("SELECT full_name FROM contact").fetchall() == [("Bob Smith",)]


@pytest.mark.parametrize("content", [None, b"not a database at all" * 100, b""])
def test_a_missing_or_damaged_file_restores_nothing(db, tmp_path, content):
    person("Ana Silva")
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(NetkeepError, match=r"cannot restore: .*nothing was changed"):
        backups.restore(path)
    assert contacts.resolve("Ana Silva") and backups.listing() == []


def test_a_truncated_backup_restores_nothing(db, tmp_path):
    person("Ana Silva")
    made = backups.make()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(made.path.read_bytes()[: 4096 * 3])
    with pytest.raises(NetkeepError, match="cannot restore"):
        backups.restore(damaged)
    assert contacts.resolve("Ana Silva")
