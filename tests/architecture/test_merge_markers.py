"""No merge left half-done: no conflict markers in the code, the tests or the docs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)
KINDS = ("*.py", "*.md", "*.toml", "*.tcss")


def test_no_file_holds_a_merge_conflict_marker():
    places = [ROOT / "netkeep", ROOT / "tests", ROOT / "docs", ROOT / "scripts"]
    files = [path for place in places for kind in KINDS for path in place.rglob(kind)]
    files += [path for kind in KINDS for path in ROOT.glob(kind)]
    found = [str(path.relative_to(ROOT)) for path in files if MARKER.search(path.read_text("utf-8"))]
    assert not found, f"merge conflict markers left in: {found}"
