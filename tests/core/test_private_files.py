"""What netkeep writes for the user is theirs alone (0600 from the first byte, whatever the
umask) and appears whole or not at all."""

from __future__ import annotations

import os

import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import letters, prep
from netkeep.core.private_files import write_private
from netkeep.interop.writer import export_to_path


@pytest.fixture(autouse=True)
def _open_umask():
    old = os.umask(0o022)  # a usual umask: files would be world-readable
    yield
    os.umask(old)


def _mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def test_letters_briefs_and_exports_are_private(db, tmp_path):
    jane = person("Jane Doe", "jane@stripe.com")
    meeting = meet(jane, kind="coffee", points="payments")
    letters.save_draft(meeting, "Thanks", "Thank you.")
    eml = letters.save_eml(meeting, tmp_path / "thanks.eml")
    brief = prep.export_markdown(jane, tmp_path)
    csv_path = export_to_path("csv", str(tmp_path / "all.csv")).path
    folder = export_to_path("vcard", str(tmp_path / "cards") + "/").path
    cards = list(folder.glob("*.vcf"))
    assert cards and all(_mode(card) == 0o600 for card in cards)
    assert [_mode(p) for p in (eml, brief, csv_path)] == [0o600, 0o600, 0o600]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")

    def fails(out):
        out.write("half of it")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_private(target, fails, encoding="utf-8")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
