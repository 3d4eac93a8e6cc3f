"""From the queue watcher's thread to the Qt thread: events and connection status as signals."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from counter_app.services.office import OfficeService
from counter_app.services.queue import QueueService
from counter_app.services.queue_areas import RECENT_CALLS
from counter_app.services.queue_models import QueueEventInfo
from counter_app.services.queue_watch import QueueWatcher
from counter_app.ui.display.model import Snapshot

log = logging.getLogger(__name__)


def read_snapshot(
    queue: QueueService, office: OfficeService, recent: int = RECENT_CALLS
) -> Snapshot:
    """Read the board's state with the last `recent` calls, the counters and the areas."""
    info = office.require()
    return Snapshot(info.name, queue.board(recent), info.counters, tuple(queue.areas()))


class WatchBridge(QObject):
    """Owns a QueueWatcher; its callbacks come back as signals, queued to the GUI thread."""

    events = Signal(object)  # list[QueueEventInfo]
    status = Signal(bool, str)

    def __init__(self, queue: QueueService, poll_seconds: float = 0.25) -> None:
        super().__init__()
        self.queue = queue
        self.poll_seconds = poll_seconds
        self.watcher: QueueWatcher | None = None

    def start(self, after: int | None) -> None:
        """Follow the queue from the event after `after` (None: from now)."""
        self.stop()
        self.watcher = QueueWatcher(
            self.queue,
            self._on_events,
            self._on_status,
            poll_seconds=self.poll_seconds,
            start_after=after,
        )
        self.watcher.start()

    def stop(self) -> None:
        """Stop following and wait for the watcher's thread."""
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def _on_events(self, events: list[QueueEventInfo]) -> None:
        self.events.emit(list(events))

    def _on_status(self, ok: bool, message: str) -> None:
        if not ok:
            log.warning("display board lost the database: %s", message)
        self.status.emit(ok, message)
