"""``netkeep sync``: the folders config.toml names, the report, and one line for what is wrong."""

from __future__ import annotations

from helpers.people import person
from netkeep.cli import main


def write_config(tmp_path, text: str) -> None:
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    (folder / "config.toml").write_text(text)


def test_nothing_configured_says_how_to_set_it_up(db, capsys):
    assert main(["sync"]) == 1
    assert "Nothing to sync" in capsys.readouterr().err


def test_the_configured_folder_is_synced_and_reported(db, tmp_path, capsys):
    person("Ana Silva")
    folder = tmp_path / "contacts"
    folder.mkdir()
    write_config(tmp_path, f'[sync]\ncontacts = "{folder}"\nfollowups = "{tmp_path}"\n')
    assert main(["sync"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[1:3] == [
        "  in netkeep: 0 added, 0 updated, 0 deleted",
        "  in the folder: 1 added, 0 updated, 0 deleted",
    ]
    assert "followups" in err and err.count("\n") == 1  # not synced by this version, said once
    assert len(list(folder.glob("*.vcf"))) == 1


def test_a_missing_folder_is_one_line_and_status_1(db, tmp_path, capsys):
    assert main(["sync", "--contacts", str(tmp_path / "nowhere")]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "does not exist" in out
