"""Which importer reads which format."""

from __future__ import annotations

import importlib

from netkeep.interop.parsed import ParseResult
from netkeep.interop.pause_gc import gc_paused
from netkeep.interop.textfile import decoding_notes

PARSERS = {
    "linkedin": "netkeep.interop.linkedin",
    "vcard": "netkeep.interop.vcard",
    "google": "netkeep.interop.google",
    "outlook": "netkeep.interop.outlook",
}


def read_file(kind: str, path: str) -> ParseResult:
    """Parse ``path`` with the importer for ``kind`` (``linkedin``, ``vcard``, ``google``,
    ``outlook``), with what reading it had to guess (its encoding) in the result's notes."""
    with gc_paused(), decoding_notes() as notes:
        result = importlib.import_module(PARSERS[kind]).parse(path)
    result.notes.extend(notes)
    return result
