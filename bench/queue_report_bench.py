"""The monthly queue report over 2,000,000 tickets, on SQLite and PostgreSQL.

Goal (issue 7): a monthly report over the whole history in ≤ 2 s. Tickets are bulk-inserted
(executemany, not the service) over about two years of working days, with realistic waits,
service times, no-shows and a few never-called tickets.

    .venv/bin/python bench/queue_report_bench.py [--tickets 2000000] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from queue_fixtures import make_hall  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from counter_app.services.dashboard import Dashboard  # noqa: E402
from counter_app.services.queue_report_models import Period  # noqa: E402
from counter_app.services.queue_reports import QueueReports  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402
from db.models import Ticket  # noqa: E402

FIRST_DAY = date(2025, 1, 1)
BATCH = 20_000


def working_days(count: int) -> list[date]:
    """Weekdays from FIRST_DAY on."""
    days, day = [], FIRST_DAY
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def ticket_rows(total: int, areas: dict[str, int], clerks: list[int]) -> Iterator[dict]:
    """`total` tickets over ~2 years of working days (about 3,800 a day)."""
    rng = random.Random(7)
    days = working_days(520)
    per_day = total // len(days)
    prefixes = sorted(areas)
    for i, day in enumerate(days):
        n = per_day + (total - per_day * len(days) if i == len(days) - 1 else 0)
        numbers = dict.fromkeys(prefixes, 0)
        opening = datetime.combine(day, datetime.min.time()) + timedelta(hours=7)
        for k in range(n):
            prefix = prefixes[k % len(prefixes)]
            numbers[prefix] += 1
            issued = opening + timedelta(seconds=int(k * 36000 / n))
            roll = rng.random()
            counter = rng.randint(1, 3)
            called = issued + timedelta(seconds=rng.randint(30, 3600)) if roll > 0.02 else None
            status = "waiting" if called is None else "no_show" if roll < 0.07 else "done"
            done = called + timedelta(seconds=rng.randint(60, 1500)) if called else None
            yield {
                "day": day,
                "prefix": prefix,
                "number": numbers[prefix],
                "label": f"{prefix}{numbers[prefix]:03d}",
                "area_id": areas[prefix],
                "priority": "",
                "status": status,
                "issued_at": issued,
                "issued_station": "KIOSK-1",
                "counter": counter if called else None,
                "called_at": called,
                "call_count": 1 if called else 0,
                "done_at": done,
                "served_by_id": clerks[counter - 1] if called else None,
                "served_by_name": f"Công chức {counter}" if called else "",
                "print_status": "printed",
            }


def fill(db: Database, total: int) -> None:
    hall = make_hall(db, datetime(2024, 12, 31, 8, 0))
    areas = {p: a.id for p, a in hall.areas.items()}
    clerks = [1, 2, 3]  # admin, kiosk and clerk accounts exist: any valid user ids
    started = time.perf_counter()
    batch: list[dict] = []
    with db.engine.begin() as conn:
        for row in ticket_rows(total, areas, clerks):
            batch.append(row)
            if len(batch) == BATCH:
                conn.execute(insert(Ticket), batch)
                batch = []
        if batch:
            conn.execute(insert(Ticket), batch)
        conn.execute(text("ANALYZE"))
    print(f"  inserted {total:,} tickets in {time.perf_counter() - started:.0f} s")


def measure(name: str, db: Database) -> None:
    reports = QueueReports(db)
    hall_admin = make_admin()
    for label, period in (
        ("month", Period(date(2026, 11, 1), date(2026, 11, 30))),
        ("month", Period(date(2026, 10, 1), date(2026, 10, 31))),
        ("quarter", Period(date(2026, 7, 1), date(2026, 9, 30))),
    ):
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            report = reports.report(hall_admin, period)
            timings.append(time.perf_counter() - started)
        print(
            f"  {name}: {label} {period.start:%d/%m}–{period.end:%d/%m/%Y}: "
            f"{report.total.tickets:,} tickets, best {min(timings):.2f} s, "
            f"first {timings[0]:.2f} s"
        )
    started = time.perf_counter()
    choices = reports.choices(hall_admin)
    print(
        f"  {name}: filter choices ({len(choices.counters)} counters, "
        f"{len(choices.clerks)} clerks) in {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    dashboard = Dashboard(db, lambda: datetime(2026, 11, 20, 10, 0))
    started = time.perf_counter()
    figures = dashboard.today(hall_admin)
    print(
        f"  {name}: dashboard {figures.issued:,} tickets today in "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )


def make_admin():  # type: ignore[no-untyped-def]
    from counter_app.domain.roles import Role
    from counter_app.services.principal import Principal

    return Principal(1, "quantri", "Quản Trị", Role.ADMIN, "BENCH")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=2_000_000)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{Path(tmp) / 'report.sqlite3'}")
            migrate(db)
            print("SQLite:")
            fill(db, args.tickets)
            measure("SQLite", db)
            db.dispose()
    if args.only != "sqlite":
        from pg_server import PostgresServer

        server = PostgresServer()
        server.start()
        try:
            db = Database(server.url(server.create_database("report")))
            migrate(db)
            print("PostgreSQL:")
            fill(db, args.tickets)
            measure("PostgreSQL", db)
            db.dispose()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
