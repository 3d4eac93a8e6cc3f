"""Accent-insensitive dossier search over a large database, on SQLite and PostgreSQL.

Goal (issue 3): median ≤ 50 ms over 1,000,000 dossiers on both.

    .venv/bin/python bench/search_bench.py [--rows 1000000] [--only sqlite|postgresql]

Builds the databases in a temporary folder (PostgreSQL: a throwaway server on 127.0.0.1, as the
tests start), fills them with generated dossiers, runs a mix of searches a clerk types, and
prints the median and 90th percentile per backend.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from dossier_data import GIVEN, MIDDLE, SURNAMES, fill, person  # noqa: E402

from counter_app.clock import FrozenClock  # noqa: E402
from counter_app.domain.text import fold  # noqa: E402
from counter_app.services.catalog import CatalogService  # noqa: E402
from counter_app.services.dossier_queries import DossierFilter, DossierQueries  # noqa: E402
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup  # noqa: E402
from counter_app.services.principal import Principal  # noqa: E402
from counter_app.settings import SecuritySettings  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402

AGENCY = "000.00.06.H56"


def queries(rng: random.Random) -> list[str]:
    """What clerks type: full names, partial names, phone tails, id numbers, code pieces."""
    out = []
    for _ in range(10):
        out.append(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
        out.append(f"{rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
        out.append(fold(rng.choice(GIVEN)))
        _name, number, phone = person(rng)
        out += [phone[-6:], number, f"2611{rng.randint(10, 20)}-0{rng.randint(100, 299)}"]
    return out


def prepare(url: str, rows: int) -> Database:
    db = Database(url)
    migrate(db)
    clock = FrozenClock(datetime(2026, 11, 20, 8))
    OfficeService(db, clock).set_up(
        OfficeSetup("Trung tâm bench", AGENCY, "01", "00004", 2),
        AdminSetup("quantri", "Quản Trị", "matkhau123"),
        SecuritySettings(),
        "BENCH",
    )
    CatalogService(db, clock).load_shipped(Principal.system("BENCH"))
    started = time.perf_counter()
    fill(db, rows, AGENCY)
    print(f"  filled {rows:,} dossiers in {time.perf_counter() - started:.0f} s", flush=True)
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE dossier")
    return db


def measure(db: Database, label: str) -> None:
    search = DossierQueries(db, FrozenClock(datetime(2026, 11, 20, 9)))
    rng = random.Random(11)
    qs = queries(rng)
    for q in qs[:5]:  # warm the caches as a working day would
        search.search(DossierFilter(query=q), limit=50)
    timed: list[tuple[float, str]] = []
    hits = []
    for _ in range(3):
        for q in qs:
            started = time.perf_counter()
            found = search.search(DossierFilter(query=q), limit=50)
            timed.append(((time.perf_counter() - started) * 1000, q))
            hits.append(len(found))
    times = sorted(t for t, _ in timed)
    p90 = times[int(len(times) * 0.9)]
    print(
        f"{label}: {len(times)} searches, median {statistics.median(times):.1f} ms, "
        f"p90 {p90:.1f} ms, max {times[-1]:.1f} ms, mean hits {statistics.mean(hits):.0f}"
    )
    slow = sorted(timed, reverse=True)[:4]
    print("  slowest:", ", ".join(f"{q!r} {t:.0f} ms" for t, q in slow))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        if args.only != "postgresql":
            print(f"SQLite, {args.rows:,} dossiers", flush=True)
            db = prepare(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.rows)
            measure(db, "SQLite")
            db.dispose()
        if args.only != "sqlite":
            from pg_server import PostgresServer

            server = PostgresServer()
            server.start()
            try:
                print(f"PostgreSQL, {args.rows:,} dossiers", flush=True)
                db = prepare(server.url(server.create_database("bench")), args.rows)
                measure(db, "PostgreSQL")
                db.dispose()
            finally:
                server.stop()


if __name__ == "__main__":
    main()
