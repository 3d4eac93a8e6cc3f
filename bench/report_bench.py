"""Monthly dossier report over 1,000,000 dossiers and 2,000,000 tickets (issue 7: ≤ 2 s).

    .venv/bin/python bench/report_bench.py [--rows 1000000] [--postgresql] [--no-sqlite]

Fills the database with plain executemany (no services): 300 dossiers a day for ~9 years up
to 30/11/2026, old ones mostly resolved, recent ones often open, two tickets per dossier-day
(half linked to a dossier). Then times summary() for November 2026 grouped by field,
procedure, counter, clerk and channel, the province report and the filters' choices, twice
(the second round on a warm cache).
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

from counter_app.clock import FrozenClock  # noqa: E402
from counter_app.domain.calendar import WorkCalendar  # noqa: E402
from counter_app.domain.roles import Role  # noqa: E402
from counter_app.services.dossier_reports import DossierReports  # noqa: E402
from counter_app.services.principal import Principal  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402

LAST_DAY = date(2026, 11, 30)
PROCEDURES = [
    (f"1.00{i:04d}", f"Thủ tục số {i}", f"Lĩnh vực {i % 12}", 1 + i % 5) for i in range(40)
]
D_COLS = [
    "code",
    "status",
    "channel",
    "applicant_id",
    "applicant_kind",
    "applicant_name",
    "applicant_id_number",
    "applicant_address",
    "applicant_phone",
    "applicant_email",
    "submitter_name",
    "procedure_code",
    "procedure_name",
    "field",
    "processing_days",
    "processing_text",
    "summary",
    "sets_count",
    "received_at",
    "due_at",
    "original_due_at",
    "apology_used",
    "clock_started_at",
    "delivery",
    "postal_address",
    "handling_unit",
    "fee_total",
    "decision_note",
    "result_ready_at",
    "returned_at",
    "return_tracking",
    "received_by_id",
    "received_by_name",
    "station",
    "search_text",
    "created_at",
    "updated_at",
]
T_COLS = [
    "day",
    "prefix",
    "number",
    "label",
    "area_id",
    "priority",
    "status",
    "issued_at",
    "issued_station",
    "counter",
    "call_count",
    "done_at",
    "served_by_name",
    "dossier_id",
    "print_status",
]


def _dossiers(count: int, sqlite: bool) -> Iterator[tuple[object, ...]]:
    rng = random.Random(7)

    def ts(moment: datetime) -> object:
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else moment

    for i in range(count):
        day_index, seq = divmod(i, 300)
        day = LAST_DAY - timedelta(days=day_index)
        received = datetime(day.year, day.month, day.day, 7) + timedelta(
            minutes=rng.randint(0, 600)
        )
        code_, name, field, days = PROCEDURES[i % len(PROCEDURES)]
        due = received + timedelta(days=days + 1)
        roll, recent = rng.random(), day_index < 45
        status, ready, returned, updated = 10, None, None, received
        if roll < 0.01:
            status = 3
        elif roll < 0.04:
            status, updated = 7, received + timedelta(days=1)
        elif roll < 0.05:
            status, updated = 8, received + timedelta(days=2)
        elif roll < (0.5 if recent else 0.07):
            status = 4
        else:
            ready = received + timedelta(hours=rng.randint(2, 24 * (days + 2)))
            returned = updated = ready + timedelta(hours=rng.randint(1, 48))
        yield (
            None if status == 3 else f"000.00.99.H99-{day:%y%m%d}-{seq + 1:04d}",
            status, rng.choice((1, 1, 1, 2, 3)), 1, 1, "Nguyễn Văn An", "", "", "", "", "",
            code_, name, field, str(days), "", name, 1, ts(received), ts(due), ts(due),
            rng.random() < 0.01, ts(received), 0, "", "", 0, "",
            ts(ready) if ready else None, ts(returned) if returned else None, "",
            None, f"Cán bộ {i % 7}", "BENCH", "", ts(received), ts(updated),
        )  # fmt: skip


def _tickets(count: int, dossiers: int, sqlite: bool) -> Iterator[tuple[object, ...]]:
    rng = random.Random(8)
    for i in range(count):
        day_index, number = divmod(i, 600)
        day = LAST_DAY - timedelta(days=day_index)
        issued = datetime(day.year, day.month, day.day, 7) + timedelta(seconds=number * 50)
        linked = day_index * 300 + number // 2 + 1 if number % 2 == 0 else None
        shown = issued.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else issued
        yield (
            day.isoformat() if sqlite else day, "A", number + 1, f"A{number + 1:03d}", 1, "",
            "done", shown, "KIOSK", rng.randint(1, 4), 1, shown, "Cán bộ",
            linked if linked and linked <= dossiers else None, "printed",
        )  # fmt: skip


def _insert(db: Database, table: str, cols: list[str], rows: Iterator[tuple[object, ...]]) -> None:
    mark = "?" if db.is_sqlite else "%s"
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
    with db.engine.begin() as conn:
        batch: list[tuple[object, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == 50_000:
                conn.exec_driver_sql(sql, batch)
                batch = []
        if batch:
            conn.exec_driver_sql(sql, batch)


def fill(db: Database, rows: int) -> None:
    """The dossiers, an applicant, a service area and twice as many tickets as dossiers."""
    now = datetime(2026, 11, 1)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO applicant (kind, full_name, id_number, old_id_number, gender, address,"
            " phone, email, tax_code, representative, created_at, updated_at) VALUES "
            "(1, 'Người nộp mẫu', '', '', '', '', '', '', '', '', :t, :t)".replace(
                ":t", "'2026-11-01 00:00:00.000000'" if db.is_sqlite else "now()"
            )
        )
        conn.exec_driver_sql(
            "INSERT INTO service_area (id, name, prefix, position, counters, active) "
            "VALUES (1, 'Chung', 'A', 0, '[1,2,3,4]', " + ("1)" if db.is_sqlite else "true)")
        )
    del now
    _insert(db, "dossier", D_COLS, _dossiers(rows, db.is_sqlite))
    _insert(db, "ticket", T_COLS, _tickets(rows * 2, rows, db.is_sqlite))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _time(reports: DossierReports, who: Principal, label: str, groups: tuple[str, ...]) -> None:
    nov = (date(2026, 11, 1), date(2026, 11, 30))
    for group in groups:
        t0 = time.perf_counter()
        s = reports.summary(who, *nov, group)
        print(f"  {label} summary by {group:9}: {time.perf_counter() - t0:6.2f} s "
              f"(received {s.total.counts.received:,}, carried {s.total.counts.carried_over:,})",
              flush=True)  # fmt: skip
    t0 = time.perf_counter()
    reports.province_report(who, *nov)
    print(f"  {label} province report    : {time.perf_counter() - t0:6.2f} s", flush=True)
    t0 = time.perf_counter()
    reports.choices(who)
    print(f"  {label} filter choices     : {time.perf_counter() - t0:6.2f} s", flush=True)


def run(url: str, rows: int, name: str) -> None:
    db = Database(url)
    migrate(db)
    t0 = time.perf_counter()
    fill(db, rows)
    print(f"{name}: filled {rows:,} dossiers, {2 * rows:,} tickets in "
          f"{time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip
    clock = FrozenClock(datetime(2026, 12, 2, 9, 0))
    reports = DossierReports(db, WorkCalendar(), clock)
    who = Principal(1, "bench", "Bench", Role.SUPERVISOR, "BENCH")
    for _ in range(2):  # the second round runs on a warm cache, as a supervisor's next click
        _time(reports, who, "monthly", ("field", "procedure", "counter", "clerk", "channel"))
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--postgresql", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        if not args.no_sqlite:
            run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.rows, "SQLite")
        if args.postgresql:
            from pg_server import PostgresServer

            server = PostgresServer()
            server.start()
            try:
                run(server.url(server.create_database("bench")), args.rows, "PostgreSQL")
            finally:
                server.stop()


if __name__ == "__main__":
    main()
