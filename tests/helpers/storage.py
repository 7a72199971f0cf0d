"""Broken storage for the tests: a damaged page, a file that is not a database."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def zero_index_page(db_path: Path, index: str = "contact_full_name") -> None:
    """Overwrite the root page of ``index`` with zeros, as a bad disk sector would (the file
    still opens; reading through that index fails). Call it with the database closed."""
    with sqlite3.connect(db_path) as raw:
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    with open(db_path, "r+b") as file:
        file.seek((root - 1) * size)
        file.write(b"\0" * size)
