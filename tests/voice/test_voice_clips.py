"""Joining the recorded clips into one WAV, and the clips shipped in resources/sounds/vi."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import unicodedata
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

from counter_app.paths import resource_path
from counter_app.voice.clips import (
    DEFAULT_FOLDER,
    ClipError,
    MissingClipError,
    available_clips,
    join_clips,
    wav_duration,
)
from counter_app.voice.phrases import ALL_CLIPS, LETTER_NAMES, call_clips, letter_speech

ROOT = Path(__file__).resolve().parents[2]


def _write_wav(path: Path, frames: int, rate: int = 16000, width: int = 2) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\x01" * (frames * width))


def _frames(path: Path) -> int:
    with wave.open(str(path), "rb") as w:
        return w.getnframes()


def test_join_is_the_parts_in_order_with_pauses_between(tmp_path: Path) -> None:
    _write_wav(tmp_path / "one.wav", 1000)
    _write_wav(tmp_path / "two.wav", 2500)
    data = join_clips(["one", "two", "one"], tmp_path, pause_ms=100)
    with wave.open(io.BytesIO(data), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
        assert w.getnframes() == 1000 + 1600 + 2500 + 1600 + 1000
        frames = w.readframes(w.getnframes())
    assert frames[:2000] == b"\x01" * 2000
    assert frames[2000 : 2000 + 3200] == b"\x00" * 3200  # the pause is silence


def test_joined_call_from_shipped_clips_lasts_the_sum_of_its_parts() -> None:
    names = call_clips("A023", 12)
    data = join_clips(names, pause_ms=120)
    with wave.open(str(DEFAULT_FOLDER / "chime.wav"), "rb") as w:
        rate = w.getframerate()
    parts = sum(_frames(DEFAULT_FOLDER / f"{n}.wav") for n in names) / rate
    pauses = (len(names) - 1) * 0.120
    assert wav_duration(data) == pytest.approx(parts + pauses, abs=0.001)
    assert 3.0 < wav_duration(data) < 12.0  # a call a person can follow


def test_a_missing_clip_is_named(tmp_path: Path) -> None:
    _write_wav(tmp_path / "chime.wav", 100)
    with pytest.raises(MissingClipError, match="letter_q") as err:
        join_clips(["chime", "letter_q"], tmp_path)
    assert err.value.name == "letter_q"
    assert err.value.path == tmp_path / "letter_q.wav"


def test_clips_of_different_formats_are_refused(tmp_path: Path) -> None:
    _write_wav(tmp_path / "a.wav", 100, rate=16000)
    _write_wav(tmp_path / "b.wav", 100, rate=22050)
    with pytest.raises(ClipError, match=r"'b'.*22050 Hz.*16000 Hz"):
        join_clips(["a", "b"], tmp_path)


def test_a_file_that_is_not_a_wav_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.wav").write_bytes(b"not a wave file at all")
    with pytest.raises(ClipError, match="bad"):
        join_clips(["bad"], tmp_path)
    with pytest.raises(ClipError):
        join_clips([], tmp_path)


def test_available_clips(tmp_path: Path) -> None:
    _write_wav(tmp_path / "x.wav", 10)
    (tmp_path / "notes.txt").write_text("not a clip", encoding="utf-8")
    assert available_clips(tmp_path) == {"x"}
    assert available_clips(tmp_path / "nowhere") == frozenset()


def test_shipped_clips_are_complete_one_format_trimmed_and_small() -> None:
    assert resource_path("sounds", "vi") == DEFAULT_FOLDER
    assert available_clips() == set(ALL_CLIPS)
    total = 0
    with wave.open(str(DEFAULT_FOLDER / "chime.wav"), "rb") as w:
        rate = w.getframerate()
    assert rate in (16000, 22050)  # what the README asks of replacement recordings too
    for name in ALL_CLIPS:
        path = DEFAULT_FOLDER / f"{name}.wav"
        total += path.stat().st_size
        with wave.open(str(path), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, rate), name
            seconds = w.getnframes() / w.getframerate()
            frames = w.readframes(w.getnframes())
        assert 0.2 < seconds < 2.5, name  # trimmed, and not cut to nothing
        peak = max(abs(s) for s in array("h", frames))
        assert peak > 0.5 * 32767, name  # normalised: loud enough to hear
    assert total < 1.5 * 1024 * 1024


def test_readme_states_how_and_the_licence() -> None:
    text = (ROOT / "resources" / "sounds" / "README.md").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    for needed in ("espeak-ng", "GPL", "make_voice_clips.py", "same file name", "chime"):
        assert needed in text


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_voice_clips", ROOT / "scripts" / "make_voice_clips.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chime_is_two_soft_tones_and_matches_the_shipped_one() -> None:
    samples = _script().chime_samples()
    assert max(abs(s) for s in samples) == pytest.approx(0.7)
    assert abs(samples[0]) < 0.01 and abs(samples[-1]) < 0.01  # no click at either end
    assert _frames(DEFAULT_FOLDER / "chime.wav") == len(samples)


#: Makes clips with espeak-ng and sox (installed by scripts/setup): fails, never skips,
#: when they are missing.
needs_tools = pytest.mark.voice_tools


@needs_tools
def test_make_voice_clips_makes_every_clip(tmp_path: Path) -> None:
    assert _script().main(["--out", str(tmp_path)]) == 0
    assert available_clips(tmp_path) == set(ALL_CLIPS)
    join_clips(call_clips("Z999", 99), tmp_path)  # all one format


@needs_tools
def test_sox_reads_the_joined_call_with_the_expected_length(tmp_path: Path) -> None:
    data = join_clips(call_clips("A023", 2))
    out = tmp_path / "call.wav"
    out.write_bytes(data)
    seconds = float(
        subprocess.run(["soxi", "-D", str(out)], capture_output=True, text=True, check=True).stdout
    )
    assert seconds == pytest.approx(wav_duration(data), abs=0.01)
    stat = subprocess.run(["sox", str(out), "-n", "stat"], capture_output=True, text=True).stderr
    rms = float(next(line for line in stat.splitlines() if line.startswith("RMS")).split()[-1])
    assert rms > 0.02  # there is sound in it, not silence


@needs_tools
def test_every_letter_sounds_different() -> None:
    # espeak-ng's phonemes for each letter's name: no two tickets' letters may sound alike
    # (in the North "dê" and "giê" are both /ze/, which is why D is "đê").
    sounds = {
        letter: subprocess.run(
            ["espeak-ng", "-v", "vi", "-q", "-x", letter_speech(letter)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for letter in LETTER_NAMES
    }
    assert len(set(sounds.values())) == len(sounds), sounds
