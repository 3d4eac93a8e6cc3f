"""The display board's voice: a chime, then the call in Vietnamese, one call at a time.

Two ways to speak, chosen by the `mode` setting (`display.voice`):
- "tts": a QtTextToSpeech engine, run in a child process (counter_app.voice.tts_host) so a slow
  or stuck engine can never freeze the board; "auto" uses it only when an engine has a
  Vietnamese voice (speech-dispatcher + espeak-ng on Linux, a vi-VN voice on Windows);
- "clips": the recorded clips in resources/sounds/vi joined into one WAV and played with
  QtMultimedia; "auto" without a Vietnamese voice, and the fallback of "tts" when the engine
  fails to start, does not start speaking within ~2 s, or never finishes;
- "off": silent.
With no audio output at all, it says so once in the log and stays silent; the board is unchanged.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QProcess,
    QProcessEnvironment,
    QTimer,
    QUrl,
    Signal,
)

from counter_app.domain.queue import call_phrase
from counter_app.voice.clips import DEFAULT_FOLDER, ClipError, join_clips, wav_duration
from counter_app.voice.phrases import CHIME, call_clips, spoken_call

log = logging.getLogger(__name__)

MODES = ("auto", "tts", "clips", "off")

#: Plays a WAV given as bytes, then calls `done(True)`, or `done(False)` when it could not.
ClipPlayer = Callable[[bytes, Callable[[bool], None]], None]

# Playback not reported ended by 1.5 × its length + 5 s is given up. Qt reports the end ~1–2 s
# after the sound (the output's buffer drains), so less would cut the next call into this one.
_PLAYBACK_GRACE_MS = 5000
_MAX_WAITING = 20  # calls waiting beyond this are old news: the oldest is dropped


class QtClipPlayer(QObject):
    """Plays WAV bytes on the default audio output (QMediaPlayer from a QBuffer, no files)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self._buffer: QBuffer | None = None
        self._done: Callable[[bool], None] | None = None

    @staticmethod
    def has_output() -> bool:
        """Whether the machine has an audio output device at all."""
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.audioOutputs())

    def __call__(self, wav: bytes, done: Callable[[bool], None]) -> None:
        """Play `wav`; `done` is called once, when it ends or fails."""
        from PySide6.QtMultimedia import QMediaDevices

        self._report(False)  # a previous playback still running is abandoned
        self._output.setDevice(QMediaDevices.defaultAudioOutput())
        self._done = done
        buffer = QBuffer(self)
        buffer.setData(QByteArray(wav))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player.setSourceDevice(buffer, QUrl("call.wav"))
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._player.play()

    def stop(self) -> None:
        """Stop playing; the pending `done` is not called."""
        self._done = None
        self._player.stop()

    def _on_status(self, status: object) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._report(True)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._report(False)

    def _on_error(self, _error: object, text: str) -> None:
        log.warning("voice: playback failed: %s", text)
        self._report(False)

    def _report(self, ok: bool) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(ok)


def _cannot_play(_wav: bytes, done: Callable[[bool], None]) -> None:
    done(False)


@dataclass
class _Call:
    label: str
    counter: int | None
    number: int

    @property
    def text(self) -> str:
        if self.counter is None:
            return f"Mời công dân có số thứ tự {self.label}"
        return call_phrase(self.label, self.counter)


def tts_host_command() -> list[str] | None:
    """How to start the text-to-speech host, or None where it cannot be (a frozen build)."""
    if getattr(sys, "frozen", False):
        return None
    return [sys.executable, "-m", "counter_app.voice.tts_host"]


