"""Every command on broken storage or bad input: one line on stderr naming the cause, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.people import person
from helpers.storage import zero_index_page
from netkeep.cli import main
from netkeep.store import database as store_database
from netkeep.store.database import open_database
from netkeep.store.models import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"
READING = [["find"], ["find", "--json"], ["due"], ["export", "csv"]]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("netkeep: "), err
    return lines[0]


@pytest.mark.parametrize("command", READING)
def test_a_mistyped_db_path_is_refused_and_never_created(capsys, tmp_path, command):
    path = tmp_path / "netkeep.bd"
    code, out, err = run(capsys, "--db", str(path), *command)
    assert (code, out) == (1, "")
    assert one_line(err) == f"netkeep: no netkeep database at {path}"
    assert not path.exists()


@pytest.mark.parametrize("command", READING)
@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"shopping list: milk, eggs\n" * 40, "the file is not a database"),
        (None, "the database file is damaged (run netkeep doctor)"),  # cut short
    ],
)
def test_reading_a_broken_file(capsys, tmp_path, command, content, cause):
    path = tmp_path / "broken.db"
    if content is None:
        open_database(path)
        for number in range(200):
            person(f"Person {number}", notes="x" * 300)
        store_database.database.obj.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(content)
    code, out, err = run(capsys, "--db", str(path), *command)
    assert code == 1 and cause in one_line(err)


@pytest.mark.parametrize(
    "command",
    [
        ["capture", "Ada Lovelace @Engines"],
        ["log", "Person 7", "we met"],
        ["import", "vcard", str(FIXTURES / "cards_40.vcf")],
        ["export", "csv"],
    ],
)
def test_damage_found_after_opening(capsys, db, db_path, command):
    for number in range(300):
        person(f"Person {number}", notes="x" * 200)
    db.close()
    zero_index_page(db_path)
    code, _, err = run(capsys, *command)
    assert code == 1
    assert "the database file is damaged (run netkeep doctor)" in one_line(err)


def test_a_full_disk_import_names_the_full_disk_and_writes_nothing(
    capsys, db, db_path, tmp_path, monkeypatch
):
    person("Ada Lovelace")
    db.close()
    cards = tmp_path / "many.vcf"
    cards.write_text(
        "".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {n}\nNOTE:{'x' * 300}\nEND:VCARD\n" for n in range(500))
    )
    pages = os.path.getsize(db_path) // 4096
    monkeypatch.setitem(store_database.PRAGMAS, "max_page_count", pages + 3)  # SQLite's "disk is full"
    code, _, err = run(capsys, "import", "vcard", str(cards))
    assert code == 1
    assert err.splitlines()[-1] == f"netkeep: {db_path}: the disk is full"
    assert "rollback" not in err
    monkeypatch.delitem(store_database.PRAGMAS, "max_page_count")
    open_database(db_path)
    assert Contact.select().count() == 1


def test_a_read_only_file_is_read_and_refused_for_writes(capsys, db, db_path):
    person("Ada Lovelace")
    db.close()
    os.chmod(db_path, 0o444)
    code, out, _ = run(capsys, "find", "ada")
    assert code == 0 and out.startswith("Ada Lovelace")
    assert run(capsys, "due")[0] == 0
    code, _, err = run(capsys, "capture", "Bob Smith")
    assert code == 1 and "the database file is read-only" in one_line(err)
    assert os.stat(db_path).st_mode & 0o777 == 0o444


@pytest.mark.parametrize(
    "command",
    [
        ["capture", "Zo\udcc3 M\udcfcller"],
        ["log", "Zo\udceb", "hello"],
        ["find", "\udcff"],
        ["log", "x", "a\udcff"],
    ],
)
def test_argument_bytes_that_are_not_utf8_are_one_line(capsys, db, command):
    code, out, err = run(capsys, *command)
    assert (code, out) == (1, "")
    assert "is not UTF-8 text" in one_line(err)
    assert Contact.select().count() == 0


def test_what_was_typed_is_echoed_with_escape_codes_as_symbols(capsys, db):
    person("Ada Lovelace")
    code, _, err = run(capsys, "log", "\x1b]0;pwned\x07nobody\x1b[2J", "hello")
    assert code == 1
    assert one_line(err) == (
        "netkeep: no contact matches '␛]0;pwned␇nobody␛[2J' (try `netkeep find` to list them)"
    )
    with pytest.raises(SystemExit):
        main(["due", "--\x1b[2Jjson"])  # argparse echoes an unknown option as it was typed
    err = capsys.readouterr().err
    assert "\x1b" not in err and "unrecognized arguments: --␛[2Jjson" in err


def test_a_bug_is_one_line_too(capsys, db, monkeypatch):
    from netkeep.cli import find

    def broken(_args):
        raise KeyError("oops")

    monkeypatch.setattr(find, "run", broken)
    code, _, err = run(capsys, "find", "x")
    assert code == 1 and one_line(err) == "netkeep: unexpected error: 'oops' (KeyError); please report it"
