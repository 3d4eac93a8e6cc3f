"""Sample tickets, and `python -m printers.thermal.samples OUTDIR` to write their bytes and PNGs."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.domain.queue import describe_wait, ticket_label
from printers.thermal.decode import decode
from printers.thermal.escpos_bytes import ticket_bytes
from printers.thermal.slip import TicketSlip

OFFICE = "UBND xã Tân Lập — Bộ phận Tiếp nhận và Trả kết quả"


def sample_slip(number: int = 23, ahead: int = 7, priority: str = "") -> TicketSlip:
    """A ticket of the civil status area (Tư pháp – Hộ tịch), issued on 23/11/2026."""
    label = ticket_label("A", number)
    return TicketSlip(
        office_name=OFFICE,
        area_name="Tư pháp – Hộ tịch",
        label=label,
        issued_at=datetime(2026, 11, 23, 8, 15) + timedelta(seconds=30 * number),
        ahead=ahead,
        wait_text=describe_wait(timedelta(minutes=4 * ahead)),
        qr_data=f"https://dichvucong.example.vn/hang-doi/20261123/{label}",
        priority_text=f"Ưu tiên: {priority}" if priority else "",
    )


def main(argv: list[str]) -> int:
    """Write ticket .bin files and their PNG previews into the folder given."""
    out = Path(argv[0] if argv else ".")
    out.mkdir(parents=True, exist_ok=True)
    cases = {
        "ticket-80mm": (sample_slip(), 576, None),
        "ticket-80mm-priority": (sample_slip(5, 0, "Người cao tuổi"), 576, None),
        "ticket-80mm-drawn-qr": (sample_slip(), 576, False),
        "ticket-58mm": (sample_slip(1023, 15), 384, None),
    }
    for name, (slip, width, native) in cases.items():
        data = ticket_bytes(slip, width_dots=width, native_qr=native)
        (out / f"{name}.bin").write_bytes(data)
        decode(data).preview().save(out / f"{name}.png")
        print(f"{name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
