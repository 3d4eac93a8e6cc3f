"""Sync speed: draining a backlog to the province, bytes per dossier, a slow commune line.

Goals (issue 6):

- (a) a backlog of 10,000 dossiers drained over loopback: ≥ 300 dossiers/s;
- (b) bytes on the wire per dossier without attachments: ≤ 1 KB;
- (c) 1,000 dossiers through the FaultProxy limited to 256 kbit/s with 300 ms latency: ≤ 60 s.

    .venv/bin/python bench/sync_bench.py [--backlog 10000] [--slow 1000] [--via-intake]

The reference server runs as a process on SQLite; the office is SQLite too; the sender is the
real SyncSender over HttpProvincialAdapter (gzip batches), run with ``run_once`` until the
outbox is empty. The backlog is varied dossiers of the shipped catalogue's procedures with
varied Vietnamese names, addresses, phones and id numbers (so compression is honest). By
default their outbox rows are inserted directly, built with ``sync_payload`` from snapshots
shaped like intake's (the intake service takes about 18 ms a dossier here, 3 minutes for
10,000); ``--via-intake`` receives every dossier through the intake service instead. A sample
received through the intake service is measured either way, to compare payload sizes.
"(c)"'s latency is read the stricter way, 300 ms added in each direction; 150 ms each way
(300 ms round trip) is printed too. Bytes are HTTP bytes counted by the adapter: request and
status lines, headers, bodies as transferred (compressed).
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "sync")]

from dossier_fixtures import AGENCY, make_counter  # noqa: E402
from provincial_helpers import ProvincialServer  # noqa: E402
from sender_process import citizen, drain, open_sender, varied_intake  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from counter_app.domain.dossier_code import make_code  # noqa: E402
from counter_app.domain.sync_payload import (  # noqa: E402
    DossierSnapshot,
    FeeLine,
    HistoryStep,
    PaperEntry,
    compact_json,
    content_hash,
    dossier_payload,
    new_op_id,
)
from counter_app.services.catalog import CatalogService  # noqa: E402
from counter_app.settings import SyncSettings  # noqa: E402
from counter_app.sync.fault_proxy import FaultProxy  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402
from db.models import Office, SyncOutbox  # noqa: E402

CLERKS = ("Lê Thị Hồng", "Trần Văn Bình", "Lò Thị Mai", "Vàng A Sử")
START = datetime(2026, 11, 2, 7, 30)
PER_DAY = 400  # dossiers a day spread the codes (at most 9,999 a day)


@dataclass(frozen=True)
class Drained:
    """What one drain measured."""

    dossiers: int
    seconds: float
    bytes_sent: int
    bytes_received: int

    @property
    def per_second(self) -> float:
        """Dossiers per second."""
        return self.dossiers / self.seconds

    @property
    def bytes_per_dossier(self) -> float:
        """HTTP bytes both ways per dossier."""
        return (self.bytes_sent + self.bytes_received) / self.dossiers


def synthetic_payloads(catalog: CatalogService, commune: str, count: int, seed: int) -> list:
    """(code, received_at, payload) of `count` dossiers shaped like intake's snapshots."""
    rng = random.Random(seed)
    procedures = [catalog.get(p.code) for p in catalog.search("") if p.active]
    out = []
    for i in range(count):
        day, number = divmod(i, PER_DAY)
        received = START + timedelta(days=day, seconds=number * 60 + rng.randint(0, 59))
        code = make_code(AGENCY, received.date(), number + 1)
        detail = rng.choice(procedures)
        person = citizen(rng)
        fee = rng.choice((0, 0, 0, 5000, 8000, 10000, 15000, 20000))
        clerk = rng.choice(CLERKS)
        days = max(1, int(detail.processing_days))
        snapshot = DossierSnapshot(
            code=code,
            status=2,
            procedure_code=detail.code,
            procedure_name=detail.name,
            field=detail.field,
            received_at=received,
            applicant_name=person.full_name,
            applicant_id_number=person.id_number,
            applicant_address=person.address,
            applicant_phone=person.phone,
            applicant_email=person.email,
            submitter_name=rng.choice(("", "", "", "", "Người được ủy quyền", "Vợ", "Con trai")),
            summary=rng.choice(("", "", detail.name, f"{detail.name} cho con")),
            sets_count=rng.choice((1, 1, 1, 1, 2)),
            due_at=received + timedelta(days=days),
            handling_unit=f"UBND {commune}",
            receiving_office=AGENCY,
            papers=tuple(PaperEntry(p.name, p.originals, p.copies, True) for p in detail.papers),
            fees=(FeeLine(f"Phí, lệ phí: {detail.name}", fee, method="Tiền mặt"),) if fee else (),
            history=(HistoryStep(received, 2, clerk, "Công chức một cửa", note="Tiếp nhận hồ sơ"),),
        )
        out.append((code, received, dossier_payload(snapshot)))
    return out


def insert_outbox(db: Database, payloads: list) -> None:
    """Queue the payloads as seq-1 snapshot operations, as intake's transactions would."""
    rows = [
        {
            "op_id": new_op_id(),
            "kind": "dossier",
            "dossier_id": None,
            "code": code,
            "seq": 1,
            "payload": compact_json(data).decode("utf-8"),
            "content_hash": content_hash(data),
            "created_at": received,
        }
        for code, received, data in payloads
    ]
    with db.write() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(SyncOutbox), rows[start : start + 5000])


