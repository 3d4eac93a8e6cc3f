"""Session-wide test set-up: Qt offscreen, isolated app folders, database URLs.

Fixtures (see tests/pg_server.py for the server itself):

- ``pg_server`` (session): the throwaway PostgreSQL server (``PostgresServer``). Skipped, loudly,
  when no PostgreSQL server binaries are installed (set MOTCUA_REQUIRE_PG=1 to fail instead).
- ``pg_url``: a fresh, empty PostgreSQL database for this test, dropped afterwards.
- ``sqlite_url``: ``sqlite:///<tmp_path>/test.sqlite3``, a file database for this test.
- ``db_url``: runs the test twice, ids "sqlite" and "postgresql", with one URL or the other.

Tests that use ``pg_server`` (directly or through ``pg_url``/``db_url``) get the ``postgres``
marker automatically, so ``pytest -m "not postgres"`` runs without PostgreSQL.

Every test gets its own MOTCUA_CONFIG_DIR and MOTCUA_DATA_DIR (under tmp_path), so nothing
reads or writes the real user folders. Area-specific fixtures go in tests/<area>/conftest.py.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from provincial_helpers import ProvincialServer

_TESTS_DIR = str(Path(__file__).resolve().parent)
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from pg_server import PostgresServer, PostgresServerError, find_pg_bindir  # noqa: E402

from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    """A whole UI test session makes millions of Qt calls: guard None (see ui/none_guard)."""
    from counter_app.ui.none_guard import protect_none

    protect_none()
    # As in the app (ui/gc_guard): cycles are collected on the main thread only, after each
    # test, never by a worker thread that happens to allocate.
    gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported so far lives for the whole run: keep it out of every collection."""
    gc.collect()
    gc.freeze()


_tests_since_full_collection = [0]
FULL_COLLECTION_EVERY = 50


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    # A full collection costs a lot over a whole run: do it after tests that made Qt objects
    # (their cycles must die here, on the main thread) and every so often for the rest.
    _tests_since_full_collection[0] += 1
    made_qt = "qtbot" in request.fixturenames or "qapp" in request.fixturenames
    if made_qt or _tests_since_full_collection[0] >= FULL_COLLECTION_EVERY:
        _tests_since_full_collection[0] = 0
        gc.collect()
    else:
        gc.collect(0)


# Until the per-test fixture below takes over (collection, session fixtures), point the app's
# folders at a throwaway place too.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="motcua-test-home-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
os.environ["MOTCUA_CONFIG_DIR"] = str(_SESSION_HOME / "config")
os.environ["MOTCUA_DATA_DIR"] = str(_SESSION_HOME / "data")

_pg_problem: list[str] = []  # why the PostgreSQL tests were skipped, if they were


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_CONFIG_DIR", str(tmp_path / "app-config"))
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path / "app-data"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    if find_pg_bindir() is None:
        reason = (
            "PostgreSQL server binaries (initdb, pg_ctl) not found: ALL PostgreSQL tests are "
            "SKIPPED. Install them (scripts/setup, or apt-get install postgresql) or set "
            "MOTCUA_PG_BINDIR."
        )
        if os.environ.get("MOTCUA_REQUIRE_PG") == "1":
            pytest.fail(reason + " (MOTCUA_REQUIRE_PG=1)", pytrace=False)
        if not _pg_problem:
            _pg_problem.append(reason)
        pytest.skip(reason)
    server = PostgresServer()
    try:
        server.start()
    except PostgresServerError:
        server.stop()
        raise
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    if not pg_server.running:  # a fault test stopped it and did not start it again
        pg_server.start()
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        if pg_server.running:
            pg_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def migrated_db(db_url: str) -> Iterator[Database]:
    """A database at the newest schema; runs each test on SQLite and on PostgreSQL."""
    db = Database(db_url)
    migrate(db)
    try:
        yield db
    finally:
        db.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for reason in _pg_problem:
        terminalreporter.write_sep("!", "WARNING: PostgreSQL tests were skipped", yellow=True)
        terminalreporter.write_line(reason, yellow=True, bold=True)


@pytest.fixture
def start_provincial(tmp_path: Path) -> Iterator[Callable[[str], ProvincialServer]]:
    """Start a reference provincial server of the test's own on a database URL (a process)."""
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
