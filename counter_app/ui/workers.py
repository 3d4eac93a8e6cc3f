"""Slow work off the GUI thread: a task runs on a thread pool, its outcome returns as a signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Pool(Protocol):
    """What a page needs of a thread pool (QThreadPool, or an inline one in tests)."""

    def start(self, runnable: QRunnable) -> None:
        """Run the runnable."""


class TaskSignals(QObject):
    """Success carries the result, failure the exception; both arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One call of a function on a worker thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        """Call the function and report its outcome (Qt API)."""
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI, which decides what to show
            log.warning("background task failed: %s", exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class InlinePool:
    """Runs tasks at once on the calling thread: deterministic tests."""

    def start(self, runnable: QRunnable) -> None:
        """Run the runnable now."""
        runnable.run()


def run_task(
    pool: Pool | None,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> TaskSignals:
    """Start fn on the pool; keep the returned signals object alive until it reports."""
    task = Task(fn)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    (pool or QThreadPool.globalInstance()).start(task)
    return task.signals
