"""Other stations see each call within a second, and recover by themselves after an outage."""

from __future__ import annotations

import threading
import time

from queue_fixtures import make_hall

from counter_app.services.queue import QueueService
from counter_app.services.queue_watch import QueueWatcher
from db.engine import Database


class Collector:
    def __init__(self) -> None:
        self.events = []
        self.status = []
        self.arrived = threading.Event()

    def on_events(self, events) -> None:
        self.events.extend(events)
        self.arrived.set()

    def on_status(self, ok, message) -> None:
        self.status.append((ok, message))


def wait_for(predicate, timeout=5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_a_call_reaches_another_station_within_a_second(migrated_db):
    hall = make_hall(migrated_db)
    board_db = Database(migrated_db.url)  # the display board: its own connections
    seen = Collector()
    watcher = QueueWatcher(QueueService(board_db, hall.clock), seen.on_events, seen.on_status)
    watcher.start()
    try:
        assert wait_for(lambda: seen.status == [(True, "")])
        time.sleep(0.3)  # let the watcher settle into waiting (LISTEN or polling)
        hall.queue.issue(hall.kiosk, hall.areas["A"].id)
        clicked = time.monotonic()
        hall.queue.call_next(hall.clerk, 2)
        assert wait_for(lambda: any(e.kind == "call" for e in seen.events), timeout=2.0)
        latency = time.monotonic() - clicked
        assert latency < 1.0, latency
        call = next(e for e in seen.events if e.kind == "call")
        assert (call.label, call.counter) == ("A001", 2)
        assert [e.kind for e in seen.events] == ["issue", "call"]
    finally:
        watcher.stop()
        board_db.dispose()


def test_watcher_reports_an_outage_and_catches_up(pg_server, pg_url):
    db = Database(pg_url)
    from db.migrate import migrate

    migrate(db)
    hall = make_hall(db)
    seen = Collector()
    watcher = QueueWatcher(
        QueueService(Database(pg_url), hall.clock), seen.on_events, seen.on_status
    )
    watcher.start()
    try:
        assert wait_for(lambda: seen.status == [(True, "")])
        pg_server.stop_server("immediate")
        assert wait_for(lambda: len(seen.status) >= 2, timeout=10)
        assert seen.status[1][0] is False and "Không kết nối được" in seen.status[1][1]
        pg_server.start()
        hall.db.dispose()
        ticket = hall.queue.issue(hall.kiosk, hall.areas["B"].id)
        assert wait_for(lambda: seen.status[-1] == (True, ""), timeout=15)
        assert wait_for(lambda: any(e.label == ticket.label for e in seen.events), timeout=5)
    finally:
        watcher.stop()
        db.dispose()
