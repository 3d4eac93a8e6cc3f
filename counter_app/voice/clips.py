"""Recorded voice clips: find them and join them into one WAV (standard library only)."""

from __future__ import annotations

import io
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from counter_app.paths import resource_path

#: The shipped Vietnamese clips (made by scripts/make_voice_clips.py).
DEFAULT_FOLDER = resource_path("sounds", "vi")

#: Silence between two joined clips: enough to hear the parts, short enough to sound like one call.
DEFAULT_PAUSE_MS = 120


class ClipError(Exception):
    """A clip is missing or cannot be joined to the others."""


class MissingClipError(ClipError):
    """A clip named in a call has no file."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(f"Thiếu đoạn âm thanh '{name}': không có tệp {path}")
        self.name = name
        self.path = path


@dataclass(frozen=True)
class ClipFormat:
    """The PCM format of a WAV clip; joined clips must all share one."""

    channels: int
    sample_width: int
    frame_rate: int

    def describe(self) -> str:
        """E.g. "mono 16-bit 16000 Hz"."""
        channels = "mono" if self.channels == 1 else f"{self.channels} kênh"
        return f"{channels} {8 * self.sample_width}-bit {self.frame_rate} Hz"


def clip_path(name: str, folder: Path = DEFAULT_FOLDER) -> Path:
    """The file of a clip: `<folder>/<name>.wav`."""
    return Path(folder) / f"{name}.wav"


def available_clips(folder: Path = DEFAULT_FOLDER) -> frozenset[str]:
    """The names of the clips in a folder (file names without `.wav`)."""
    folder = Path(folder)
    if not folder.is_dir():
        return frozenset()
    return frozenset(p.stem for p in folder.glob("*.wav") if p.is_file())


def _read(name: str, folder: Path) -> tuple[ClipFormat, bytes]:
    path = clip_path(name, folder)
    if not path.is_file():
        raise MissingClipError(name, path)
    try:
        with wave.open(str(path), "rb") as w:
            fmt = ClipFormat(w.getnchannels(), w.getsampwidth(), w.getframerate())
            return fmt, w.readframes(w.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise ClipError(f"Đoạn âm thanh '{name}' ({path}) không phải tệp WAV PCM: {exc}") from exc


def join_clips(
    names: Iterable[str], folder: Path = DEFAULT_FOLDER, pause_ms: int = DEFAULT_PAUSE_MS
) -> bytes:
    """One WAV file (as bytes): the clips in order, with `pause_ms` of silence between two."""
    names = list(names)
    if not names:
        raise ClipError("Không có đoạn âm thanh nào để ghép.")
    missing = [n for n in names if not clip_path(n, folder).is_file()]
    if missing:
        raise MissingClipError(missing[0], clip_path(missing[0], folder))
    parts: list[bytes] = []
    first: ClipFormat | None = None
    for name in names:
        fmt, frames = _read(name, folder)
        if first is None:
            first = fmt
        elif fmt != first:
            raise ClipError(
                f"Đoạn âm thanh '{name}' là {fmt.describe()}, khác các đoạn khác "
                f"({first.describe()}): hãy tạo lại các đoạn cùng một định dạng."
            )
        parts.append(frames)
    assert first is not None
    frame_size = first.channels * first.sample_width
    zero = b"\x80" if first.sample_width == 1 else b"\x00"  # 8-bit WAV is unsigned
    silence = zero * (frame_size * (first.frame_rate * max(0, pause_ms) // 1000))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(first.channels)
        w.setsampwidth(first.sample_width)
        w.setframerate(first.frame_rate)
        w.writeframes(silence.join(parts))
    return out.getvalue()


def wav_duration(data: bytes) -> float:
    """The length in seconds of a WAV file given as bytes."""
    with wave.open(io.BytesIO(data), "rb") as w:
        return w.getnframes() / w.getframerate()
