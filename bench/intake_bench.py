"""Save a complete dossier and render its Mẫu 01 receipt, on a database of 100,000 dossiers.

Goal (issue 3): median ≤ 60 ms on the development machine.

    .venv/bin/python bench/intake_bench.py [--rows 100000] [--runs 200] [--postgresql]

Each run is what the clerk's "Tiếp nhận" click does: one transaction that saves the applicant,
the dossier, its papers, code, book number and history, then the PDF of Mẫu 01 (two copies,
QR code and Code 128 barcode). Prints the median, the 90th percentile and the parts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [
    str(ROOT),
    str(ROOT / "tests"),
    str(ROOT / "tests" / "services"),
    str(ROOT / "bench"),
]

from dossier_data import fill  # noqa: E402
from dossier_fixtures import AGENCY, complete_intake, make_counter  # noqa: E402

from counter_app.services.forms import FormKind, FormService  # noqa: E402
from counter_app.services.office import OfficeService  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402


def run(url: str, rows: int, runs: int, label: str) -> None:
    db = Database(url)
    migrate(db)
    counter = make_counter(db, datetime(2026, 11, 23, 8, 0))
    started = time.perf_counter()
    fill(db, rows, "000.00.99.H99")
    print(f"  filled {rows:,} dossiers in {time.perf_counter() - started:.0f} s", flush=True)
    forms = FormService(db, OfficeService(db, counter.clock), counter.queries, "A5", counter.clock)
    intake = complete_intake(counter, fee_amount=8000)
    saves, renders, totals = [], [], []
    for i in range(runs + 5):
        t0 = time.perf_counter()
        detail = counter.intake.accept(counter.clerk, intake)
        t1 = time.perf_counter()
        pdf = forms.render(detail.id, FormKind.RECEIPT)
        t2 = time.perf_counter()
        assert pdf.startswith(b"%PDF") and detail.code.startswith(AGENCY)
        if i >= 5:  # the first runs warm caches and fonts
            saves.append((t1 - t0) * 1000)
            renders.append((t2 - t1) * 1000)
            totals.append((t2 - t0) * 1000)
        counter.clock.advance(seconds=20)
    totals.sort()
    print(
        f"{label}: {runs} dossiers saved + Mẫu 01 rendered: median {statistics.median(totals):.1f}"
        f" ms, p90 {totals[int(runs * 0.9)]:.1f} ms (save median {statistics.median(saves):.1f}"
        f" ms, render median {statistics.median(renders):.1f} ms)"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--postgresql", action="store_true", help="also on PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        print(f"SQLite, {args.rows:,} dossiers", flush=True)
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.rows, args.runs, "SQLite")
        if args.postgresql:
            from pg_server import PostgresServer

            server = PostgresServer()
            server.start()
            try:
                print(f"PostgreSQL, {args.rows:,} dossiers", flush=True)
                url = server.url(server.create_database("bench"))
                run(url, args.rows, args.runs, "PostgreSQL")
            finally:
                server.stop()


if __name__ == "__main__":
    main()
