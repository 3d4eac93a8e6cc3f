"""Sync-test fixtures: the reference provincial server, started as a real process.

- ``provincial``: a server on SQLite shared by the session (faults cleared around each test;
  tests use fresh dossier codes, so they do not see each other's data).
- ``start_provincial``: start a server of the test's own on a given database URL (for tests
  that restore snapshots, or run on PostgreSQL); stopped at the end of the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

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


@pytest.fixture
def start_provincial(tmp_path: Path) -> Iterator[Callable[[str], ProvincialServer]]:
    started: list[ProvincialServer] = []

    def start(db_url: str) -> ProvincialServer:
        server = ProvincialServer(db_url, tmp_path / f"provincial-{len(started)}")
        started.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in started:
            server.stop()
