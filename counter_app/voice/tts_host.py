"""The text-to-speech engine in a process of its own, driven by the display board's Speaker.

    python -m counter_app.voice.tts_host [--engine NAME] [--any-language] [--rate R]

Why a process: creating a QTextToSpeech engine can block (speech-dispatcher takes seconds to
start, and a second connection to a stuck one can wait for minutes), and a PySide call that
blocks holds Python's lock, so even a worker thread would freeze the board. A child process can
be given a deadline and killed. This module is a small Qt program (QtCore + QtTextToSpeech only).

Protocol: one JSON object per line, UTF-8.
  stdout  {"event": "ready", "engine": E, "voice": V, "locale": L, "vietnamese": true|false}
          {"event": "unavailable", "reason": R}   (then the process exits)
          {"event": "state", "id": N, "state": "speaking" | "ready" | "error", "detail": D}
  stdin   {"say": TEXT, "id": N}   {"stop": true}   end of input: the process exits.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

#: Engines never chosen on their own: "mock" speaks nothing (tests ask for it by name).
SKIPPED_ENGINES = frozenset({"mock"})

_INIT_WAIT_MS = 10_000


def _emit(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def _is_vietnamese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Vietnamese


def _open(engine: str) -> QTextToSpeech | None:
    """The engine, once initialised; None when it fails."""
    tts = QTextToSpeech(engine)
    if tts.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
        loop = QEventLoop()  # some engines initialise asynchronously
        tts.stateChanged.connect(loop.quit)
        QTimer.singleShot(_INIT_WAIT_MS, loop.quit)
        loop.exec()
    if tts.state() == QTextToSpeech.State.Error:
        tts.deleteLater()
        return None
    return tts


def pick_voice(voices: list[QVoice]) -> QVoice | None:
    """The Vietnamese voice to use: vi_VN first, a base voice before its "+variant"s."""
    vietnamese = [v for v in voices if _is_vietnamese(v.locale())]
    vietnamese.sort(
        key=lambda v: (v.locale().territory() != QLocale.Country.Vietnam, "+" in v.name())
    )
    return vietnamese[0] if vietnamese else None


def choose_engine(engine: str | None, any_language: bool) -> tuple[QTextToSpeech | None, str, bool]:
    """The first engine with a Vietnamese voice: (engine, its name or why none, Vietnamese?).

    With `engine` only that engine is tried; with `any_language` an engine without a Vietnamese
    voice is taken too (its default voice) when none has one.
    """
    names = [engine] if engine else list(QTextToSpeech.availableEngines())
    names = [n for n in names if engine or n not in SKIPPED_ENGINES]
    fallback: tuple[QTextToSpeech, str] | None = None
    tried = []
    for name in names:
        tts = _open(name)
        if tts is None:
            tried.append(f"{name}: lỗi khởi tạo")
            continue
        locales = [loc for loc in tts.availableLocales() if _is_vietnamese(loc)]
        if locales:
            vi_vn = [loc for loc in locales if loc.territory() == QLocale.Country.Vietnam]
            tts.setLocale((vi_vn or locales)[0])
            voice = pick_voice(tts.availableVoices())
            if voice is not None:
                tts.setVoice(voice)
            if fallback is not None:
                fallback[0].deleteLater()
            return tts, name, True
        tried.append(f"{name}: không có giọng tiếng Việt")
        if any_language and fallback is None:
            fallback = (tts, name)
        else:
            tts.deleteLater()
    if fallback is not None:
        return fallback[0], fallback[1], False
    return None, "; ".join(tried) or "không có bộ đọc nào", False


class Host(QObject):
    """Says what stdin asks and reports the engine's state on stdout."""

    _line = Signal(str)

    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        self.current = -1
        self.spoke = False
        self.closing = False
        self.busy = False  # a request not yet reported ready or failed
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        self._line.connect(self._on_line)
        threading.Thread(target=self._read_stdin, daemon=True).start()

    def _read_stdin(self) -> None:
        # A thread, not a socket notifier: a notifier cannot watch a pipe on Windows.
        for line in sys.stdin:
            self._line.emit(line)
        self._line.emit("")  # end of input

    @Slot(str)
    def _on_line(self, line: str) -> None:
        if not line:  # end of input: finish what is being said, then stop
            self.closing = True
            if not self.busy:
                QCoreApplication.quit()
            QTimer.singleShot(_INIT_WAIT_MS, QCoreApplication.quit)
            return
        try:
            request = json.loads(line)
        except ValueError:
            return
        if "say" in request:
            self.current = int(request.get("id", 0))
            self.spoke = False
            self.busy = True
            self.tts.say(str(request["say"]))
        elif request.get("stop"):
            self.tts.stop()

    @Slot(QTextToSpeech.State)
    def _on_state(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking:
            self.spoke = True
            _emit(event="state", id=self.current, state="speaking")
        elif state == QTextToSpeech.State.Ready and self.spoke:
            self.spoke = self.busy = False
            _emit(event="state", id=self.current, state="ready")
            if self.closing:
                QCoreApplication.quit()

    @Slot(QTextToSpeech.ErrorReason, str)
    def _on_error(self, reason: QTextToSpeech.ErrorReason, text: str) -> None:
        self.busy = False
        _emit(event="state", id=self.current, state="error", detail=f"{reason.name}: {text}")
        if self.closing:
            QCoreApplication.quit()


def main(argv: list[str] | None = None) -> int:
    """Run the host until its input ends."""
    parser = argparse.ArgumentParser(description="text-to-speech host for the display board")
    parser.add_argument("--engine", default=None, help="use only this QtTextToSpeech engine")
    parser.add_argument("--any-language", action="store_true", help="accept a non-Vietnamese voice")
    parser.add_argument("--rate", type=float, default=0.0, help="speech rate, -1.0 to 1.0")
    args = parser.parse_args(argv)

    app = QCoreApplication([sys.argv[0]])
    tts, name, vietnamese = choose_engine(args.engine, args.any_language)
    if tts is None:
        _emit(event="unavailable", reason=name)
        return 0
    tts.setRate(max(-1.0, min(1.0, args.rate)))
    host = Host(tts)
    _emit(
        event="ready",
        engine=name,
        voice=tts.voice().name(),
        locale=tts.locale().name(),
        vietnamese=vietnamese,
    )
    app.exec()
    host.tts.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
