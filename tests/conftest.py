"""Shared fixtures: every test gets its own database file and config dir."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TEXTUAL_ANIMATION", "none")


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path, monkeypatch):
    """No test ever touches the user's real database or config."""
    monkeypatch.setenv("NETKEEP_DB", str(tmp_path / "netkeep.db"))
    monkeypatch.setenv("NETKEEP_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "netkeep.db"


@pytest.fixture
def db(db_path):
    """An open, migrated database bound to the models."""
    from netkeep.store.database import open_database

    database = open_database(db_path)
    yield database
    database.close()
