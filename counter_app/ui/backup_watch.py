"""The clerk window's backup timer: checks now and then, backs up on a worker when due."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app.app_context import AppContext
from counter_app.services.backup_schedule import BackupSchedule, BackupStatus
from counter_app.services.principal import Principal
from counter_app.ui.backup_warning import BackupWarning
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 5_000  # after the window is up, so signing in is never slowed down
CHECK_EVERY_MS = 10 * 60 * 1000


class BackupWatch(QObject):
    """Runs `BackupSchedule.run_if_due` off the GUI thread and reports each status."""

    status_changed = Signal(object)  # BackupStatus

    def __init__(
        self,
        schedule: BackupSchedule,
        parent: QObject | None = None,
        pool: Pool | None = None,
        first_ms: int = FIRST_CHECK_MS,
        every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.schedule, self.pool = schedule, pool
        self.last: BackupStatus | None = None
        self.warning: BackupWarning | None = None  # the label it feeds, once installed
        self._busy = False
        self._signals: TaskSignals | None = None  # kept alive until the task reports
        self.timer = QTimer(self, interval=every_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self._first = QTimer(self, singleShot=True, interval=first_ms)
        self._first.timeout.connect(self.check)
        self._first.start()

    @property
    def busy(self) -> bool:
        """A check (perhaps a backup) is running on the worker."""
        return self._busy

    def stop(self) -> None:
        """No more checks (the window is closing); a backup already running still finishes."""
        self.timer.stop()
        self._first.stop()

    def check(self) -> None:
        """Start a check (and the backup, when due) unless one is still running."""
        if self._busy:
            return
        self._busy = True  # before starting: an inline pool reports before run_task returns
        self._signals = run_task(self.pool, self.schedule.run_if_due, self._done, self._failed)

    def _done(self, status: object) -> None:
        self._busy = False
        if isinstance(status, BackupStatus):
            self.last = status
            self.status_changed.emit(status)

    def _failed(self, exc: BaseException) -> None:
        # run_if_due records backup failures itself; this is anything else (never a crash).
        self._busy = False
        log.error("backup check failed: %s", exc)
        now = self.schedule.clock()
        known = self.last or BackupStatus(now, None, None, "", True)
        self.last = replace(known, checked_at=now, failed_at=now, error=str(exc))
        self.status_changed.emit(self.last)


def install_backup_watch(
    window: MainWindow, ctx: AppContext, principal: Principal, pool: Pool | None = None
) -> BackupWatch:
    """Put the backup warning in the window's status bar and start the backup timer."""
    warning = BackupWarning(principal.role)
    window.statusBar().addWidget(warning)  # after the sync line, before the permanent labels
    schedule = BackupSchedule(ctx.backups, ctx.settings.backup, ctx.clock)
    watch = BackupWatch(schedule, window, pool)
    watch.status_changed.connect(warning.show_status)
    watch.warning = warning
    window.closed.connect(watch.stop)  # its deletion comes later, in some next event loop
    return watch
