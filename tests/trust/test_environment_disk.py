"""Environment: a full disk and a read-only folder. A write that cannot be made is one line
naming the cause, with exit status 1; what was there before is all still there.

The full disk is a small tmpfs mounted for the test when this machine allows it (root);
elsewhere SQLite is told the file may not grow (``PRAGMA max_page_count``), which gives the
same SQLITE_FULL. A read-only folder is a tmpfs remounted read-only as root (root ignores
permission bits), else the folder's permission bits.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from trust.damage import fill, fingerprint, pristine, read_only_folder, small_disk
from trust.figures import count, record
from trust.procs import run_main, run_netkeep

WRITES = {
    "capture": ["capture", "Ada Lovelace"],
    "log": ["log", "Logan Target", "a long talk about the weather"],
    "import": ["import", "linkedin", "{csv}"],
}
FULL_DISK = "trustfix: a full disk ends in a traceback (the import's last line says 'cannot rollback')"


def _contacts(db) -> tuple[str, int]:
    with closing(sqlite3.connect(db)) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return integrity, connection.execute("SELECT count(*) FROM contact").fetchone()[0]


def _people_csv(path) -> str:
    rows = "".join(f"Imported,Person {n:04},,,Company {n},Engineer,1 Mar 2026\n" for n in range(3000))
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows)
    return str(path)


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory):
    """Each write tried on a full disk: (how the disk was full, results by command, the
    database's integrity and contacts before and after)."""
    base = tmp_path_factory.mktemp("full-disk")
    csv = _people_csv(base / "people.csv")
    with small_disk(base / "disk", "2m") as disk:
        if disk is not None:
            db = pristine(disk / "netkeep.db")
            before = _contacts(db)
            reader = sqlite3.connect(db)  # the app, open meanwhile: the journal files stay
            reader.execute("SELECT count(*) FROM contact").fetchone()
            results = {}
            for name, argv in WRITES.items():
                # Room for the backup an import makes first, not for the import itself.
                fill(disk, leave=2 * db.stat().st_size if name == "import" else 0)
                results[name] = run_netkeep(["--db", str(db), *(part.format(csv=csv) for part in argv)])
            reader.close()
            (disk / "filler").unlink()
            return "tmpfs", results, before, _contacts(db)
    db = pristine(base / "netkeep.db")
    before = _contacts(db)
    with closing(sqlite3.connect(db)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    from netkeep.store import database

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(database.PRAGMAS, "max_page_count", pages)
        results = {
            name: run_main(["--db", str(db), *(part.format(csv=csv) for part in argv)])
            for name, argv in WRITES.items()
        }
    return "max_page_count", results, before, _contacts(db)


def test_a_full_disk_loses_nothing(full_disk):
    how, results, before, after = full_disk
    record("environment", "full disk made by", how)
    assert after == before, f"before {before}, after {after}"
    assert all(result.code != 0 for result in results.values()), {n: str(r) for n, r in results.items()}


@pytest.mark.parametrize(
    "command", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=FULL_DISK)) for c in WRITES]
)
def test_a_full_disk_is_one_line_naming_the_cause(full_disk, command):
    _, results, _, _ = full_disk
    result = results[command]
    count("environment", "full-disk writes", 1)
    count("environment", "tracebacks", result.traceback, "0")
    lines = result.err_lines
    assert not result.traceback, result
    assert result.code == 1 and lines and lines[-1].startswith("netkeep: "), result
    assert "full" in lines[-1].casefold(), f"the cause is not named: {lines[-1]}"


COMMANDS = {
    "capture": ["capture", "Ada Lovelace"],
    "log": ["log", "Logan Target", "hello"],
    "find": ["find", "person"],
    "due": ["due"],
    "export": ["export", "json"],
}


@pytest.fixture(scope="module")
def read_only(tmp_path_factory):
    """Each command run on a database in a read-only folder: (results, file before, after)."""
    base = tmp_path_factory.mktemp("read-only-folder")
    with small_disk(base / "folder", "8m") as mounted:
        folder = mounted or base / "folder"
        db = pristine(folder / "netkeep.db")
        before = fingerprint(db)
        with read_only_folder(folder) as done:
            if done is None:
                pytest.skip("cannot make a read-only folder here")
            results = {name: run_main(["--db", str(db), *argv]) for name, argv in COMMANDS.items()}
        return results, before, fingerprint(db)


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(
            name,
            marks=[
                pytest.mark.xfail(
                    strict=True, reason="trustfix: netkeep find in a read-only folder ends in a traceback"
                )
            ]
            if name == "find"
            else [],
        )
        for name in COMMANDS
    ],
)
def test_a_read_only_folder_is_one_line_or_works_and_harms_nothing(read_only, command):
    results, before, after = read_only
    result = results[command]
    count("environment", "read-only folder × commands")
    count("environment", "tracebacks", result.traceback, "0")
    assert not result.traceback and (result.code == 0 or result.one_line_failure), result
    assert after == before, "the database file changed"
    if command in ("capture", "log"):
        assert result.code == 1, "a write into a read-only folder 'worked'"
