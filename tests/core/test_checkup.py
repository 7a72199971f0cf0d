"""The daily quick check (once a day per database, recorded) and where a database is risky."""

from __future__ import annotations

import pendulum
import pytest

from helpers.people import person
from helpers.storage import zero_index_page
from netkeep.core import checkup

DAY = pendulum.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox/netkeep", "Dropbox"),
        ("Dropbox (Work)", "Dropbox"),
        ("Sync", "Syncthing"),
        ("Library/Mobile Documents/com~apple~CloudDocs/netkeep", "iCloud Drive"),
        ("iCloud Drive", "iCloud Drive"),
        ("OneDrive - Acme Corp/Documents", "OneDrive"),
        ("Library/CloudStorage/GoogleDrive-me@example.com/My Drive", "Google Drive"),
        ("Google Drive", "Google Drive"),
        ("Documents/netkeep", None),
        ("Synchronised notes", None),
    ],
)
def test_sync_folders_are_recognised_by_name(tmp_path, folder, service):
    where = tmp_path / folder
    where.mkdir(parents=True)
    assert checkup.synced_by(where / "netkeep.db") == service


def test_a_syncthing_folder_is_recognised_by_its_marker(tmp_path):
    (tmp_path / "shared" / ".stfolder").mkdir(parents=True)
    (tmp_path / "shared" / "data").mkdir()
    assert checkup.synced_by(tmp_path / "shared" / "data" / "netkeep.db") == "Syncthing"


def test_the_quick_check_runs_once_a_day(db, db_path):
    person("Ada Lovelace")
    assert checkup.daily_quick_check(db_path, DAY) == []  # ran: sound
    assert checkup.daily_quick_check(db_path, DAY) is None  # not again today
    assert checkup.daily_quick_check(db_path, DAY.add(days=1)) == []


def test_the_quick_check_finds_a_damaged_page(db, db_path):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path)
    problems = checkup.daily_quick_check(db_path, DAY)
    assert problems and "btreeInitPage" in problems[0]
