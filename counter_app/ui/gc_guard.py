"""Python's cycle collector runs on the GUI thread only, from a timer.

Left automatic, the collector runs in whichever thread happens to allocate: a worker thread
building a report can then free a Qt object that belongs to the GUI thread, and the process
dies (seen as a segmentation fault in a test run). Anki does the same for the same reason.
Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 5_000


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects on the owner's (GUI) thread instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    @staticmethod
    def collect() -> int:
        """Collect cycles now; returns how many objects were found unreachable."""
        return gc.collect()
