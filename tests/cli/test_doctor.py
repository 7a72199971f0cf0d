"""``netkeep doctor``: where the database is, a full check, its backups, a synced folder."""

from __future__ import annotations

from helpers.people import person
from helpers.storage import zero_index_page
from netkeep.cli import main
from netkeep.core import backups


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_sound_database(capsys, db, db_path):
    person("Ada Lovelace")
    backups.make("manual")
    code, out, _ = run(capsys, "doctor")
    assert code == 0
    assert f"Database   {db_path}" in out
    assert "Contacts   1" in out and "Integrity  ok (full check)" in out
    assert f"Backups    1 in {db_path.parent / 'backups'}" in out
    assert "Warning" not in out


def test_a_damaged_database_exits_1_and_says_what_to_do(capsys, db, db_path):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path)
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert "Integrity  DAMAGED" in out and "btreeInitPage" in out
    assert "netkeep restore" in out


def test_a_database_in_a_dropbox_folder_is_warned_about(capsys, tmp_path):
    path = tmp_path / "Dropbox" / "netkeep.db"
    assert run(capsys, "--db", str(path), "capture", "Ada Lovelace")[0] == 0
    code, out, _ = run(capsys, "--db", str(path), "doctor")
    assert code == 0 and "Warning    it is in a Dropbox folder" in out


def test_no_database(capsys, tmp_path):
    code, out, err = run(capsys, "--db", str(tmp_path / "none.db"), "doctor")
    assert (code, out) == (1, "") and err == f"netkeep: no netkeep database at {tmp_path / 'none.db'}\n"
    assert not (tmp_path / "none.db").exists()
