"""Where netkeep keeps its database and config (light: imported by every command)."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """``NETKEEP_DB`` if set, else ``netkeep.db`` in the platform's user data dir."""
    env = os.environ.get("NETKEEP_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("netkeep", appauthor=False) / "netkeep.db"


def config_dir() -> Path:
    """``NETKEEP_CONFIG`` if set, else the platform's user config dir for netkeep."""
    env = os.environ.get("NETKEEP_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("netkeep", appauthor=False)


def demo_db_path() -> Path:
    """The demo network's own database, never the user's."""
    from platformdirs import user_cache_path

    return user_cache_path("netkeep", appauthor=False) / "demo.db"
