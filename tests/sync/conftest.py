"""Sync-test fixtures: the reference provincial server, started as a real process.

- ``provincial``: a server on SQLite shared by the session (faults cleared around each test;
  tests use fresh dossier codes, so they do not see each other's data).
- ``start_provincial`` (tests/conftest.py): a server of the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from provincial_helpers import ProvincialServer


@pytest.fixture(scope="session")
def _provincial_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProvincialServer]:
    folder = tmp_path_factory.mktemp("provincial")
    server = ProvincialServer(f"sqlite:///{folder / 'province.sqlite3'}", folder).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def provincial(_provincial_session: ProvincialServer) -> Iterator[ProvincialServer]:
    server = _provincial_session
    server.ops("DELETE", "/_ops/faults").raise_for_status()
    yield server
    server.ops("DELETE", "/_ops/faults").raise_for_status()