def office_via_intake(db: Database, count: int, seed: int) -> None:
    """Receive `count` varied dossiers through the intake service (about 18 ms each here)."""
    counter = make_counter(db, START)
    rng = random.Random(seed)
    for i in range(count):
        if i and i % PER_DAY == 0:
            counter.clock.at = counter.clock.at.replace(hour=7, minute=30) + timedelta(days=1)
        counter.intake.accept(counter.clerk, varied_intake(counter, rng))
        counter.clock.advance(seconds=60)


def payload_sizes(db: Database) -> list[int]:
    """UTF-8 bytes of each queued payload."""
    with db.read() as session:
        return [len(p.encode("utf-8")) for p in session.scalars(select(SyncOutbox.payload))]


def drain_once(
    folder: Path,
    fill: Callable[[Database], None],
    settings: SyncSettings,
    line: dict | None = None,
) -> Drained:
    """A fresh province and office; fill the office's outbox, then time the drain."""
    folder.mkdir(parents=True)
    server = ProvincialServer(f"sqlite:///{folder / 'province.sqlite3'}", folder / "province")
    server.start()
    db = Database(f"sqlite:///{folder / 'office.sqlite3'}")
    try:
        migrate(db)
        fill(db)
        with db.read() as session:
            dossiers = len(set(session.scalars(select(SyncOutbox.code))))
        token = server.token(AGENCY)
        proxy = FaultProxy("127.0.0.1", server.port).start() if line is not None else None
        try:
            url = server.base_url
            if proxy is not None:
                proxy.configure(**line)
                url = proxy.url
            sender, adapter = open_sender(db, folder / "files", url, token, settings)
            t0 = time.perf_counter()
            drained = drain(sender, adapter, db, rounds=100)
            seconds = time.perf_counter() - t0
            sender.stop()
            adapter.close()
        finally:
            if proxy is not None:
                proxy.stop()
        held = server.ops("GET", "/_ops/stats").json()["rows"]["prov_dossier"]
        if not drained or held != dossiers:
            raise RuntimeError(f"not drained: the province holds {held} of {dossiers} dossiers")
        return Drained(dossiers, seconds, adapter.bytes_sent, adapter.bytes_received)
    finally:
        db.dispose()
        server.stop()


def main() -> None:
    """Run the three measurements and print the figures."""
    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--slow", type=int, default=1_000)
    parser.add_argument("--via-intake", action="store_true", help="intake service for all")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    print(f"CPUs: {os.cpu_count()}; office and province on SQLite; server as its own process")
    with tempfile.TemporaryDirectory(prefix="motcua-sync-bench-") as tmp:
        root = Path(tmp)
        catalog_db = Database(f"sqlite:///{root / 'catalog.sqlite3'}")
        migrate(catalog_db)
        counter = make_counter(catalog_db, START)
        with catalog_db.read() as session:
            commune = session.scalars(select(Office)).one().commune_name
        sample, rng = 300, random.Random(args.seed)
        for _ in range(sample):
            counter.intake.accept(counter.clerk, varied_intake(counter, rng))
        real = payload_sizes(catalog_db)
        synthetic = synthetic_payloads(counter.catalog, commune, args.backlog, args.seed)
        built = [len(compact_json(d)) for _c, _r, d in synthetic]
        print(
            f"payload sizes (compact JSON): intake service sample of {sample}: mean "
            f"{statistics.mean(real):.0f} B; generated backlog: mean {statistics.mean(built):.0f} B"
        )

        if args.via_intake:
            how = "every dossier received through the intake service"

            def fill_backlog(db: Database) -> None:
                t = time.perf_counter()
                office_via_intake(db, args.backlog, args.seed)
                print(f"  intake of {args.backlog:,} dossiers: {time.perf_counter() - t:.0f} s")
        else:
            how = "outbox rows inserted, built with sync_payload from intake-shaped snapshots"

            def fill_backlog(db: Database) -> None:
                insert_outbox(db, synthetic)

        settings = SyncSettings(url="http://127.0.0.1", batch_items=500, read_timeout_s=30)
        print(f"(a)+(b) backlog of {args.backlog:,} dossiers ({how}); batches of 500, loopback")
        a = drain_once(root / "a", fill_backlog, settings)
        verdict = "PASS" if a.per_second >= 300 else "FAIL"
        print(
            f"  (a) drained in {a.seconds:.1f} s: {a.per_second:,.0f} dossiers/s "
            f"(goal ≥ 300) {verdict}"
        )
        verdict = "PASS" if a.bytes_per_dossier <= 1024 else "FAIL"
        print(
            f"  (b) bytes on the wire: {a.bytes_sent:,} sent + {a.bytes_received:,} received = "
            f"{a.bytes_per_dossier:.0f} B per dossier (goal ≤ 1 KB) {verdict}"
        )

        slow = synthetic[: args.slow]
        default = SyncSettings(url="http://127.0.0.1")
        for each_way in (300, 150):
            line = {
                "bandwidth_bps": 256_000,
                "latency_up_ms": each_way,
                "latency_down_ms": each_way,
            }
            c = drain_once(root / f"c{each_way}", lambda db: insert_outbox(db, slow), default, line)
            verdict = "PASS" if c.seconds <= 60 else "FAIL"
            print(
                f"(c) {c.dossiers:,} dossiers through the fault proxy at 256 kbit/s, "
                f"{each_way} ms each way (batches of {default.batch_items}): {c.seconds:.1f} s "
                f"(goal ≤ 60 s) {verdict}; {c.bytes_per_dossier:.0f} B per dossier"
            )
        catalog_db.dispose()


if __name__ == "__main__":
    main()