class Speaker(QObject):
    """Speaks the display board's calls in Vietnamese, queued so they never overlap."""

    started = Signal(str)  # the call as shown, when its chime starts
    finished = Signal()  # that call has been said (or given up)
    voice_ready = Signal(str)  # the way calls will be said: "tts", "clips" or "off"

    def __init__(
        self,
        mode: str = "auto",
        *,
        engine: str | None = None,
        clips_folder: Path = DEFAULT_FOLDER,
        player: ClipPlayer | None = None,
        rate: float = 0.0,
        start_timeout_ms: int = 2000,
        ready_timeout_ms: int = 10_000,
        speak_timeout_ms: int | None = None,
        host_command: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise ValueError(f"display.voice must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.engine = engine
        self.clips_folder = Path(clips_folder)
        self.rate = rate
        self.start_timeout_ms = start_timeout_ms
        self.speak_timeout_ms = speak_timeout_ms  # None: from the length of the text
        self._player, self._has_output = self._make_player(player)
        self._queue: deque[_Call] = deque()
        self._current: _Call | None = None
        self._stage = ""  # of the current call: chime, starting, speaking, clips
        self._numbers = 0
        self._plays = 0
        self._last: tuple[str, int | None] | None = None
        self._logged: set[str] = set()
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._ready_timer = QTimer(self, singleShot=True)
        self._ready_timer.timeout.connect(self._on_ready_timeout)
        self._grace_over = False
        self._host: QProcess | None = None
        self._host_out = b""
        self._backend = "off" if mode == "off" else "clips" if mode == "clips" else "pending"
        if self._backend == "pending" and not self._has_output():
            self._backend = "clips"  # no speaker to speak through: do not start an engine
        if self._backend == "pending":
            QTimer.singleShot(start_timeout_ms, self, self._end_grace)
            self._ready_timer.start(ready_timeout_ms)
            self._start_host(host_command or tts_host_command())
        else:
            QTimer.singleShot(0, self, lambda: self.voice_ready.emit(self._backend))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def _make_player(self, player: ClipPlayer | None) -> tuple[ClipPlayer, Callable[[], bool]]:
        if player is not None:
            return player, lambda: True
        if self.mode == "off":
            return _cannot_play, lambda: False
        try:
            qt_player = QtClipPlayer(self)
        except ImportError as exc:  # QtMultimedia missing (on Linux: libpulse0): the engine may do
            log.warning("voice: QtMultimedia unavailable (%s); clips and chime cannot play", exc)
            return _cannot_play, lambda: True
        return qt_player, qt_player.has_output

    # ---------------------------------------------------------------- public

    @property
    def backend(self) -> str:
        """How calls are said now: "pending" (engine starting), "tts", "clips" or "off"."""
        return self._backend

    def say_call(self, label: str, counter: int | None) -> None:
        """Queue a call: chime, "Mời công dân có số thứ tự A023 đến quầy số 2"."""
        if self.mode == "off":
            return
        if counter is not None and counter < 1:
            counter = None  # a call without a counter: say the number only
        try:
            call_clips(label, counter)
        except ValueError as exc:
            log.warning("voice: cannot say %r at counter %r: %s", label, counter, exc)
            return
        self._last = (label, counter)
        self._numbers += 1
        self._queue.append(_Call(label, counter, self._numbers))
        while len(self._queue) > _MAX_WAITING:
            log.warning("voice: too many calls waiting; %s not said", self._queue.popleft().label)
        self._next()

    def repeat_last(self) -> None:
        """Say the last call again (the clerk pressed "recall")."""
        if self._last is not None:
            self.say_call(*self._last)

    def close(self) -> None:
        """Stop speaking, forget waiting calls and end the speech engine's process."""
        self._queue.clear()
        self._watchdog.stop()
        self._ready_timer.stop()
        self._current = None
        self._stop_host()
        if isinstance(self._player, QtClipPlayer):
            self._player.stop()
        self.mode = self._backend = "off"

    # ---------------------------------------------------------------- one call at a time

    def _next(self) -> None:
        if self._current is not None or not self._queue or self._backend == "off":
            return
        if self._backend == "pending" and not self._grace_over:
            return  # the engine is starting: wait for it, a little
        call = self._current = self._queue.popleft()
        self.started.emit(call.text)
        if not self._has_output():
            self._log_once(
                "no-output", "voice: no audio output on this machine; calls are shown, not said"
            )
            self._finish(call)
        elif self._backend == "tts":
            self._stage = "chime"
            self._play(call, [CHIME], self._after_chime)
        else:
            self._play_clips(call, call_clips(call.label, call.counter))

    def _play_clips(self, call: _Call, names: list[str]) -> None:
        self._stage = "clips"
        self._play(call, names, lambda c, _ok: self._finish(c))

    def _play(self, call: _Call, names: list[str], then: Callable[[_Call, bool], None]) -> None:
        try:
            wav = join_clips(names, self.clips_folder)
        except ClipError as exc:
            self._log_once(f"clip:{exc}", f"voice: {exc}")
            then(call, False)
            return
        except Exception:  # whatever a damaged clip does, the calls after it must still be said
            log.exception("voice: cannot join %s", names)
            then(call, False)
            return

        self._plays += 1
        play = self._plays

        def done(ok: bool) -> None:  # maybe called at once: carry on from the event loop
            QTimer.singleShot(0, self, lambda: self._played(play, ok, then))

        self._watchdog.start(round(wav_duration(wav) * 1500) + _PLAYBACK_GRACE_MS)
        self._player(wav, done)

    def _played(self, play: int, ok: bool, then: Callable[[_Call, bool], None]) -> None:
        call = self._current
        if play == self._plays and call is not None and self._stage in ("chime", "clips"):
            self._watchdog.stop()
            then(call, ok)

    def _after_chime(self, call: _Call, _ok: bool) -> None:
        if self._backend != "tts" or self._host is None:
            self._play_clips(call, call_clips(call.label, call.counter)[1:])
            return
        self._stage = "starting"
        text = spoken_call(call.label, call.counter)
        request = json.dumps({"say": text, "id": call.number}) + "\n"
        self._host.write(request.encode("ascii"))
        self._watchdog.start(self.start_timeout_ms)

    def _finish(self, call: _Call) -> None:
        if self._current is not call:
            return
        self._watchdog.stop()
        self._current, self._stage = None, ""
        self.finished.emit()
        QTimer.singleShot(0, self, self._next)

    def _on_watchdog(self) -> None:
        call, stage = self._current, self._stage
        if call is None:
            return
        if stage == "starting":
            self._give_up_tts(
                f"the engine did not start speaking within {self.start_timeout_ms} ms"
            )
            self._play_clips(call, call_clips(call.label, call.counter)[1:])
        elif stage == "speaking":
            self._give_up_tts("the engine never finished speaking (no sound server?)")
            self._finish(call)
        else:
            log.warning("voice: playback did not report its end; going on")
            self._played(
                self._plays, False, self._after_chime if stage == "chime" else self._done_clips
            )

    def _done_clips(self, call: _Call, _ok: bool) -> None:
        self._finish(call)

    def _end_grace(self) -> None:
        self._grace_over = True
        if self._backend == "pending" and self._queue:
            self._log_once("grace", "voice: the speech engine is still starting; using the clips")
            self._next()

    # ---------------------------------------------------------------- the engine's process

    def _start_host(self, command: list[str] | None) -> None:
        if command is None:  # decided once the constructor has returned and signals are wired
            why = "voice: no text-to-speech host in this build; using the clips"
            QTimer.singleShot(0, self, lambda: self._decide("clips", why))
            return
        args = list(command[1:])
        if self.engine:
            args += ["--engine", self.engine]
        if self.mode == "tts":
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
            self._on_speech_state(event)

    def _on_speech_state(self, event: dict[str, object]) -> None:
        call = self._current
        if call is None or event.get("id") != call.number:
            return
        state = event.get("state")
        if state == "speaking" and self._stage == "starting":
            self._stage = "speaking"
            words = len(spoken_call(call.label, call.counter).split())
            self._watchdog.start(self.speak_timeout_ms or max(10_000, 1000 * words))
        elif state == "ready" and self._stage in ("starting", "speaking"):
            self._finish(call)
        elif state == "error" and self._stage in ("starting", "speaking"):
            self._give_up_tts(f"the engine failed: {event.get('detail')}")
            self._play_clips(call, call_clips(call.label, call.counter)[1:])

    def _on_host_finished(self, *_args: object) -> None:
        if self._host is not None and self._backend in ("pending", "tts"):
            self._give_up_tts("the text-to-speech host stopped")
            call = self._current
            if call is not None and self._stage in ("starting", "speaking"):
                self._play_clips(call, call_clips(call.label, call.counter)[1:])

    def _on_host_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._on_host_finished()

    def _on_ready_timeout(self) -> None:
        if self._backend == "pending":
            self._give_up_tts("the speech engine did not start in time")

    def _give_up_tts(self, why: str) -> None:
        self._stop_host()
        if self._backend in ("pending", "tts"):
            self._decide("clips", f"voice: {why}; using the clips from now on")

    def _decide(self, backend: str, message: str) -> None:
        if self.mode == "off":  # closed meanwhile
            return
        self._ready_timer.stop()
        self._backend = backend
        log.info(message)
        self.voice_ready.emit(backend)
        QTimer.singleShot(0, self, self._next)

    def _stop_host(self) -> None:
        host, self._host = self._host, None
        if host is None:
            return
        host.finished.disconnect(self._on_host_finished)
        if host.state() != QProcess.ProcessState.NotRunning:
            host.kill()  # the process this Speaker started; nothing else
            host.waitForFinished(1000)
        host.deleteLater()

    def _log_once(self, key: str, message: str) -> None:
        if key not in self._logged:
            self._logged.add(key)
            log.warning(message)
