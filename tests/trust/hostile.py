"""Running one hostile string through one surface and judging what happened."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from trust.corpus import CORPUS, SHORT
from trust.oracle import REFUSED, tally
from trust.procs import Result


def cells(surfaces: dict[str, Callable], known: Callable[[str, str], str | None], full: bool) -> list:
    """``pytest.param(surface, string name)`` for every pair, marked xfail where ``known``
    names a defect being fixed (strict: the mark must go when the fix lands)."""
    names = tuple(CORPUS) if full else SHORT
    params = []
    for surface in surfaces:
        for name in names:
            defect = known(surface, name)
            marks = [pytest.mark.xfail(strict=True, reason=f"trustfix: {defect}")] if defect else []
            params.append(pytest.param(surface, name, id=f"{surface}-{name}", marks=marks))
    return params


def judge(result: Result, stored_verdict: str | None, *, output_ok: bool = True) -> list[str]:
    """What is wrong with one run (none: fine), counted in the figures table.

    ``stored_verdict`` is the oracle's word on what was saved (None: nothing to store);
    a refusal must be one line and exit status 1; nothing may reach the terminal raw.
    """
    problems = []
    if result.traceback:
        problems.append("a traceback")
    if result.leaks_controls and output_ok:
        problems.append("control characters sent to the terminal")
    if stored_verdict == REFUSED and not result.traceback and not result.one_line_failure:
        problems.append("refused, but not with one line and exit status 1")
    elif (
        stored_verdict is not None
        and stored_verdict not in (REFUSED, "stored as typed")
        and not (stored_verdict.startswith("stored without"))
    ):
        problems.append(stored_verdict)
    tally(
        traceback=result.traceback,
        leaked=result.leaks_controls and output_ok,
        mismatch=any(p not in ("a traceback", "control characters sent to the terminal") for p in problems),
    )
    return problems


def new_rows(db: Path, table: str, column: str, after: int) -> list[str]:
    """The ``column`` of the rows of ``table`` added after id ``after``."""
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(f"SELECT {column} FROM {table} WHERE id > ? ORDER BY id", (after,))
        return [row[0] for row in rows]


def last_id(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
