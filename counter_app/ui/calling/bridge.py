"""Carries the queue watcher's reports from its thread to the GUI thread as Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from counter_app.services.queue import QueueService
from counter_app.services.queue_models import QueueEventInfo
from counter_app.services.queue_watch import QueueWatcher


class QueueBridge(QObject):
    """Owns a QueueWatcher; `events` and `status` arrive queued on the thread owning the bridge."""

    events = Signal(object)  # list[QueueEventInfo], oldest first
    status = Signal(bool, str)  # connected?, the reason when not

    def __init__(
        self, queue: QueueService, poll_seconds: float = 0.25, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.watcher = QueueWatcher(queue, self._on_events, self._on_status, poll_seconds)
        self.running = False

    def _on_events(self, events: list[QueueEventInfo]) -> None:
        self.events.emit(events)  # called on the watcher's thread: Qt queues the delivery

    def _on_status(self, ok: bool, message: str) -> None:
        self.status.emit(ok, message)

    def start(self) -> None:
        """Begin following the queue from now on."""
        if not self.running:
            self.running = True
            self.watcher.start()

    def stop(self) -> None:
        """Stop following and wait for the watcher's thread to end."""
        if self.running:
            self.running = False
            self.watcher.stop()
