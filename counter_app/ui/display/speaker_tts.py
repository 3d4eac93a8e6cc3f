"""The display board's text-to-speech engine: its child process, and whether to speak with it.

The engine runs in counter_app.voice.tts_host so a slow or stuck engine can never freeze the
board. While it starts the backend is "pending"; it becomes "tts" once the host reports a usable
voice, and "clips" when the host has none, fails, stops or does not get ready in time.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

log = logging.getLogger(__name__)


def tts_host_command() -> list[str] | None:
    """How to start the text-to-speech host, or None where it cannot be (a frozen build)."""
    if getattr(sys, "frozen", False):
        return None
    return [sys.executable, "-m", "counter_app.voice.tts_host"]


class TtsEngine(QObject):
    """The speech engine's host process, and the backend it leads the Speaker to."""

    decided = Signal(str)  # the backend chosen, "tts" or "clips" (already logged)
    grace_over = Signal()  # calls waiting for a starting engine should wait no longer
    speech = Signal(object)  # a "state" event of the host, as a dict
    lost = Signal()  # the host stopped while in use; the backend is "clips" by now

    def __init__(
        self,
        backend: str,
        *,
        engine: str | None = None,
        any_language: bool = False,
        rate: float = 0.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.any_language = any_language
        self.rate = rate
        self._backend = backend
        self._grace_over = False
        self._ready_timer = QTimer(self, singleShot=True)
        self._ready_timer.timeout.connect(self._on_ready_timeout)
        self._host: QProcess | None = None
        self._host_out = b""

    @property
    def backend(self) -> str:
        """How calls are said now: "pending" (engine starting), "tts", "clips" or "off"."""
        return self._backend

    @property
    def starting(self) -> bool:
        """Whether calls should still wait for the engine, which is starting."""
        return self._backend == "pending" and not self._grace_over

    @property
    def can_speak(self) -> bool:
        """Whether a call can be sent to the engine now."""
        return self._backend == "tts" and self._host is not None

    def start(
        self, command: list[str] | None, start_timeout_ms: int, ready_timeout_ms: int
    ) -> None:
        """Start the host; calls wait `start_timeout_ms` for it, it has `ready_timeout_ms`."""
        QTimer.singleShot(start_timeout_ms, self, self._end_grace)
        self._ready_timer.start(ready_timeout_ms)
        self._start_host(command)

    def say(self, text: str, number: int) -> None:
        """Ask the engine to say `text`; its "state" events carry `number` as their id."""
        if self._host is not None:
            request = json.dumps({"say": text, "id": number}) + "\n"
            self._host.write(request.encode("ascii"))

    def give_up(self, why: str) -> None:
        """End the host and use the clips from now on, saying `why` in the log."""
        self._stop_host()
        if self._backend in ("pending", "tts"):
            self._decide("clips", f"voice: {why}; using the clips from now on")

    def close(self) -> None:
        """End the host; the backend becomes "off" for good."""
        self._ready_timer.stop()
        self._stop_host()
        self._backend = "off"

    def _end_grace(self) -> None:
        self._grace_over = True
        self.grace_over.emit()

    def _start_host(self, command: list[str] | None) -> None:
        if command is None:  # decided once the Speaker has returned and signals are wired
            why = "voice: no text-to-speech host in this build; using the clips"
            QTimer.singleShot(0, self, lambda: self._decide("clips", why))
            return
        args = list(command[1:])
        if self.engine:
            args += ["--engine", self.engine]
        if self.any_language:
            args.append("--any-language")
        args += ["--rate", str(self.rate)]
        host = self._host = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        root = str(Path(__file__).resolve().parents[3])  # so `-m counter_app...` imports
        env.insert("PYTHONPATH", os.pathsep.join(filter(None, [root, env.value("PYTHONPATH")])))
        host.setProcessEnvironment(env)
        host.readyReadStandardOutput.connect(self._on_host_output)
        host.readyReadStandardError.connect(
            lambda: log.debug("tts host: %s", bytes(host.readAllStandardError().data()))
        )
        host.finished.connect(self._on_host_finished)
        host.errorOccurred.connect(self._on_host_error)
        host.start(command[0], args)

    def _on_host_output(self) -> None:
        if self._host is None:
            return
        self._host_out += bytes(self._host.readAllStandardOutput().data())
        *lines, self._host_out = self._host_out.split(b"\n")
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            self._on_host_event(event)

    def _on_host_event(self, event: dict[str, object]) -> None:
        kind = event.get("event")
        if kind == "ready" and self._backend == "pending":
            self._ready_timer.stop()
            self._decide(
                "tts",
                f"voice: speaking with {event.get('engine')} ({event.get('voice')}, "
                f"{event.get('locale')})",
            )
        elif kind == "unavailable":
            self._stop_host()
            self._decide(
                "clips", f"voice: no Vietnamese voice ({event.get('reason')}); using the clips"
            )
        elif kind == "state":
            self.speech.emit(event)

    def _on_host_finished(self, *_args: object) -> None:
        if self._host is not None and self._backend in ("pending", "tts"):
            self.give_up("the text-to-speech host stopped")
            self.lost.emit()

    def _on_host_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._on_host_finished()

    def _on_ready_timeout(self) -> None:
        if self._backend == "pending":
            self.give_up("the speech engine did not start in time")

    def _decide(self, backend: str, message: str) -> None:
        if self._backend == "off":  # closed meanwhile
            return
        self._ready_timer.stop()
        self._backend = backend
        log.info(message)
        self.decided.emit(backend)

    def _stop_host(self) -> None:
        host, self._host = self._host, None
        if host is None:
            return
        host.finished.disconnect(self._on_host_finished)
        if host.state() != QProcess.ProcessState.NotRunning:
            host.kill()  # the process this engine started; nothing else
            host.waitForFinished(1000)
        host.deleteLater()
