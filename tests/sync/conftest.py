"""One real Radicale per test module (temporary storage, loopback, no authentication)."""

from __future__ import annotations

import pytest

from helpers.dav import start_radicale


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    server = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)
