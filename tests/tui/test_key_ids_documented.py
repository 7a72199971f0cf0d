"""Every key the app binds has an id, and docs/app.md names each one (users remap keys by id)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding

import netkeep.tui

DOCS = Path(__file__).parents[2] / "docs" / "app.md"


def binding_ids() -> set[str | None]:
    ids = set()
    for module_info in pkgutil.walk_packages(netkeep.tui.__path__, "netkeep.tui."):
        module = importlib.import_module(module_info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                ids |= {b.id for b in cls.BINDINGS if isinstance(b, Binding)}
    return ids


def test_every_key_has_an_id_the_docs_name():
    ids = binding_ids()
    assert None not in ids
    section = DOCS.read_text(encoding="utf-8").split("## Your own keys", 1)[1]
    documented = set(re.findall(r"\b[a-z]+\.[a-z_]+\b", section)) - {"config.toml", "cli.md"}
    assert ids - documented == set()
    assert documented - ids == set()
