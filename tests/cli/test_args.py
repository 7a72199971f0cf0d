"""The command line: the two screen-opening forms are read without argparse, the rest with it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netkeep.cli import screen_args
from netkeep.cli.parser import build_parser


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.db"],
        ["--db=x.db"],
        ["capture"],
        ["--db", "x.db", "capture"],
        ["capture", "--db", "x.db"],
        ["capture", "--db=x.db"],
        ["--db", "x.db", "capture", "--db", "y.db"],
    ],
)
def test_screen_forms_read_as_argparse_reads_them(argv):
    quick = screen_args(argv)
    full = build_parser().parse_args(argv)
    assert quick is not None
    assert quick.db == full.db and quick.command == full.command
    if full.command == "capture":
        assert quick.text == full.text == []


@pytest.mark.parametrize(
    "argv",
    [
        ["-h"],
        ["--db"],
        ["--db", "--help"],
        ["capture", "Jane Doe"],
        ["find"],
        ["--db", "x.db", "demo"],
        ["capture", "--help"],
        ["--db="],
        ["capture", "--db"],
        ["capture", "--db", "-h"],
        ["capture", "--db", "x.db", "Jane"],
    ],
)
def test_everything_else_goes_to_argparse(argv):
    assert screen_args(argv) is None


def test_opening_a_screen_does_not_import_argparse(tmp_path):
    code = (
        "import sys\n"
        "import netkeep.tui.run as run\n"
        "run.run_app = lambda db, config_dir=None: 0\n"
        "from netkeep.cli import main\n"
        f"assert main(['--db', {str(tmp_path / 'n.db')!r}]) == 0\n"
        "assert 'argparse' not in sys.modules, 'argparse was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
