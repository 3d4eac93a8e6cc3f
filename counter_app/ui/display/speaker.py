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

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from counter_app.domain.queue import call_phrase
from counter_app.ui.display.speaker_player import ClipPlayer, QtClipPlayer, cannot_play
from counter_app.ui.display.speaker_tts import TtsEngine, tts_host_command
from counter_app.voice.clips import DEFAULT_FOLDER, ClipError, join_clips, wav_duration
from counter_app.voice.phrases import CHIME, call_clips, spoken_call

__all__ = ["MODES", "ClipPlayer", "QtClipPlayer", "Speaker", "tts_host_command"]

log = logging.getLogger(__name__)

MODES = ("auto", "tts", "clips", "off")

# Playback not reported ended by 1.5 × its length + 5 s is given up. Qt reports the end ~1–2 s
# after the sound (the output's buffer drains), so less would cut the next call into this one.
_PLAYBACK_GRACE_MS = 5000
_MAX_WAITING = 20  # calls waiting beyond this are old news: the oldest is dropped


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
        backend = "off" if mode == "off" else "clips" if mode == "clips" else "pending"
        if backend == "pending" and not self._has_output():
            backend = "clips"  # no speaker to speak through: do not start an engine
        self._tts = TtsEngine(
            backend, engine=engine, any_language=mode == "tts", rate=rate, parent=self
        )
        self._tts.decided.connect(self._on_decided)
        self._tts.grace_over.connect(self._end_grace)
        self._tts.speech.connect(self._on_speech_state)
        self._tts.lost.connect(self._on_tts_lost)
        if backend == "pending":
            self._tts.start(host_command or tts_host_command(), start_timeout_ms, ready_timeout_ms)
        else:
            QTimer.singleShot(0, self, lambda: self.voice_ready.emit(self.backend))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def _make_player(self, player: ClipPlayer | None) -> tuple[ClipPlayer, Callable[[], bool]]:
        if player is not None:
            return player, lambda: True
        if self.mode == "off":
            return cannot_play, lambda: False
        try:
            qt_player = QtClipPlayer(self)
        except ImportError as exc:  # QtMultimedia missing (on Linux: libpulse0): the engine may do
            log.warning("voice: QtMultimedia unavailable (%s); clips and chime cannot play", exc)
            return cannot_play, lambda: True
        return qt_player, qt_player.has_output

    # ---------------------------------------------------------------- public

    @property
    def backend(self) -> str:
        """How calls are said now: "pending" (engine starting), "tts", "clips" or "off"."""
        return self._tts.backend

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
        self._current = None
        self._tts.close()
        if isinstance(self._player, QtClipPlayer):
            self._player.stop()
        self.mode = "off"

    # ---------------------------------------------------------------- one call at a time

    def _next(self) -> None:
        if self._current is not None or not self._queue or self.backend == "off":
            return
        if self._tts.starting:
            return  # the engine is starting: wait for it, a little
        call = self._current = self._queue.popleft()
        self.started.emit(call.text)
        if not self._has_output():
            self._log_once(
                "no-output", "voice: no audio output on this machine; calls are shown, not said"
            )
            self._finish(call)
        elif self.backend == "tts":
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
        if not self._tts.can_speak:
            self._play_clips(call, call_clips(call.label, call.counter)[1:])
            return
        self._stage = "starting"
        self._tts.say(spoken_call(call.label, call.counter), call.number)
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
            self._tts.give_up(
                f"the engine did not start speaking within {self.start_timeout_ms} ms"
            )
            self._play_clips(call, call_clips(call.label, call.counter)[1:])
        elif stage == "speaking":
            self._tts.give_up("the engine never finished speaking (no sound server?)")
            self._finish(call)
        else:
            log.warning("voice: playback did not report its end; going on")
            self._played(
                self._plays, False, self._after_chime if stage == "chime" else self._done_clips
            )

    def _done_clips(self, call: _Call, _ok: bool) -> None:
        self._finish(call)

    # ---------------------------------------------------------------- what the engine reports

    def _end_grace(self) -> None:
        if self.backend == "pending" and self._queue:
            self._log_once("grace", "voice: the speech engine is still starting; using the clips")
            self._next()

    def _on_decided(self, backend: str) -> None:
        self.voice_ready.emit(backend)
        QTimer.singleShot(0, self, self._next)

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
            self._tts.give_up(f"the engine failed: {event.get('detail')}")
            self._play_clips(call, call_clips(call.label, call.counter)[1:])

    def _on_tts_lost(self) -> None:
        call = self._current
        if call is not None and self._stage in ("starting", "speaking"):
            self._play_clips(call, call_clips(call.label, call.counter)[1:])

    def _log_once(self, key: str, message: str) -> None:
        if key not in self._logged:
            self._logged.add(key)
            log.warning(message)
