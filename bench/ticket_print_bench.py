"""Build the ESC/POS bytes of queue tickets (render + encode) and print the median time.

Goal context: issuing a ticket, database and printed bytes together, ≤ 10 ms median; this part
must stay at a few milliseconds.

    .venv/bin/python bench/ticket_print_bench.py [--runs 200]

Every ticket differs (number, people ahead, wait, time; one in five has priority), as at the
kiosk; the office header and footer are the same all day, so their cached drawing is reused.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from printers.thermal.escpos_bytes import ticket_bytes  # noqa: E402
from printers.thermal.samples import sample_slip  # noqa: E402


def run(label: str, runs: int, width: int, native_qr: bool | None) -> None:
    """Build runs tickets and print the median and 90th percentile times and the sizes."""
    times, sizes = [], []
    for i in range(runs + 5):
        slip = sample_slip(i + 1, i % 40, "Người cao tuổi" if i % 5 == 0 else "")
        started = time.perf_counter()
        data = ticket_bytes(slip, width_dots=width, native_qr=native_qr)
        elapsed = (time.perf_counter() - started) * 1000
        if i >= 5:  # the first tickets load fonts and draw the office header
            times.append(elapsed)
            sizes.append(len(data))
    times.sort()
    print(
        f"{label:<32} median {statistics.median(times):5.2f} ms   "
        f"p90 {times[int(len(times) * 0.9)]:5.2f} ms   "
        f"bytes median {int(statistics.median(sizes)):,} (max {max(sizes):,})"
    )


def main() -> None:
    """Print the figures for 80 mm and 58 mm paper, native and drawn QR codes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(f"{args.runs} tickets each (render + encode):")
    run("80 mm, native QR (TM-T20II)", args.runs, 576, None)
    run("58 mm, native QR", args.runs, 384, None)
    run("80 mm, QR drawn into the image", args.runs, 576, False)


if __name__ == "__main__":
    main()
