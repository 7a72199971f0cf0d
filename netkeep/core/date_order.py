"""Which way round a numeric date is read ("3/4": 3 April or March 4): ``[dates] order``.

``config.toml``::

    [dates]
    order = "MDY"   # or "DMY"

Without the setting the order comes from the locale (``LC_ALL``, ``LC_TIME``, ``LANG``):
``MDY`` in the United States and the few places that write dates that way, ``DMY``
elsewhere, and unknown for the C/POSIX locale (then only dates that can be read one way
are accepted).
"""

from __future__ import annotations

import os
import re

ORDERS = ("DMY", "MDY")
#: Territories that write the month first.
_MONTH_FIRST = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI", "BZ"}
_cache: dict[object, tuple[object, str | None]] = {}


def locale_order(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """``MDY`` or ``DMY`` as the locale suggests, ``None`` when it says nothing (C, POSIX)."""
    environ = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(key, "")
        if value:
            match = re.match(r"[a-z]{2,3}_([A-Z]{2})", value)
            if not match:
                return None
            return "MDY" if match[1] in _MONTH_FIRST else "DMY"
    return None


def read_order(section: dict) -> str | None:
    """The ``order`` of a ``[dates]`` table; ``None`` when missing or not DMY/MDY."""
    value = section.get("order")
    if isinstance(value, str) and value.strip().upper() in ORDERS:
        return value.strip().upper()
    return None


def configured_order() -> str | None:
    """The order numeric dates are read in: the config's, else the locale's (or ``None``)."""
    from netkeep.core.config import load_config
    from netkeep.paths import config_dir

    directory = config_dir()
    path = directory / "config.toml"
    try:
        stat = path.stat()
        stamp: object = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        config = load_config(directory)
        cached = _cache[path] = (stamp, read_order(config.section("dates")))
    return cached[1] or locale_order()
