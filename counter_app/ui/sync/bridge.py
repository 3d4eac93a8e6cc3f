"""Carries the background sender's reports to the GUI thread as a Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from counter_app.app_context import AppContext
from counter_app.sync.runner import SyncRunner
from counter_app.sync.sender import SyncReport


class SyncBridge(QObject):
    """Owns the SyncRunner of this station; `reported` arrives on the GUI thread."""

    reported = Signal(object)  # SyncReport

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = ctx.sync_sender_factory()
        self.runner = SyncRunner(self.factory, ctx.clock, ctx.settings.sync.url, self._report)
        self.running = False

    def _report(self, report: SyncReport) -> None:
        self.reported.emit(report)  # from the sender's thread: Qt queues the delivery

    def start(self) -> None:
        """Begin sending in the background."""
        if not self.running:
            self.running = True
            self.runner.start()

    def send_now(self) -> None:
        """ "Gửi ngay"."""
        self.runner.send_now()

    def stop(self) -> None:
        """Finish the current round, give the lease back, close connections."""
        if self.running:
            self.running = False
            self.runner.stop()
            self.factory.close()
