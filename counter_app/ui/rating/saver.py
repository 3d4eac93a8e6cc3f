"""Saving answers so none is lost: on this machine's disk first, then in the office database.

An answer is written to the journal at once (the citizen has gone; the screen may lose the
database or its power next), then saved off the GUI thread. What the database did not take
stays in the journal and is tried again on a timer, and whenever the caller knows the
database is back (`flush`). Saves never overlap: a resend is harmless (the answer's client
key), but overlapping ones would log a false "already rated".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app.services.principal import Principal
from counter_app.services.rating import RatingInput, RatingService
from counter_app.services.rating_journal import RatingJournal
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

RETRY_MS = 15_000


def journal_path(data_dir: Path, counter: int | None) -> Path:
    """Where a screen keeps answers the database has not taken yet (None: the kiosk)."""
    name = f"counter-{counter}" if counter is not None else "kiosk"
    return data_dir / f"ratings-pending-{name}.jsonl"


class RatingSaver(QObject):
    """Keeps, saves and retries; `changed` carries how many answers still wait."""

    changed = Signal(int)

    def __init__(
        self,
        service: RatingService,
        principal: Principal,
        journal: RatingJournal,
        pool: Pool | None = None,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.principal, self.journal, self.pool = service, principal, journal, pool
        self.waiting = 0
        self._task: TaskSignals | None = None
        self._busy = False
        self._again = False
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(retry_ms)
        self.retry.timeout.connect(self.flush)

    def save(self, rating: RatingInput) -> None:
        """Keep the answer on disk, then try to save everything waiting."""
        try:
            self.journal.keep(rating)
        except OSError:
            # No disk to keep it on: the database is the only chance left.
            log.exception("cannot keep rating %s on disk; saving it directly", rating.event_key)
            self._run(lambda: self._save_directly(rating))
            return
        self.flush()

    def _save_directly(self, rating: RatingInput) -> tuple[int, int]:
        self.service.submit(self.principal, rating)
        return 1, len(self.journal.pending())

    def waiting_keys(self) -> set[str]:
        """Event keys answered here but not yet in the database."""
        return {rating.event_key for rating in self.journal.pending()}

    def flush(self) -> None:
        """Save what waits (now, or right after the save under way)."""
        if self._busy:
            self._again = True
            return
        self._run(lambda: self.journal.save_all(self.service, self.principal))

    def stop(self) -> None:
        """No more retries (the window is closing); what waits stays in the journal."""
        self.retry.stop()
        self._again = False

    def _run(self, fn: Callable[[], tuple[int, int]]) -> None:
        self.retry.stop()
        self._busy = True
        signals = run_task(self.pool, fn, lambda result: self._finish(result[1]), self._failed)
        if self._busy:  # still under way: its signals must live until it reports
            self._task = signals

    def _failed(self, exc: BaseException) -> None:
        log.warning("saving ratings failed: %s", exc)
        try:
            still = len(self.journal.pending())
        except OSError:
            still = 1
        self._finish(still)

    def _finish(self, waiting: int) -> None:
        self._busy, self._task = False, None
        self.waiting = waiting
        self.changed.emit(waiting)
        if self._again:
            self._again = False
            self.flush()
        elif waiting:
            self.retry.start()
