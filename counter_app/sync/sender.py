"""The sender: drains the outbox to the province in batches, pulls changes, never loses one.

One run (`run_once`) claims the sender lease, uploads the files the waiting operations cite,
pushes the operations in batches and records each item's result, then pulls what changed
upstream. A failure with an unknown outcome leaves the operations waiting: they go again
with the same op_ids (and, for the same batch, the same Idempotency-Key), which the province
answers as duplicates. Ordering comes from outbox ids and per-dossier seq, never a clock.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from counter_app.clock import Clock
from counter_app.domain.backoff import backoff_seconds
from counter_app.domain.sync_payload import attachment_hashes
from counter_app.services.attachment_store import AttachmentStore
from counter_app.services.crash_points import CRASH_ENV as CRASH_ENV  # the tests' name
from counter_app.services.crash_points import crash_point as crash_point
from counter_app.settings import SyncSettings
from counter_app.sync import lease, state
from counter_app.sync.provincial import (
    AuthRejected,
    ItemResult,
    ProvincialAdapter,
    RequestRefused,
    SyncUnavailable,
    upload_file,
)
from counter_app.sync.puller import pull_changes
from counter_app.sync.reconcile import reconcile
from db.engine import Database
from db.models import SyncFile, SyncOutbox

log = logging.getLogger(__name__)

LEASE_TTL = timedelta(minutes=2)
READY_STATES = ("pending", "sending")


@dataclass
class SyncReport:
    """What one run did."""

    sent: int = 0
    duplicates: int = 0
    set_aside: int = 0
    retry_later: int = 0
    files: int = 0
    pulled: int = 0
    reconciled: bool = False
    not_holder: bool = False
    paused: bool = False
    waiting_until: datetime | None = None
    error: str = ""


class SyncSender:
    """Sends this office's outbox to the province through one adapter."""

    def __init__(
        self,
        db: Database,
        adapter: ProvincialAdapter,
        files: AttachmentStore,
        settings: SyncSettings,
        clock: Clock,
        holder: str,
        crash: Callable[[str], None] = crash_point,
    ) -> None:
        self.db, self.adapter, self.files = db, adapter, files
        self.settings, self.clock, self.holder, self.crash = settings, clock, holder, crash
        self.batch_items = settings.batch_items
        self._last_pull: datetime | None = None

    def run_once(self, now_please: bool = False) -> SyncReport:
        """One round of sending and pulling; `now_please` skips the backoff wait ("Gửi ngay")."""
        report = SyncReport()
        now = self.clock()
        with self.db.read() as session:
            if state.get(session, state.PAUSED):
                report.paused = True
                return report
            next_attempt = state.get_time(session, state.NEXT_ATTEMPT)
            asked = state.get_time(session, state.RETRY_AFTER)
        # "Gửi ngay" skips our own backoff, never a wait the province asked for (429).
        if next_attempt and next_attempt > now and (not now_please or (asked and asked > now)):
            report.waiting_until = next_attempt
            return report
        if not lease.claim(self.db, self.holder, self.clock, LEASE_TTL):
            report.not_holder = True
            return report
        try:
            self.adapter.server_info()  # the epoch and clock first; a captive portal fails here
            self._check_epoch(report)
            self._push_all(report)
            due = self._last_pull is None or now - self._last_pull >= timedelta(
                seconds=self.settings.pull_seconds
            )
            if due or now_please:
                report.pulled = pull_changes(self.db, self.adapter, self.clock, self.crash)
                self._last_pull = now
                self._check_epoch(report)
        except AuthRejected as exc:
            log.error("province refused the token: %s", exc)
            report.paused, report.error = True, str(exc)
            self._failed(str(exc), pause=True)
        except SyncUnavailable as exc:
            log.warning("province unreachable: %s", exc)
            report.error = str(exc)
            report.waiting_until = self._failed(str(exc), retry_after=exc.retry_after)
        else:
            self._succeeded()
        return report

    # --- pushing ----------------------------------------------------------------------------

    def _ready(self, limit: int) -> list[SyncOutbox]:
        now = self.clock()
        with self.db.read() as session:
            query = (
                select(SyncOutbox)
                .where(
                    SyncOutbox.state.in_(READY_STATES),
                    or_(SyncOutbox.next_attempt_at.is_(None), SyncOutbox.next_attempt_at <= now),
                )
                .order_by(SyncOutbox.id)
                .limit(limit)
            )
            return list(session.scalars(query))

    def _push_all(self, report: SyncReport) -> None:
        seen: set[int] = set()
        while True:
            ops = [op for op in self._ready(self.batch_items) if op.id not in seen]
            if not ops:
                return
            batch = _cut_by_bytes(ops, self.settings.batch_kb * 1024)
            seen.update(op.id for op in batch)
            batch = self._upload_files(batch, report)
            if batch:
                self._push(batch, report)

    def _upload_files(self, ops: list[SyncOutbox], report: SyncReport) -> list[SyncOutbox]:
        """Upload what the dossiers cite; an op whose file is gone from this PC is set aside."""
        with self.db.read() as session:
            held = set(session.scalars(select(SyncFile.sha256)))
        ready: list[SyncOutbox] = []
        for op in ops:
            missing, refusal = "", ""
            for sha in attachment_hashes(json.loads(op.payload)) if op.kind == "dossier" else []:
                if sha in held:
                    continue
                try:
                    path = self.files.open_path(sha)
                except (OSError, LookupError) as exc:
                    log.error("file %s of %s missing here: %s", sha, op.code, exc)
                    missing = sha
                    break
                self.crash("before_upload")
                try:
                    upload_file(self.adapter, sha, path)
                except RequestRefused as exc:
                    log.error("file %s of %s refused by the province: %s", sha, op.code, exc)
                    missing = sha
                    refusal = exc.message
                    break
                self.crash("after_upload")
                with self.db.write() as session:
                    if session.get(SyncFile, sha) is None:
                        session.add(SyncFile(sha256=sha, uploaded_at=self.clock()))
                held.add(sha)
                report.files += 1
            if missing:
                reason = refusal or f"Không tìm thấy tệp đính kèm {missing[:12]}… trên máy này."
                self._set_aside([op.id], reason, report)
            else:
                ready.append(op)
        return ready

    def _push(self, ops: Sequence[SyncOutbox], report: SyncReport) -> None:
        with self.db.write() as session:
            session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.id.in_([op.id for op in ops]))
                .values(state="sending")
            )
        body = batch_body(ops)
        key = hashlib.sha256(body).hexdigest()[:40]  # the same batch resent: the same key
        self.crash("before_push")
        try:
            reply = self.adapter.push(body, key)
        except RequestRefused as exc:
            self._refused(list(ops), exc, report)
            return
        self.crash("after_server_commit")
        self._record(ops, reply.results, report)

    def _refused(self, ops: list[SyncOutbox], exc: RequestRefused, report: SyncReport) -> None:
        """A whole batch refused: smaller batches, down to the one item that is at fault."""
        if exc.status == 413 and len(ops) > 1:
            self.batch_items = max(1, len(ops) // 2)
        if len(ops) == 1:
            log.error("op %s of %s refused: %s", ops[0].op_id, ops[0].code, exc)
            self._set_aside([ops[0].id], exc.message, report)
            return
        half = len(ops) // 2
        for part in (ops[:half], ops[half:]):
            self._push(part, report)

    def _record(
        self, ops: Sequence[SyncOutbox], results: Sequence[ItemResult], report: SyncReport
    ) -> None:
        now = self.clock()
        by_op = {op.op_id: op for op in ops}
        with self.db.write() as session:
            for result in results:
                op = by_op.get(result.op_id)
                if op is None:
                    continue
                row = session.get(SyncOutbox, op.id)
                assert row is not None
                if result.status in ("accepted", "duplicate"):
                    row.state, row.sent_at, row.last_error = "done", now, ""
                    report.sent += result.status == "accepted"
                    report.duplicates += result.status == "duplicate"
                elif result.retryable:
                    row.state, row.attempts = "pending", row.attempts + 1
                    wait = backoff_seconds(row.attempts, cap=self.settings.max_backoff_seconds)
                    row.next_attempt_at = now + timedelta(seconds=wait)
                    row.last_error = result.message
                    report.retry_later += 1
                else:
                    row.state, row.last_error = "rejected", result.message or result.code
                    report.set_aside += 1
                    log.error("op %s of %s rejected: %s", row.op_id, row.code, result.code)

    def _set_aside(self, ids: list[int], message: str, report: SyncReport) -> None:
        with self.db.write() as session:
            session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.id.in_(ids))
                .values(state="rejected", last_error=message)
            )
        report.set_aside += len(ids)

    # --- bookkeeping ------------------------------------------------------------------------

    def _check_epoch(self, report: SyncReport) -> None:
        epoch = self.adapter.last_epoch
        if not epoch:
            return
        with self.db.read() as session:
            known = state.get(session, state.EPOCH)
        if known == epoch:
            return
        if known:
            log.warning("province epoch changed %s → %s: reconciling", known, epoch)
            reconcile(self.db, self.adapter, self.clock)
            report.reconciled = True
        # What reconciling queued is in the outbox already: the new epoch can be kept now, so
        # a failure while pushing does not make the next round reconcile again.
        with self.db.write() as session:
            state.put(session, state.EPOCH, epoch)
        if known:
            self._push_all(report)

    def _succeeded(self) -> None:
        now = self.clock()
        server_time = self.adapter.last_server_time
        with self.db.write() as session:
            state.put_time(session, state.LAST_SUCCESS, now)
            state.put(session, state.FAILURES, "0")
            state.put_time(session, state.NEXT_ATTEMPT, None)
            state.put_time(session, state.RETRY_AFTER, None)
            if server_time is not None:
                skew = int((server_time - now).total_seconds())
                state.put(session, state.SKEW, str(skew))

    def _failed(
        self, message: str, retry_after: float | None = None, pause: bool = False
    ) -> datetime | None:
        now = self.clock()
        with self.db.write() as session:
            failures = state.get_int(session, state.FAILURES) + 1
            state.put(session, state.FAILURES, str(failures))
            state.put(session, state.LAST_ERROR, message)
            state.put_time(session, state.LAST_ERROR_AT, now)
            if pause:
                state.put(session, state.PAUSED, "token")
                return None
            wait = backoff_seconds(
                failures, cap=self.settings.max_backoff_seconds, retry_after=retry_after
            )
            at = now + timedelta(seconds=wait)
            state.put_time(session, state.NEXT_ATTEMPT, at)
            asked = now + timedelta(seconds=retry_after) if retry_after else None
            state.put_time(session, state.RETRY_AFTER, asked)
            return at

    def stop(self) -> None:
        """Give the lease back so another station can send at once."""
        lease.release(self.db, self.holder)


def batch_body(ops: Sequence[SyncOutbox]) -> bytes:
    """The batch's JSON with each payload inserted as stored (byte for byte)."""
    items = []
    for op in ops:
        head = {"op_id": op.op_id, "kind": op.kind}
        if op.kind != "rating":
            head |= {"MaHoSo": op.code, "seq": op.seq}
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
        items.append(text[:-1] + ',"data":' + op.payload + "}")
    return ('{"items":[' + ",".join(items) + "]}").encode("utf-8")


def _cut_by_bytes(ops: list[SyncOutbox], limit: int) -> list[SyncOutbox]:
    size, batch = 0, []
    for op in ops:
        size += len(op.payload.encode("utf-8")) + 120
        if batch and size > limit:
            break
        batch.append(op)
    return batch
