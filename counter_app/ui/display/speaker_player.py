"""Playing the display board's recorded clips: WAV bytes in, `done(ok)` out."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl

log = logging.getLogger(__name__)

#: Plays a WAV given as bytes, then calls `done(True)`, or `done(False)` when it could not.
ClipPlayer = Callable[[bytes, Callable[[bool], None]], None]


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


def cannot_play(_wav: bytes, done: Callable[[bool], None]) -> None:
    """The player when nothing can be played: every playback fails at once."""
    done(False)
