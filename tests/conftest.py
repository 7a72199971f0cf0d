"""Shared fixtures: every test gets its own database file and config dir."""

from __future__ import annotations

import os

import pendulum
import pytest

os.environ.setdefault("TEXTUAL_ANIMATION", "none")

#: Where the ``frozen`` fixture holds the clock unless told otherwise: a Monday morning, UTC.
FROZEN_AT = pendulum.datetime(2026, 3, 2, 10)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "frozen_at(moment): the moment the `frozen` fixture holds the clock at (a pendulum DateTime)",
    )


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


@pytest.fixture
def frozen(request):
    """The clock held still at FROZEN_AT, or at the moment a ``@pytest.mark.frozen_at(moment)``
    on the test or its module names, with the local timezone UTC so dates and "n days ago" are
    the same on every machine. Yields pendulum's traveller: ``frozen.travel_to(...)`` moves on."""
    marker = request.node.get_closest_marker("frozen_at")
    moment = marker.args[0] if marker else FROZEN_AT
    with (
        pendulum.test_local_timezone(pendulum.timezone("UTC")),
        pendulum.travel_to(moment, freeze=True) as traveller,
    ):
        yield traveller
