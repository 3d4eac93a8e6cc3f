"""The status bar's sync line: pending count and age, errors, token and clock warnings."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.app_context import AppContext
from counter_app.services.sync_status import SyncOverview
from counter_app.ui import texts
from counter_app.ui.sync.bridge import SyncBridge
from counter_app.ui.sync.describe import status_line
from counter_app.ui.workers import Pool, TaskSignals, run_task

REFRESH_MS = 30_000


class SyncIndicator(QWidget):
    """A label and a "Gửi ngay" button, refreshed after each round and every 30 s."""

    def __init__(
        self,
        ctx: AppContext,
        bridge: SyncBridge | None,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.bridge, self.pool = ctx, bridge, pool
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.send_now = QPushButton(texts.SYNC_SEND_NOW)
        self.send_now.setVisible(bridge is not None)
        self.send_now.clicked.connect(self._send_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.send_now)
        self._task: TaskSignals | None = None
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if bridge is not None:
            bridge.reported.connect(lambda _report: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Read the overview off the GUI thread and show it."""
        if self._task is not None:
            return
        self._task = run_task(self.pool, self.ctx.sync_status.overview, self._show, self._failed)

    def _show(self, overview: SyncOverview) -> None:
        self._task = None
        line, warn = status_line(overview, self.ctx.clock())
        self.label.setText(line)
        self.label.setToolTip(line)
        self.label.setProperty("role", "warning" if warn else "subtle")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.label.setText(texts.SYNC_STATUS_ERROR.format(message=exc))

    def _send_now(self) -> None:
        if self.bridge is not None:
            self.label.setText(texts.SYNC_SENDING_NOW)
            self.bridge.send_now()
