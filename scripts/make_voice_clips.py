"""Make the display board's Vietnamese voice clips in resources/sounds/vi/.

    .venv/bin/python scripts/make_voice_clips.py [--voice vi] [--speed 150] [--out DIR]

Every spoken clip named in counter_app.voice.phrases.CLIP_TEXTS is synthesised with espeak-ng
and converted with sox to one format (mono, 16-bit, 16000 Hz, silence trimmed, level
normalised), so that joining clips is a plain concatenation. The chime is computed here (two
bell-like tones, standard library only). Needs `espeak-ng` and `sox` on PATH
(Debian: apt-get install espeak-ng sox). Writes resources/sounds/README.md too.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.voice.phrases import CHIME, CLIP_TEXTS, LETTER_NAMES, letter_clip  # noqa: E402

RATE = 16000  # Hz: speech stays clear and the whole set stays small
SOUNDS = ROOT / "resources" / "sounds"

# sox effects: trim leading and trailing silence (below 0.3 % for 10 ms), a short natural edge,
# then every clip to the same peak level so that joined parts sound equally loud.
SOX_EFFECTS = [
    "silence", "1", "0.01", "0.3%", "reverse",
    "silence", "1", "0.01", "0.3%", "reverse",
    "pad", "0.01", "0.02",
    "gain", "-n", "-3",
]  # fmt: skip


def synthesise(text: str, out: Path, voice: str, speed: int) -> None:
    """Speak `text` with espeak-ng into `out`, converted and trimmed by sox."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True
        )
        subprocess.run(
            # -D: no dither, so the same input makes byte-identical clips.
            ["sox", "-D", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(out), *SOX_EFFECTS],
            check=True,
        )


def chime_samples(rate: int = RATE) -> list[float]:
    """A soft two-tone "ding–dong" (E5 then C5) with bell-like partials, peak 0.7."""
    tones = [(0.0, 659.25, 0.55, 0.30), (0.42, 523.25, 0.95, 0.45)]  # start, Hz, length, decay
    total = max(start + length for start, _, length, _ in tones)
    samples = [0.0] * (math.ceil(total * rate) + 1)
    for start, freq, length, decay in tones:
        first = int(start * rate)
        for i in range(int(length * rate)):
            t = i / rate
            attack = min(1.0, t / 0.006)
            release = min(1.0, (length - t) / 0.05)
            body = (
                math.sin(2 * math.pi * freq * t)
                + 0.35 * math.exp(-t / 0.12) * math.sin(2 * math.pi * 2 * freq * t)
                + 0.12 * math.exp(-t / 0.06) * math.sin(2 * math.pi * 3 * freq * t)
            )
            samples[first + i] += attack * release * math.exp(-t / decay) * body
    peak = max(abs(s) for s in samples)
    return [0.7 * s / peak for s in samples]


def write_chime(out: Path) -> None:
    """Write the chime as mono 16-bit PCM at RATE."""
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in chime_samples())
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def duration(path: Path) -> float:
    """Length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


README = """# Display board sounds

`vi/` holds the clips the display board joins to call a ticket when the machine has no
Vietnamese text-to-speech voice (see `counter_app/voice/` and `counter_app/ui/display/speaker.py`):
a chime, the two phrases, the digits, the number words and the letter names.
A call "A023 → quầy 2" plays `chime, moi_cong_dan_co_so_thu_tu, letter_a, 0, 2, 3, den_quay_so, 2`.

## How they were made

`scripts/make_voice_clips.py` (run it again to remake them all):

- speech: espeak-ng {espeak_version}, voice `{voice}` (Vietnamese, Northern), {speed} words per
  minute, then sox: mono, 16-bit, {rate} Hz, leading and trailing silence trimmed, every clip
  normalised to −3 dBFS peak, no dither (the same input gives the same files);
- `chime.wav`: two bell-like tones (E5 then C5) computed by the script with Python's `wave` and
  `math`; no recording or outside file is used.

{count} clips, {size_kb} KB in all. Every clip has the same format, so joining them is a plain
concatenation (with a short pause between parts).

## Licence

- espeak-ng, the program and its voice data (including the Vietnamese voice), is licensed under
  the **GNU GPL version 3 or later** (Debian: `/usr/share/doc/espeak-ng-data/copyright`).
- The spoken clips here are that program's *output*: synthesised sound, containing no part of
  espeak-ng's code or data files. The GPL governs copying the program, not what it produces
  unless the output contains the program itself (GNU GPL FAQ, "Is there some way that I can GPL
  the output people get from use of my program?"), and espeak-ng states no other terms for its
  output. On that reading the clips are not under the GPL and ship with this application on
  its own terms. This is the project's reading, not legal advice.
- `chime.wav` is made by the project's own script and is the project's.
- The application does not include or link espeak-ng. Where a machine has a speech service
  (speech-dispatcher with espeak-ng on Linux, the system voices on Windows), the app asks it to
  speak through Qt's QtTextToSpeech, as a separate program the machine already has.

## Replacing them with a real voice

A recording of a real person sounds better. Record each clip under the **same file name**, as
WAV, **mono, 16-bit PCM, one sample rate for all files** (16000 Hz or 22050 Hz), with no
silence before or after the word, and replace the files in `vi/`. All files must share one
format: the app refuses to join clips of different formats and says which one differs.
`chime.wav` may be replaced the same way (same format as the speech).

| file | says | text given to espeak-ng |
| --- | --- | --- |
{table}
"""


def main(argv: list[str] | None = None) -> int:
    """Make every clip and the README; print what was made."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default="vi", help="espeak-ng voice (default: vi)")
    parser.add_argument("--speed", type=int, default=150, help="words per minute (default 150)")
    parser.add_argument("--out", type=Path, default=SOUNDS / "vi", help="folder for the clips")
    args = parser.parse_args(argv)

    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"make_voice_clips: '{tool}' not found: apt-get install espeak-ng sox")
            return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    # Made beside the folder, then moved in one file at a time: a running app never finds a
    # clip missing or half written.
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        made = Path(tmp)
        write_chime(made / f"{CHIME}.wav")
        for name, text in CLIP_TEXTS.items():
            synthesise(text, made / f"{name}.wav", args.voice, args.speed)
        for clip in made.glob("*.wav"):
            os.replace(clip, out / clip.name)
    wanted = {CHIME, *CLIP_TEXTS}
    for old in out.glob("*.wav"):
        if old.stem not in wanted:
            old.unlink()

    files = sorted(out.glob("*.wav"))
    size = sum(p.stat().st_size for p in files)
    for p in files:
        print(f"{p.name:32} {duration(p):5.2f} s {p.stat().st_size:7d} B")
    print(f"{len(files)} clips, {size} bytes ({size / 1024:.0f} KB) in {out}")

    version = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    says = {letter_clip(k): f"{name} (letter {k})" for k, name in LETTER_NAMES.items()}
    rows = [f"| `{CHIME}.wav` | (two-tone chime) | |"]
    rows += [f"| `{n}.wav` | {says.get(n, t)} | {t} |" for n, t in CLIP_TEXTS.items()]
    table = "\n".join(rows)
    readme = README.format(
        espeak_version=version.split()[3] if len(version.split()) > 3 else "?",
        voice=args.voice,
        speed=args.speed,
        rate=RATE,
        count=len(files),
        size_kb=round(size / 1024),
        table=table,
    )
    if out == SOUNDS / "vi":
        (SOUNDS / "README.md").write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
