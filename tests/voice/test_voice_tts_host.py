"""The speech-engine host's line protocol, driven as the Speaker drives it (Qt's mock engine)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _host(*args: str, say: str | None = None) -> list[dict[str, object]]:
    lines = [json.dumps({"say": say, "id": 7})] if say else []
    run = subprocess.run(
        [sys.executable, "-m", "counter_app.voice.tts_host", *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_an_engine_without_vietnamese_is_not_chosen_unless_asked() -> None:
    events = _host("--engine", "mock")
    assert events == [{"event": "unavailable", "reason": "mock: không có giọng tiếng Việt"}]


def test_say_reports_speaking_then_ready_and_end_of_input_ends_the_host() -> None:
    # Input ends right after the request: the host finishes saying it, then exits.
    events = _host("--engine", "mock", "--any-language", "--rate", "1", say="Mời công dân")
    assert events[0] == {
        "event": "ready",
        "engine": "mock",
        "voice": "Bob",
        "locale": "en_GB",
        "vietnamese": False,
    }
    assert events[1:] == [
        {"event": "state", "id": 7, "state": "speaking"},
        {"event": "state", "id": 7, "state": "ready"},
    ]
