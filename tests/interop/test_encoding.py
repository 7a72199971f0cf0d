"""A file that is not quite UTF-8: a few bad bytes are replaced and named by line and field;
a file with no UTF-8 at all is read as Windows-1252, and the preview says so."""

from __future__ import annotations

from netkeep.cli import main
from netkeep.interop import dedupe, report
from netkeep.interop.readers import read_file

HEADER = "First Name,Last Name,Organization Name,Notes,E-mail 1 - Value\n"


def _google(tmp_path, body: bytes):
    path = tmp_path / "contacts.csv"
    path.write_bytes(HEADER.encode() + body)
    return path


def test_a_utf8_file_with_a_few_bad_bytes_stays_utf8(db, tmp_path):
    path = _google(tmp_path, "Zoë,Müller,Acme,fine,\n".encode() + b"Bob,Smith,Acme,caf\xe9 talk,\n")
    result = read_file("google", str(path))
    names = {c.data.full_name: c.data.notes for c in result.candidates}
    assert names == {"Zoë Müller": "fine", "Bob Smith": "caf\ufffd talk"}  # not "ZoÃ« MÃ¼ller"
    lines = report.preview_lines(dedupe.plan(result))
    assert f"Note: {path} is UTF-8 but for a few bytes that are not: they show as � (line 3)." in lines
    assert "  line 3, notes: caf� talk" in lines


def test_a_file_without_any_utf8_is_read_as_windows_1252(db, tmp_path):
    path = _google(tmp_path, "Zoë,Müller,Acme,“quoted”,\n".encode("cp1252"))
    result = read_file("google", str(path))
    assert [(c.data.full_name, c.data.notes) for c in result.candidates] == [("Zoë Müller", "“quoted”")]
    assert result.notes == [
        f"{path} is not UTF-8: read as Windows-1252 (as Excel saves it); check accented names"
    ]


def test_a_clean_utf8_file_has_no_notes(db, tmp_path):
    result = read_file("google", str(_google(tmp_path, "Zoë,Müller,Acme,,\n".encode())))
    assert result.notes == [] and report.replaced_lines(dedupe.plan(result)) == []


def test_the_import_command_reports_the_replaced_bytes(db, tmp_path, capsys):
    path = _google(tmp_path, "Zoë,Müller,,,\n".encode() + b"Bo\xff,Smith,,,\n")
    assert main(["import", "google", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  line 3, full name: Bo� Smith" in out and "Imported from Google Contacts: 2 added" in out
