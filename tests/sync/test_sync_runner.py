"""One sender among stations (SQLite, PostgreSQL); the runner wakes when the line returns."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from dossier_fixtures import AGENCY, complete_intake, make_counter
from provincial_helpers import free_port

from counter_app.clock import FrozenClock, vietnam_now
from counter_app.settings import SyncSettings
from counter_app.sync import lease, state
from counter_app.sync import sender as sender_module
from counter_app.sync.factory import SenderFactory
from counter_app.sync.fault_proxy import FaultProxy
from counter_app.sync.runner import SyncRunner
from db.engine import Database
from db.migrate import migrate

TTL = timedelta(minutes=2)


@pytest.fixture
def db(db_url):
    database = Database(db_url)
    migrate(database)
    yield database
    database.dispose()


def test_lease_is_held_by_one_station_until_released_or_expired(db):
    clock = FrozenClock(datetime(2026, 11, 23, 8, 0))
    assert lease.claim(db, "MAY-1", clock, TTL)
    assert lease.claim(db, "MAY-1", clock, TTL)  # renewing
    assert not lease.claim(db, "MAY-2", clock, TTL)
    lease.release(db, "MAY-2")  # not the holder: nothing happens
    assert not lease.claim(db, "MAY-2", clock, TTL)
    lease.release(db, "MAY-1")
    assert lease.claim(db, "MAY-2", clock, TTL)
    if db.is_sqlite:  # PostgreSQL takes the lease's time from the server's clock
        clock.advance(minutes=3)
        assert lease.claim(db, "MAY-1", clock, TTL)  # MAY-2 stopped renewing: it expired


def _race(db: Database, name: str, start: threading.Barrier, won: list[str]) -> None:
    start.wait()
    if lease.claim(db, name, vietnam_now, TTL):
        won.append(name)


def test_stations_racing_for_the_lease_never_both_get_it(db):
    for round_number in range(10):
        start = threading.Barrier(4)
        won: list[str] = []
        threads = [
            threading.Thread(target=_race, args=(db, f"MAY-{i}", start, won)) for i in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert len(won) == 1, f"round {round_number}: {won}"
        lease.release(db, won[0])


def test_runner_sends_as_soon_as_the_line_comes_back(
    sqlite_url, start_provincial, tmp_path, monkeypatch
):
    province = start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")
    db = Database(sqlite_url)
    migrate(db)
    counter = make_counter(db)
    counter.clock.at = vietnam_now()
    port = free_port()
    url = f"http://127.0.0.1:{port}"  # the line: a proxy that is not running yet
    with db.write() as session:
        state.put(session, state.TOKEN, province.token(AGENCY))
    settings = SyncSettings(url=url, connect_timeout_s=1, read_timeout_s=3, max_backoff_seconds=600)
    factory = SenderFactory(db, settings, counter.attachments.store, counter.clock, "MAY-1")
    reports = []
    runner = SyncRunner(factory, vietnam_now, url, reports.append, 0.2, probe_seconds=0.2)
    counter.intake.accept(counter.clerk, complete_intake(counter))
    # The line has been down a while: the backoff (random, full jitter) is long this time.
    monkeypatch.setattr(sender_module, "backoff_seconds", lambda *a, **k: 600.0)
    runner.start()
    proxy = None
    try:
        deadline = datetime.now() + timedelta(seconds=10)
        while not any(r.error for r in reports) and datetime.now() < deadline:
            threading.Event().wait(0.05)
        failed = next(r for r in reports if r.error)
        assert failed.waiting_until is not None
        assert failed.waiting_until > vietnam_now() + timedelta(minutes=9)
        proxy = FaultProxy("127.0.0.1", province.port, port=port).start()
        deadline = datetime.now() + timedelta(seconds=10)
        while not any(r.sent for r in reports) and datetime.now() < deadline:
            threading.Event().wait(0.05)
        assert any(r.sent == 1 for r in reports), reports
    finally:
        runner.stop()
        factory.close()
        if proxy is not None:
            proxy.stop()
        db.dispose()
