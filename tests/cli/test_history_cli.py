"""``netkeep history``, ``undo``, ``trash``, ``delete``, ``backup`` and ``restore`` from the shell."""

from __future__ import annotations

import io
import json

import pytest

from helpers.people import person
from netkeep.cli import main
from netkeep.core import contacts, history, interactions


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_lists_changes_newest_first_and_as_json(db, frozen, capsys):
    bob = person("Bob Smith")
    contacts.set_archived(bob, True)
    code, out, _ = run(capsys, "history")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["2", "2", "Mar", "10:00", "Archived", "Bob", "Smith", "Bob", "Smith"]
    assert "Added Bob Smith" in lines[1]
    code, out, _ = run(capsys, "history", "--json")
    data = json.loads(out)
    assert [(d["id"], d["kind"], d["summary"], d["contact_ids"], d["undone"]) for d in data] == [
        (2, "archive", "Archived Bob Smith", [bob], False),
        (1, "add", "Added Bob Smith", [bob], False),
    ]
    assert data[0]["at"] == "2026-03-02T10:00:00+00:00"


def test_undo_the_last_change_then_by_id_and_redo(db, frozen, capsys):
    bob = person("Bob Smith")
    contacts.set_archived(bob, True)
    code, out, _ = run(capsys, "undo")
    assert (code, out.strip()) == (0, "Undo: Archived Bob Smith (change 3; `netkeep undo 3` takes it back)")
    assert not contacts.get_card(bob).archived
    code, out, _ = run(capsys, "undo", "3")
    assert code == 0 and out.startswith("Redo: Archived Bob Smith")
    assert contacts.get_card(bob).archived


def test_undo_blocked_is_one_line_and_changes_nothing(db, frozen, capsys):
    bob = person("Bob Smith")
    contacts.set_archived(bob, True)
    code, out, err = run(capsys, "undo", "1")
    assert code == 1 and out == ""
    assert err == (
        "netkeep: Can't undo “Added Bob Smith”: Bob Smith was changed since, by “Archived Bob Smith”"
        " (2 Mar 10:00); undo that first.\n"
    )
    assert contacts.get_card(bob).archived
    code, _, err = run(capsys, "undo", "99")
    assert code == 1 and "no change 99" in err


def test_nothing_to_undo(db, capsys):
    assert run(capsys, "undo") == (1, "", "netkeep: there is nothing to undo\n")


def test_delete_says_what_changes_asks_and_the_trash_restores(db, frozen, capsys, monkeypatch):
    bob = person("Bob Smith")
    person("Ann Lee", introduced_by_id=bob)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, err = run(capsys, "delete", "Bob Smith")
    assert code == 1 and "Add --yes" in err and contacts.resolve("Bob Smith")  # not a terminal
    assert out.splitlines()[0] == "1 person was introduced by Bob Smith; they will show no introducer."
    code, out, _ = run(capsys, "delete", "Bob Smith", "--yes")
    assert code == 0 and "Deleted Bob Smith." in out and not contacts.resolve("Bob Smith")
    code, out, _ = run(capsys, "trash")
    assert out.splitlines()[0].split()[:4] == ["3", "Deleted", "Bob", "Smith"]
    assert "kept until 1 Apr" in out
    run(capsys, "undo", "3")
    assert contacts.resolve("Bob Smith")
    assert run(capsys, "trash")[1] == "The trash is empty.\n"


def test_undo_restores_a_deleted_contact_whose_id_someone_took_since(db, frozen, capsys):
    ana = person("Ana Silva")
    run(capsys, "log", "Ana Silva", "talked shop", "--kind", "coffee")
    run(capsys, "delete", "Ana Silva", "--yes")
    delete = history.last_undoable().id
    assert run(capsys, "capture", "Bob Smith")[0] == 0
    run(capsys, "log", "Bob Smith", "Bob's call", "--kind", "call")
    assert [row[0] for row in contacts.resolve("Bob Smith")] == [ana]  # he took her id
    code, out, err = run(capsys, "undo", str(delete))
    assert (code, err) == (0, "") and out.startswith("Undo: Deleted Ana Silva")
    [(restored, *_)] = contacts.resolve("Ana Silva")
    assert restored != ana
    assert run(capsys, "history")[1].splitlines()[0].endswith("Undo: Deleted Ana Silva  Ana Silva")
    assert [(e.kind, e.summary) for e in interactions.timeline_for(restored)] == [("coffee", "talked shop")]
    assert [(e.kind, e.summary) for e in interactions.timeline_for(ana)] == [("call", "Bob's call")]


def test_trash_empty_asks_unless_yes(db, frozen, capsys):
    contacts.delete_contact(person("Bob Smith"))
    code, out, err = run(capsys, "trash", "empty")
    assert code == 1 and "--yes" in err and len(history.recent()) == 2
    code, out, _ = run(capsys, "trash", "empty", "--yes")
    assert (code, out) == (0, "Emptied the trash: 1 deleted contact(s) are gone for good.\n")
    assert history.recent() == []


def test_backup_restore_list_and_restore(db, db_path, frozen, capsys):
    person("Bob Smith")
    code, out, _ = run(capsys, "backup")
    backup = db_path.parent / "backups" / "netkeep-20260302-100000-manual.db"
    assert (code, out) == (0, f"Backed up to {backup} (1 contact; checked)\n")
    person("Ann Lee")
    frozen.travel(minutes=1)
    code, out, _ = run(capsys, "restore", "--list")
    assert code == 0 and out.split()[:5] == ["2026-03-02", "10:00", "manual", "1", "contact"]
    code, out, _ = run(capsys, "restore", str(backup))
    assert code == 0 and out.startswith(f"Restored {backup}.")
    assert not contacts.resolve("Ann Lee") and contacts.resolve("Bob Smith")


@pytest.mark.parametrize("content", [None, b"garbage" * 500])
def test_restore_of_a_missing_or_corrupt_file_is_one_line(db, tmp_path, capsys, content):
    person("Bob Smith")
    path = tmp_path / "old.db"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "restore", str(path))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("netkeep: cannot restore: ") and err.endswith("nothing was changed\n")
    assert contacts.resolve("Bob Smith")
