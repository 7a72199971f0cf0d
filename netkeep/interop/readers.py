"""Which importer reads which format."""

from __future__ import annotations

import importlib

from netkeep.interop.parsed import ParseResult
from netkeep.interop.pause_gc import gc_paused

PARSERS = {
    "linkedin": "netkeep.interop.linkedin",
    "vcard": "netkeep.interop.vcard",
    "google": "netkeep.interop.google",
    "outlook": "netkeep.interop.outlook",
}


def read_file(kind: str, path: str) -> ParseResult:
    """Parse ``path`` with the importer for ``kind`` (``linkedin``, ``vcard``, ``google``, ``outlook``)."""
    with gc_paused():
        return importlib.import_module(PARSERS[kind]).parse(path)
