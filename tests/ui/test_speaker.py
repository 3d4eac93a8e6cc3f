"""The display board's voice: queued calls, recall, modes, the mock speech engine, fallbacks.

Playback is replaced by a recorder (the `player` callable the Speaker takes), so the tests hear
nothing and need no sound server; speech goes through Qt's `mock` engine in its child process.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from counter_app.ui.display import speaker as speaker_module
from counter_app.ui.display.speaker import Speaker
from counter_app.voice.clips import join_clips
from counter_app.voice.phrases import call_clips

Done = Callable[[bool], None]


class Recorder:
    """A player that records what it was given; finishes at once, later, or when told."""

    def __init__(self, finish: str = "soon") -> None:
        self.finish = finish  # "now" | "soon" | "manual" | "never"
        self.played: list[bytes] = []
        self.waiting: list[Done] = []

    def __call__(self, wav: bytes, done: Done) -> None:
        self.played.append(wav)
        if self.finish == "now":
            done(True)
        elif self.finish == "soon":
            QTimer.singleShot(5, lambda: done(True))
        elif self.finish == "manual":
            self.waiting.append(done)

    def release(self) -> None:
        """Finish the oldest playback still running."""
        self.waiting.pop(0)(True)


def clips(label: str, counter: int | None) -> bytes:
    return join_clips(call_clips(label, counter))


def after_chime(label: str, counter: int | None) -> bytes:
    return join_clips(call_clips(label, counter)[1:])


CHIME = join_clips(["chime"])


@pytest.fixture
def make(qapp: object) -> Iterator[Callable[..., Speaker]]:
    """Build Speakers, closed after the test (their speech processes ended)."""
    made: list[Speaker] = []

    def factory(mode: str, **kwargs: object) -> Speaker:
        speaker = Speaker(mode, **kwargs)  # type: ignore[arg-type]
        made.append(speaker)
        return speaker

    yield factory
    for speaker in made:
        speaker.close()


def record(speaker: Speaker) -> tuple[list[str], list[int]]:
    started: list[str] = []
    finished: list[int] = []
    speaker.started.connect(started.append)
    speaker.finished.connect(lambda: finished.append(1))
    return started, finished


def test_clips_mode_plays_the_joined_call(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    player = Recorder()
    speaker = make("clips", player=player)
    started, _ = record(speaker)
    with qtbot.waitSignal(speaker.finished, timeout=3000):
        speaker.say_call("A023", 2)
    assert started == ["Mời công dân có số thứ tự A023 đến quầy số 2"]
    assert player.played == [clips("A023", 2)]
    assert speaker.backend == "clips"


def test_calls_queue_in_order_and_never_overlap(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    player = Recorder("manual")
    speaker = make("clips", player=player)
    started, finished = record(speaker)
    speaker.say_call("A023", 2)
    speaker.say_call("B105", 12)
    speaker.say_call("C007", 21)
    qtbot.wait(50)
    assert player.played == [clips("A023", 2)]  # the others wait their turn
    for plays in (2, 3):
        player.release()
        qtbot.waitUntil(lambda: len(player.played) >= plays, timeout=2000)  # noqa: B023
        qtbot.wait(30)
        assert len(player.played) == plays  # one at a time
    assert player.played[1:] == [clips("B105", 12), clips("C007", 21)]
    player.release()
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=2000)
    assert started == [
        "Mời công dân có số thứ tự A023 đến quầy số 2",
        "Mời công dân có số thứ tự B105 đến quầy số 12",
        "Mời công dân có số thứ tự C007 đến quầy số 21",
    ]


def test_recall_repeats_the_call(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    player = Recorder("now")
    speaker = make("clips", player=player)
    _, finished = record(speaker)
    speaker.say_call("A023", 2)
    speaker.say_call("A023", 2)  # the clerk called again: said again, not deduplicated
    speaker.repeat_last()
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=3000)
    assert player.played == [clips("A023", 2)] * 3


def test_off_says_nothing(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    player = Recorder()
    speaker = make("off", player=player)
    started, finished = record(speaker)
    speaker.say_call("A023", 2)
    speaker.repeat_last()
    qtbot.wait(100)
    assert (player.played, started, finished) == ([], [], [])
    assert speaker.backend == "off"


def test_bad_calls_are_logged_not_raised(
    qtbot: QtBot, make: Callable[..., Speaker], caplog: pytest.LogCaptureFixture
) -> None:
    player = Recorder("now")
    speaker = make("clips", player=player)
    started, finished = record(speaker)
    speaker.say_call("", 2)
    speaker.say_call("A001", 0)  # no counter known: the number is still called
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=2000)
    assert player.played == [clips("A001", None)]
    assert started == ["Mời công dân có số thứ tự A001"]
    assert "cannot say" in caplog.text


def test_a_missing_clip_is_logged_and_the_queue_goes_on(
    qtbot: QtBot, make: Callable[..., Speaker], tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    player = Recorder("now")
    speaker = make("clips", player=player, clips_folder=tmp_path)
    _, finished = record(speaker)
    speaker.say_call("A023", 2)
    speaker.say_call("A024", 2)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=2000)
    assert player.played == []
    assert caplog.text.count("Thiếu đoạn âm thanh 'chime'") == 1  # logged once


def test_no_audio_output_is_logged_once_and_nothing_breaks(
    qtbot: QtBot,
    make: Callable[..., Speaker],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(speaker_module.QtClipPlayer, "has_output", staticmethod(lambda: False))
    speaker = make("auto")  # the real Qt player; with no output no engine is even started
    started, finished = record(speaker)
    assert speaker.backend == "clips"
    speaker.say_call("A023", 2)
    speaker.say_call("B001", 3)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=2000)
    assert len(started) == 2
    assert caplog.text.count("no audio output") == 1


def test_tts_mode_speaks_with_the_engine_after_the_chime(
    qtbot: QtBot, make: Callable[..., Speaker]
) -> None:
    player = Recorder()
    speaker = make("tts", engine="mock", player=player, rate=1.0, start_timeout_ms=10_000)
    with qtbot.waitSignal(speaker.voice_ready, timeout=20_000) as ready:
        pass
    assert ready.args == ["tts"]
    started, finished = record(speaker)
    speaker.say_call("A023", 2)
    speaker.say_call("B105", 12)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=15_000)
    assert player.played == [CHIME, CHIME]  # the words came from the engine, not the clips
    assert started == [
        "Mời công dân có số thứ tự A023 đến quầy số 2",
        "Mời công dân có số thứ tự B105 đến quầy số 12",
    ]
    assert speaker.backend == "tts"


def test_auto_mode_wants_a_vietnamese_voice(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    player = Recorder()
    speaker = make("auto", engine="mock", player=player)  # mock speaks English only
    with qtbot.waitSignal(speaker.voice_ready, timeout=20_000) as ready:
        pass
    assert ready.args == ["clips"]
    with qtbot.waitSignal(speaker.finished, timeout=3000):
        speaker.say_call("A023", 2)
    assert player.played == [clips("A023", 2)]


def fake_host(*script: str) -> list[str]:
    """A stand-in for the speech host: a Python program that prints the given lines."""
    lines = [f"print({line!r}, flush=True)" for line in script]
    return [sys.executable, "-c", "; ".join([*lines, "import sys", "sys.stdin.read()"])]


READY = '{"event": "ready", "engine": "fake", "voice": "v", "locale": "vi_VN", "vietnamese": true}'


def test_engine_that_does_not_start_speaking_falls_back_to_clips(
    qtbot: QtBot, make: Callable[..., Speaker]
) -> None:
    player = Recorder()
    speaker = make("auto", player=player, start_timeout_ms=300, host_command=fake_host(READY))
    qtbot.waitUntil(lambda: speaker.backend == "tts", timeout=10_000)
    _, finished = record(speaker)
    speaker.say_call("A023", 2)
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=5000)
    assert player.played == [CHIME, after_chime("A023", 2)]  # chime once, then the clips
    assert speaker.backend == "clips"
    speaker.say_call("B001", 1)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=3000)
    assert player.played[-1] == clips("B001", 1)


def test_engine_that_never_finishes_is_given_up(qtbot: QtBot, make: Callable[..., Speaker]) -> None:
    # What speech-dispatcher does with no sound server: "speaking", and never done.
    host = (
        "import json, sys\n"
        f"print({READY!r}, flush=True)\n"
        "for line in sys.stdin:\n"
        "    n = json.loads(line)['id']\n"
        "    print(json.dumps({'event': 'state', 'id': n, 'state': 'speaking'}), flush=True)\n"
    )
    player = Recorder()
    speaker = make(
        "tts", player=player, speak_timeout_ms=300, host_command=[sys.executable, "-c", host]
    )
    qtbot.waitUntil(lambda: speaker.backend == "tts", timeout=10_000)
    _, finished = record(speaker)
    speaker.say_call("A023", 2)
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=5000)
    assert player.played == [CHIME]  # it may have been heard: not said twice
    assert speaker.backend == "clips"


def test_engine_that_is_slow_to_start_does_not_hold_calls_back(
    qtbot: QtBot, make: Callable[..., Speaker], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    player = Recorder()
    speaker = make(
        "auto",
        player=player,
        start_timeout_ms=200,
        ready_timeout_ms=800,
        host_command=[sys.executable, "-c", "import time; time.sleep(60)"],
    )
    _, finished = record(speaker)
    speaker.say_call("A023", 2)
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=3000)  # clips, while it starts
    assert player.played == [clips("A023", 2)]
    qtbot.waitUntil(lambda: speaker.backend == "clips", timeout=3000)  # then given up
    assert "did not start in time" in caplog.text
