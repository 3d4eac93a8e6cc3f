"""Issuing queue tickets: one kiosk on SQLite, and eight processes at once on PostgreSQL.

Goals (issue 4): issuing a ticket (database + rendered ESC/POS bytes) median ≤ 10 ms on SQLite;
8 processes issuing at once against PostgreSQL ≥ 300 tickets/s in total, zero duplicates.

    .venv/bin/python bench/ticket_bench.py [--tickets 300] [--seconds 5]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "services")]

from queue_fixtures import make_hall  # noqa: E402

from counter_app.domain.queue import describe_wait  # noqa: E402
from counter_app.domain.roles import Role  # noqa: E402
from counter_app.services.principal import Principal  # noqa: E402
from counter_app.services.queue import QueueService  # noqa: E402
from counter_app.services.queue_models import TicketInfo  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402
from printers.thermal.escpos_bytes import ticket_bytes  # noqa: E402
from printers.thermal.slip import TicketSlip  # noqa: E402

OFFICE = "Trung tâm Phục vụ hành chính công xã Phong Thổ"


def slip_bytes(ticket: TicketInfo) -> bytes:
    """The ESC/POS bytes the kiosk sends for a ticket."""
    slip = TicketSlip(
        OFFICE,
        ticket.area_name,
        ticket.label,
        ticket.issued_at,
        ticket.ahead,
        describe_wait(ticket.wait),
        ticket.qr_data,
        ticket.priority_label,
    )
    return ticket_bytes(slip)


def sqlite_single_kiosk(tmp: Path, count: int) -> None:
    db = Database(f"sqlite:///{tmp / 'tickets.sqlite3'}")
    migrate(db)
    hall = make_hall(db)
    area = hall.areas["A"].id
    timings, sizes = [], []
    for i in range(count + 10):
        started = time.perf_counter()
        ticket = hall.queue.issue(hall.kiosk, area)
        data = slip_bytes(ticket)
        if i >= 10:  # warm-up: fonts, caches
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(data))
    timings.sort()
    print(
        f"SQLite, one kiosk: {count} tickets, median {statistics.median(timings):.1f} ms, "
        f"p90 {timings[int(count * 0.9)]:.1f} ms per ticket (database + ESC/POS bytes, "
        f"{statistics.median(sizes) / 1024:.1f} KB each)"
    )
    db.dispose()


def _issue_for(url: str, area_ids: list[int], start_at: float, seconds: float, worker: int) -> int:
    """Issue tickets from `start_at` (wall clock, so all processes start together) for `seconds`."""
    db = Database(url)
    queue = QueueService(db)
    kiosk = Principal(None, "kiosk", "Kiosk", Role.DEVICE, f"KIOSK-{worker}")
    queue.areas()  # connect before the start line
    time.sleep(max(0.0, start_at - time.time()))
    issued = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        queue.issue(kiosk, area_ids[(issued + worker) % len(area_ids)])
        issued += 1
    db.dispose()
    return issued


def postgres_eight_processes(seconds: float) -> None:
    from pg_server import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        url = server.url(server.create_database("tickets"))
        db = Database(url)
        migrate(db)
        hall = make_hall(db)
        areas = [a.id for a in hall.areas.values()]
        db.dispose()
        ctx = multiprocessing.get_context("spawn")
        start_at = time.time() + 8.0  # time for the 8 processes to start and connect
        with ctx.Pool(8) as pool:
            counts = pool.starmap(
                _issue_for, [(url, areas, start_at, seconds, w) for w in range(8)]
            )
        total = sum(counts)
        elapsed = seconds
        db = Database(url)
        with db.engine.connect() as conn:
            distinct = conn.exec_driver_sql(
                "SELECT count(DISTINCT (day, label)) FROM ticket"
            ).scalar_one()
        db.dispose()
        print(
            f"PostgreSQL, 8 processes for {seconds:.0f} s: {total} tickets, "
            f"{total / elapsed:.0f} tickets/s in total, duplicates: {total - distinct}"
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        sqlite_single_kiosk(Path(tmp), args.tickets)
    postgres_eight_processes(args.seconds)


if __name__ == "__main__":
    main()
