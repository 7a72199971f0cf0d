"""How hard the trust suite pushes: the short form (CI) or the long form (``run.py --long``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

#: Set by ``tests/trust/run.py --long``.
LONG = os.environ.get("NETKEEP_TRUST_LONG") == "1"


@dataclass(frozen=True)
class Scale:
    #: SIGKILLs of writers in the crash test.
    kills: int
    #: Seconds the concurrent writers run beside the app.
    concurrency_seconds: float
    #: Examples per property-based test.
    examples: int
    #: The whole hostile corpus through every surface (else a few strings of each kind).
    full_corpus: bool


SCALE = (
    Scale(kills=500, concurrency_seconds=60, examples=2000, full_corpus=True)
    if LONG
    else Scale(kills=20, concurrency_seconds=5, examples=150, full_corpus=False)
)

#: For the heavier cases, run only in the long form.
long_only = pytest.mark.skipif(not LONG, reason="long form only: uv run python tests/trust/run.py --long")
