"""The sender's own thread: runs rounds, sleeps between them, wakes on "Gửi ngay" or the network.

While the province is unreachable it waits out the backoff, but probes the province's port
every few seconds with a bare TCP connect: when a line that was down comes back it sends at
once rather than at the end of a long backoff.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from counter_app.clock import Clock
from counter_app.sync.sender import SyncReport, SyncSender

log = logging.getLogger(__name__)

SenderFactory = Callable[[], SyncSender | None]
ReportCallback = Callable[[SyncReport], None]


def port_answers(url: str, timeout: float = 2.0) -> bool:
    """Whether a TCP connection to the URL's host and port opens now."""
    parts = urlsplit(url)
    if not parts.hostname:
        return False
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return True
    except OSError:
        return False


class SyncRunner:
    """Runs the sender in the background until stopped."""

    def __init__(
        self,
        make_sender: SenderFactory,
        clock: Clock,
        url: str,
        on_report: ReportCallback | None = None,
        idle_seconds: float = 15.0,
        probe_seconds: float = 5.0,
    ) -> None:
        self.make_sender, self.clock, self.url = make_sender, clock, url
        self.on_report = on_report or (lambda report: None)
        self.idle_seconds, self.probe_seconds = idle_seconds, probe_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._now_please = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin sending in the background."""
        self._thread = threading.Thread(target=self._run, name="sync-sender", daemon=True)
        self._thread.start()

    def send_now(self) -> None:
        """ "Gửi ngay": a round at once, ignoring the backoff."""
        self._now_please = True
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the current round and stop."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        sender: SyncSender | None = None
        while not self._stop.is_set():
            now_please, self._now_please = self._now_please, False
            self._wake.clear()
            report = SyncReport()
            try:
                sender = self.make_sender()
                if sender is not None:
                    report = sender.run_once(now_please)
            except Exception as exc:  # a bug or the database away: report, wait, go on
                log.exception("sync round failed")
                report.error = str(exc)
            self.on_report(report)
            self._sleep(report)
        if sender is not None:
            try:
                sender.stop()
            except Exception:  # the database may be gone at shutdown; the lease expires anyway
                log.warning("could not release the sync lease", exc_info=True)

    def _sleep(self, report: SyncReport) -> None:
        if report.waiting_until is None:
            self._wake.wait(self.idle_seconds)
            return
        # Only a line that was down and came up again cuts the wait short: a province that
        # answers 503 or 429 keeps its backoff.
        was_down = not port_answers(self.url)
        while not self._stop.is_set():
            left = (report.waiting_until - self.clock()).total_seconds()
            if left <= 0:
                return
            if self._wake.wait(min(left, self.probe_seconds)):
                return
            if was_down and port_answers(self.url):
                log.info("the province answers again: sending now")
                self._now_please = True
                return
