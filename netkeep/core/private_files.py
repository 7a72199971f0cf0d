"""Writing a file only its owner can read: exports, letters, prep briefs.

The file is written under a temporary name beside the target, created private (mode
0600) from its first byte, flushed to the disk and then renamed over the target: a reader
never sees half a file, and a failure leaves the old file (or none) and no temporary one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")


def write_private(
    path: Path, write: Callable[[IO[Any]], T], *, encoding: str | None = None, durable: bool = True
) -> T:
    """Call ``write`` with the file to fill (binary, or text in ``encoding``); return its result.

    ``durable=False`` skips waiting for the disk (one card of thousands in a folder export)."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # 0600
    try:
        mode = "wb" if encoding is None else "w"
        with os.fdopen(fd, mode, encoding=encoding, newline="" if encoding else None) as out:
            result = write(out)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return result


def write_private_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """``data`` as the whole of ``path``, private to its owner."""
    write_private(path, lambda out: out.write(data), durable=durable)
