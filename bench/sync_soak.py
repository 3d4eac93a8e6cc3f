"""Soak: 2,000 dossiers synced to the province while a fifth of the requests go wrong.

    .venv/bin/python bench/sync_soak.py [--dossiers 2000] [--fault-rate 0.2] [--seed 7]

Goal (issue 6): every dossier reaches the province exactly once with identical content, every
attachment with a matching hash, every upstream change applied once, whatever the line does.

A reference provincial server runs as a process (SQLite) behind a FaultProxy. An office
(SQLite, the real intake service) receives the dossiers in chunks (about 10 % with a scan, a
few larger than one upload chunk; a third transferred, some results returned and rated) while
a SyncSender drains its outbox in the same process, as at a counter. Each request of the
sender, with the given probability, meets one fault chosen at random: the server's captive
page, 503, 429 (Retry-After 1), drop after commit, truncated answer, truncated JSON, an
answer slower than the read timeout, or the line resetting the connection part-way through
the request (through the proxy). Midway the operator makes upstream moves and then restores
an older snapshot (a new epoch: the office reconciles). At the end the faults stop and the
invariants are checked; each is printed as PASS/FAIL, and any FAIL exits non-zero. The run
stops hard at 10 minutes.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "sync")]

import httpx  # noqa: E402
from dossier_fixtures import AGENCY, make_counter  # noqa: E402
from dossier_fixtures import Counter as Office  # noqa: E402
from provincial_helpers import ProvincialServer  # noqa: E402
from sender_process import drain, noise_png, open_sender, own_unit, varied_intake  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sync_invariants import Check, check_sync  # noqa: E402

from counter_app.domain.rating import (  # noqa: E402
    DEFAULT_REASONS,
    DISSATISFIED,
    NEUTRAL,
    SATISFIED,
    VERY_SATISFIED,
)
from counter_app.domain.roles import Role  # noqa: E402
from counter_app.services.accounts import AccountService  # noqa: E402
from counter_app.services.dossier_lifecycle import ReturnInput  # noqa: E402
from counter_app.services.rating import RatingInput, RatingService  # noqa: E402
from counter_app.settings import RatingSettings, SecuritySettings, SyncSettings  # noqa: E402
from counter_app.sync import state  # noqa: E402
from counter_app.sync.fault_proxy import FaultProxy  # noqa: E402
from counter_app.sync.puller import UPSTREAM  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import migrate  # noqa: E402
from db.models import DossierEvent, SyncOutbox  # noqa: E402

HARD_STOP_SECONDS = 600
SERVER_FAULTS = (
    "captive",
    "fail_503",
    "throttle_429",
    "drop_after_commit",
    "truncate",
    "truncate_json",
    "slow",
)
RESET = "reset"
SETTINGS = SyncSettings(
    url="http://127.0.0.1",
    batch_items=50,
    read_timeout_s=2,
    pull_seconds=0,
    max_backoff_seconds=1,
)
CHUNKS = 8
SNAPSHOT_AFTER, RESTORE_AFTER = 2, 5  # chunks
MOVES_AFTER = (3, 6)  # chunks after which the operator moves dossiers upstream


class FaultyLine(httpx.BaseTransport):
    """The sender's HTTP transport: a random share of requests meets one random fault.

    A server fault is switched on (``/_ops/faults``, matching only this request's path) just
    before the request goes; a reset is played by the proxy on a fresh connection, after a
    random number of the request's bytes.
    """

    def __init__(
        self, server: ProvincialServer, proxy: FaultProxy, rate: float, rng: random.Random
    ) -> None:
        self.server, self.proxy, self.rate, self.rng = server, proxy, rate, rng
        self.inner = httpx.HTTPTransport()
        self.fresh = httpx.HTTPTransport()
        self.ops = httpx.Client(
            base_url=server.base_url,
            headers={"X-Operator-Token": server.operator_token},
            timeout=10.0,
        )
        self.enabled = True
        self.requests = 0
        self.faults: Counter[str] = Counter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Forward one request, maybe after arranging a fault for it."""
        self.requests += 1
        if not self.enabled or self.rng.random() >= self.rate:
            return self.inner.handle_request(request)
        kind = self.rng.choice((*SERVER_FAULTS, RESET))
        self.faults[kind] += 1
        if kind == RESET:
            return self._reset(request)
        values: dict[str, object] = {kind: 1, "match": request.url.path}
        if kind == "throttle_429":
            values["retry_after"] = 1
        if kind == "slow":
            values["slow_seconds"] = SETTINGS.read_timeout_s + 1.0
        self.ops.put("/_ops/faults", json=values).raise_for_status()
        return self.inner.handle_request(request)

    def _reset(self, request: httpx.Request) -> httpx.Response:
        self.fresh.close()  # the last reset's connection; the proxy counts bytes per connection
        self.fresh = httpx.HTTPTransport()
        size = 200 + len(request.read())  # about the head and the body
        self.proxy.configure(reset_after_up=self.rng.randint(1, size))
        try:
            response = self.fresh.handle_request(request)
            response.read()
            return response
        finally:
            self.proxy.configure(reset_after_up=None)

    def close(self) -> None:
        """Close every connection."""
        self.inner.close()
        self.fresh.close()
        self.ops.close()


@dataclass
class Scenario:
    """The office's day: intake in chunks, lifecycle steps, ratings, the operator's actions."""

    office: Office
    server: ProvincialServer
    total: int
    rng: random.Random
    scans: Path
    made: list[tuple[int, str]] = field(default_factory=list)  # (dossier id, code)
    counts: Counter[str] = field(default_factory=Counter)
    change_ids: list[str] = field(default_factory=list)
    epochs: list[str] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None

    def run(self) -> None:
        """Play the whole day (in its own thread); records an exception instead of raising."""
        try:
            self._run()
        except BaseException as exc:  # reported by the main thread
            self.error = exc
        finally:
            self.done.set()

    def _run(self) -> None:
        office = self.office
        accounts = AccountService(office.db, SecuritySettings(), "QUAY-1", office.clock)
        accounts.create_user(office.admin, "danhgia1", "Màn hình quầy 1", Role.DEVICE, "thietbi1")
        screen = accounts.sign_in("danhgia1", "thietbi1")
        ratings = RatingService(office.db, RatingSettings(), office.clock)
        unit = own_unit(office.db)
        per_chunk = -(-self.total // CHUNKS)
        snapshot_id = None
        transferred: list[int] = []
        for chunk in range(1, CHUNKS + 1):
            office.clock.at = datetime(2026, 11, 16 + chunk, 7, 30)
            new = [self._receive() for _ in range(min(per_chunk, self.total - len(self.made)))]
            # Dossier ids ending in 7 are left to the province: only upstream moves change them.
            local = [d for d in new if d[0] % 10 != 7]
            for dossier_id, _code in self.rng.sample(local, len(local) // 3):
                office.lifecycle.transfer(office.clerk, dossier_id, unit)
                transferred.append(dossier_id)
                self.counts["transferred"] += 1
            done_now = transferred[: len(transferred) * 2 // 5]
            del transferred[: len(done_now)]
            for dossier_id in done_now:
                office.clock.advance(minutes=7)
                office.lifecycle.record_result(office.clerk, dossier_id)
                office.lifecycle.return_result(
                    office.clerk, dossier_id, ReturnInput(receiver_name="Người nhận thay")
                )
                self.counts["returned"] += 1
                if self.rng.random() < 0.5:
                    self._rate(ratings, screen, dossier_id)
            if chunk == SNAPSHOT_AFTER:
                reply = self.server.ops("POST", "/_ops/snapshots")
                snapshot_id = reply.raise_for_status().json()["snapshot_id"]
            if chunk in MOVES_AFTER:
                self._moves(25)
            if chunk == RESTORE_AFTER and snapshot_id is not None:
                reply = self.server.ops("POST", f"/_ops/snapshots/{snapshot_id}/restore")
                self.epochs.append(reply.raise_for_status().json()["epoch"])
            time.sleep(0.5)  # the sender catches up a little, as between citizens

    def _receive(self) -> tuple[int, str]:
        office, rng = self.office, self.rng
        scans: tuple[Path, ...] = ()
        if rng.random() < 0.1:
            side = 330 if rng.random() < 0.1 else rng.randint(40, 90)  # 330: two upload chunks
            scans = (noise_png(self.scans / f"{uuid.uuid4().hex}.png", rng, side),)
            self.counts["with a scan"] += 1
        detail = office.intake.accept(office.clerk, varied_intake(office, rng, scans))
        office.clock.advance(seconds=rng.randint(30, 400))
        self.made.append((detail.id, detail.code))
        return detail.id, detail.code

    def _rate(self, ratings: RatingService, screen, dossier_id: int) -> None:
        level = self.rng.choice((VERY_SATISFIED, VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED))
        reasons = (self.rng.choice(DEFAULT_REASONS),) if level == DISSATISFIED else ()
        answer = RatingInput(f"dossier:{dossier_id}", level, uuid.uuid4().hex, reasons)
        ratings.submit(screen, answer)
        self.counts["rated"] += 1

    def _moves(self, count: int) -> None:
        """Upstream moves on the province's dossiers the office has sent."""
        with self.office.db.read() as session:
            sent = set(
                session.scalars(
                    select(SyncOutbox.dossier_id)
                    .where(SyncOutbox.state == "done")
                    .group_by(SyncOutbox.dossier_id)
                    .having(func.count() > 0)
                )
            )
        left = [(i, c) for i, c in self.made if i % 10 == 7 and i in sent]
        for _dossier_id, code in self.rng.sample(left, min(count, len(left))):
            action = self.rng.choice(("processing", "processing", "supplement", "done"))
            reply = self.server.ops(
                "POST",
                f"/_ops/dossiers/{code}/move",
                json={
                    "action": action,
                    "NguoiXuLy": "Phạm Thị Dung",
                    "PhongBanXuLy": "Phòng Tư pháp",
                    "NoiDungXuLy": "Cập nhật từ hệ thống tỉnh",
                },
            )
            if reply.status_code == 404:
                continue  # lost by the restore and not yet sent again
            self.change_ids.append(reply.raise_for_status().json()["change_id"])
            self.counts["upstream moves"] += 1


def hard_stop(server: ProvincialServer) -> None:
    """The 10-minute bound: stop the server and leave at once."""
    print(f"FAIL finished within {HARD_STOP_SECONDS // 60} minutes: hard stop", flush=True)
    if server.process is not None:
        server.process.kill()
    os._exit(3)


class RoundLog:
    """Counts the sender's rounds and reconciliations (``drain``'s per-round callback)."""

    def __init__(self) -> None:
        self.rounds = 0
        self.reconciled = 0

    def __call__(self, summary: dict) -> None:
        self.rounds += 1
        self.reconciled += bool(summary["reconciled"])


def soak(total: int, rate: float, seed: int, folder: Path) -> int:
    """Run the soak in `folder`; the exit status (0 when every invariant holds)."""
    started = time.monotonic()
    server = ProvincialServer(f"sqlite:///{folder / 'province.sqlite3'}", folder / "province")
    server.start()
    timer = threading.Timer(HARD_STOP_SECONDS - (time.monotonic() - started), hard_stop, [server])
    timer.daemon = True
    timer.start()
    db = Database(f"sqlite:///{folder / 'office.sqlite3'}")
    try:
        migrate(db)
        office = make_counter(db, datetime(2026, 11, 16, 7, 30))
        token = server.token(AGENCY)
        with db.write() as session:
            state.put(session, state.TOKEN, token)
        scans = folder / "scans"
        scans.mkdir()
        log = RoundLog()
        deadline = started + HARD_STOP_SECONDS - 90  # room left for the checks
        with FaultProxy("127.0.0.1", server.port) as proxy:
            line = FaultyLine(server, proxy, rate, random.Random(seed + 1))
            files = office.attachments.store.root
            sender, adapter = open_sender(db, files, proxy.url, token, SETTINGS, transport=line)
            scenario = Scenario(office, server, total, random.Random(seed), scans)
            t0 = time.monotonic()
            worker = threading.Thread(target=scenario.run, name="office-day")
            worker.start()
            while not scenario.done.is_set() and time.monotonic() < deadline:
                if drain(sender, adapter, db, rounds=1, deadline=deadline, on_round=log):
                    time.sleep(0.3)  # all sent: idle until the counter makes more
            worker.join()
            t1 = time.monotonic()
            drained = scenario.error is None and drain(
                sender, adapter, db, rounds=5000, deadline=deadline, on_round=log
            )
            t2 = time.monotonic()
            line.enabled = False
            sender.stop()
            adapter.close()
            line.close()
        if scenario.error is not None:
            raise scenario.error
        checks = [
            Check("drained before the time bound", drained),
            Check("the restore was seen: the office reconciled", log.reconciled > 0),
            *check_sync(db, server, token, upstream_made=scenario.change_ids),
        ]
        with db.read() as session:
            kinds = select(SyncOutbox.kind, func.count()).group_by(SyncOutbox.kind)
            ops = {kind: n for kind, n in session.execute(kinds)}
            snapshots = session.execute(
                select(SyncOutbox.code, SyncOutbox.content_hash)
                .where(SyncOutbox.kind == "dossier")
                .order_by(SyncOutbox.code, SyncOutbox.seq)
            ).all()
        # Reconciliation queues an unchanged snapshot again when the province holds more than
        # the office has had acknowledged: harmless, but worth seeing.
        repeated = sum(a == b for a, b in pairwise(snapshots))
        faults = sum(line.faults.values())
        made = len(scenario.made)
        print(f"dossiers: {made:,} ({', '.join(f'{v:,} {k}' for k, v in scenario.counts.items())})")
        print(
            f"operations: {sum(ops.values()):,} ({', '.join(f'{v:,} {k}' for k, v in ops.items())})"
        )
        print(f"unchanged snapshots queued again by reconciliation: {repeated:,}")
        print(f"requests made by the sender: {line.requests:,} in {log.rounds:,} rounds")
        print(
            f"faults injected: {faults:,} ({faults / max(1, line.requests):.1%} of requests): "
            + ", ".join(f"{k} {v}" for k, v in sorted(line.faults.items()))
        )
        with db.read() as session:
            query = select(func.count()).where(DossierEvent.action == UPSTREAM)
            applied = session.scalar(query) or 0
        print(
            f"upstream moves: {len(scenario.change_ids)} made, {applied} applied at the office "
            "(the others were lost by the restore before the office pulled them)"
        )
        print(
            f"epoch changes (snapshot restored): {len(scenario.epochs)}, "
            f"rounds that reconciled: {log.reconciled}"
        )
        elapsed = time.monotonic() - started
        print(
            f"elapsed: {elapsed:.1f} s (intake and sync together {t1 - t0:.1f} s, "
            f"final drain {t2 - t1:.1f} s, checks and set-up the rest)"
        )
        print(
            f"throughput under faults: {made / (t2 - t0):.1f} dossiers/s, "
            f"{sum(ops.values()) / (t2 - t0):.1f} operations/s (first intake to drained)"
        )
        for check in checks:
            print(check.line())
        return 0 if all(c.ok for c in checks) else 1
    finally:
        timer.cancel()
        db.dispose()
        server.stop()


def main() -> None:
    """Parse the options, run the soak in a throwaway folder, exit with its status."""
    logging.basicConfig(level=logging.ERROR)  # the sender's retry warnings would drown the figures
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=2000)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"CPUs: {os.cpu_count()}; {args.dossiers:,} dossiers, fault rate {args.fault_rate:.0%}")
    with tempfile.TemporaryDirectory(prefix="motcua-soak-") as tmp:
        sys.exit(soak(args.dossiers, args.fault_rate, args.seed, Path(tmp)))


if __name__ == "__main__":
    main()
