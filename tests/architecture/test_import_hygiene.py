"""The domain and the plain CLI paths never import Textual, not even through a dependency: the
modules are imported for real in a fresh interpreter (test_layers.py reads the source)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import netkeep.store.database, netkeep.core.contacts, netkeep.core.interactions, netkeep.core.dates
import netkeep.cli
{extra}
bad = [m for m in ("textual", "rich") if m in sys.modules]
assert not bad, bad
"""


def run(extra: str = "") -> None:
    result = subprocess.run([sys.executable, "-c", CHECK.format(extra=extra)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_all_core_and_interop_modules_are_textual_free():
    import pkgutil

    import netkeep.core
    import netkeep.interop

    names = [f"netkeep.core.{m.name}" for m in pkgutil.iter_modules(netkeep.core.__path__)]
    names += [f"netkeep.interop.{m.name}" for m in pkgutil.iter_modules(netkeep.interop.__path__)]
    run("\n".join(f"import {name}" for name in names))
