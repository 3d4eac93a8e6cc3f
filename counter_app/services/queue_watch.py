"""Following the queue from another station: LISTEN/NOTIFY on PostgreSQL, cheap polling else.

The watcher runs on its own thread and hands batches of new events to a callback (the UI
turns them into signals). When the database goes away it says so through `on_status` and
keeps retrying with a growing pause, then catches up on everything it missed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from counter_app.services.db_errors import describe_db_error
from counter_app.services.queue import QueueService
from counter_app.services.queue_models import QueueEventInfo
from counter_app.services.queue_stream import NOTIFY_CHANNEL

log = logging.getLogger(__name__)

EventsCallback = Callable[[list[QueueEventInfo]], None]
StatusCallback = Callable[[bool, str], None]


class QueueWatcher:
    """Calls `on_events` with every new queue event, in order, from a background thread."""

    def __init__(
        self,
        queue: QueueService,
        on_events: EventsCallback,
        on_status: StatusCallback | None = None,
        poll_seconds: float = 0.25,
        start_after: int | None = None,
    ) -> None:
        self.queue = queue
        self.on_events = on_events
        self.on_status = on_status or (lambda ok, message: None)
        self.poll_seconds = poll_seconds
        self.last_id = start_after
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected: bool | None = None
        self._listen: psycopg.Connection | None = None  # type: ignore[type-arg]

    def start(self) -> None:
        """Begin following (from now, or from `start_after`)."""
        self._thread = threading.Thread(target=self._run, name="queue-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop following and wait for the thread to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._close_listen()

    def _status(self, ok: bool, message: str = "") -> None:
        if ok != self._connected:
            self._connected = ok
            self.on_status(ok, message)

    def _run(self) -> None:
        pause = 0.5
        while not self._stop.is_set():
            try:
                if self.last_id is None:
                    self.last_id = self.queue.last_event_id()
                self._deliver()
                self._status(True)
                pause = 0.5
                self._wait()
            except Exception as exc:  # any failure: report, back off, retry — never die
                log.warning("queue watcher lost the database: %s", exc)
                self._close_listen()
                self._status(False, describe_db_error(exc))
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)

    def _deliver(self) -> None:
        assert self.last_id is not None
        while True:
            events = self.queue.events_after(self.last_id)
            if not events:
                return
            self.last_id = events[-1].id
            self.on_events(events)

    def _wait(self) -> None:
        """Sleep until something may have happened: a notification, or the next poll."""
        if self.queue.db.is_sqlite:
            self._stop.wait(self.poll_seconds)
            return
        if self._listen is None:
            url = make_url(self.queue.db.url).set(drivername="postgresql")
            self._listen = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
            )
            self._listen.execute(f"LISTEN {NOTIFY_CHANNEL}")
            return  # deliver once more: events may have come before LISTEN took effect
        for _ in self._listen.notifies(timeout=1.0, stop_after=1):
            break

    def _close_listen(self) -> None:
        if self._listen is not None:
            # Closing a dead connection may fail; there is nothing more to do about it.
            with contextlib.suppress(Exception):
                self._listen.close()
            self._listen = None
