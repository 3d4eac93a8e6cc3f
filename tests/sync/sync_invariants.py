"""What "everything reached the province exactly once" means, checked against a live server.

``check_sync(db, server, token)`` compares an office database with the reference server after
a drain and returns one ``Check`` per invariant (the crash tests assert them all; the soak
prints them as PASS/FAIL lines):

- the outbox is drained: no operation waiting, none set aside;
- every local dossier's latest snapshot equals, byte for byte, ``GET /api/v1/dossiers/{code}``,
  and the server's status is the local one;
- every operation is on the server exactly once: per dossier, the op_ids the server applied
  (its snapshots, and the ratings that name it) are exactly the office's, each once; the
  server holds no dossier the office does not;
- every rating is stored byte for byte as queued;
- every attachment cited is complete on the server and its bytes hash to its name;
- every upstream change is applied once locally (one 'upstream' event per change_id), every
  change of the server's feed is among them, and (when given) each was made by the operator.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from sqlalchemy import select

from counter_app.domain.sync_payload import attachment_hashes
from counter_app.sync.puller import UPSTREAM
from db.engine import Database
from db.models import Dossier, DossierEvent, SyncOutbox

_SHOWN = 5  # offending items named per failed check


class Province(Protocol):
    """What the checks need of the server (``provincial_helpers.ProvincialServer``)."""

    base_url: str
    operator_token: str


@dataclass(frozen=True)
class Check:
    """One invariant: its name, whether it holds, and what was wrong (a few examples)."""

    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        """``PASS name`` or ``FAIL name: detail``."""
        return f"PASS {self.name}" if self.ok else f"FAIL {self.name}: {self.detail}"


def _check(name: str, problems: list[str], total: int | None = None) -> Check:
    counted = f" ({total:,} checked)" if total is not None else ""
    if not problems:
        return Check(name + counted, True)
    more = f" … and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
    return Check(name + counted, False, "; ".join(problems[:_SHOWN]) + more)


@dataclass
class _Local:
    ops: list[SyncOutbox]
    status: dict[str, int]  # dossier code → local status
    upstream: list[tuple[str, str]]  # (dossier code, change_id) per upstream event


def _local(db: Database) -> _Local:
    with db.read() as session:
        ops = list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.id)))
        status = {
            code: st
            for code, st in session.execute(
                select(Dossier.code, Dossier.status).where(Dossier.code.is_not(None))
            )
        }
        events = session.execute(
            select(Dossier.code, DossierEvent.details)
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(DossierEvent.action == UPSTREAM)
        ).all()
    upstream = [(code, str((details or {}).get("change_id", ""))) for code, details in events]
    return _Local(ops, status, upstream)


def _feed(client: httpx.Client, token: str) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    after = 0
    while True:
        reply = client.get(
            "/api/v1/changes",
            params={"after": after, "limit": 1000},
            headers={"Authorization": f"Bearer {token}"},
        )
        reply.raise_for_status()
        page = reply.json()
        changes += page["changes"]
        after = page["last_seq"]
        if not page["more"]:
            return changes


def check_sync(
    db: Database,
    server: Province,
    token: str,
    *,
    upstream_made: Iterable[str] | None = None,
    timeout: float = 15.0,
) -> list[Check]:
    """Every invariant of a finished sync, as checks (see the module's docstring)."""
    local = _local(db)
    office = {"Authorization": f"Bearer {token}"}
    operator = {"X-Operator-Token": server.operator_token}
    checks: list[Check] = []
    with httpx.Client(base_url=server.base_url, timeout=timeout) as client:
        waiting = [
            f"{op.code or op.kind} seq {op.seq}: {op.state}"
            for op in local.ops
            if op.state != "done"
        ]
        checks.append(_check("outbox drained, nothing set aside", waiting, len(local.ops)))

        by_code: dict[str, list[SyncOutbox]] = {}
        rated: dict[str, list[str]] = {}  # a rating's op is listed under the dossier it rates
        for op in local.ops:
            if op.kind == "dossier":
                by_code.setdefault(op.code, []).append(op)
            elif op.kind == "rating" and (code := json.loads(op.payload).get("MaHoSo")):
                rated.setdefault(code, []).append(op.op_id)
        content, once = [], []
        for code, status in local.status.items():
            ops = sorted(by_code.get(code, []), key=lambda op: op.seq)
            if not ops:
                content.append(f"{code}: no operation queued")
                continue
            reply = client.get(f"/api/v1/dossiers/{code}", headers=office)
            if reply.status_code != 200:
                content.append(f"{code}: server answered {reply.status_code}")
                continue
            if reply.content != ops[-1].payload.encode("utf-8"):
                content.append(f"{code}: server holds other content than seq {ops[-1].seq}")
            if reply.headers.get("x-trangthaihoso") != str(status):
                got = reply.headers.get("x-trangthaihoso")
                content.append(f"{code}: status {got} on the server, {status} here")
            held = client.get(f"/_ops/dossiers/{code}", headers=operator).json()
            applied = Counter(o["op_id"] for o in held["ops"])
            twice = sorted(op_id for op_id, n in applied.items() if n > 1)
            ours = Counter([op.op_id for op in ops] + rated.get(code, []))
            if twice or applied != ours:
                missing = len(ours - applied)
                extra = len(applied - ours)
                once.append(f"{code}: {missing} ops missing, {extra} extra, twice {twice}")
            if held["last_seq"] != ops[-1].seq:
                once.append(f"{code}: last seq {held['last_seq']} there, {ops[-1].seq} here")
        total = len(local.status)
        checks.append(_check("every dossier on the server with identical content", content, total))
        stats = client.get("/_ops/stats", headers=operator).json()
        held_count = stats["rows"]["prov_dossier"]
        if held_count != total:
            once.append(f"the server holds {held_count} dossiers, the office {total}")
        checks.append(_check("every operation applied exactly once", once, len(local.ops)))

        ratings = []
        rating_ops = [op for op in local.ops if op.kind == "rating"]
        for op in rating_ops:
            key = json.loads(op.payload)["MaDanhGia"]
            reply = client.get(f"/_ops/ratings/{key}", headers=operator)
            if reply.status_code != 200 or reply.content != op.payload.encode("utf-8"):
                ratings.append(f"{key}: {reply.status_code}, content differs or missing")
        checks.append(_check("every rating stored as sent", ratings, len(rating_ops)))

        cited = sorted(
            {
                sha
                for op in local.ops
                if op.kind == "dossier"
                for sha in attachment_hashes(json.loads(op.payload))
            }
        )
        files = []
        for sha in cited:
            reply = client.get(f"/_ops/attachments/{sha}", headers=operator)
            if reply.status_code != 200:
                files.append(f"{sha[:12]}…: not complete on the server ({reply.status_code})")
            elif hashlib.sha256(reply.content).hexdigest() != sha:
                files.append(f"{sha[:12]}…: bytes do not hash to the name")
        checks.append(_check("every attachment complete, hashes match", files, len(cited)))

        applied_ids = Counter(change_id for _code, change_id in local.upstream)
        upstream = [f"{cid}: applied {n} times" for cid, n in applied_ids.items() if n != 1]
        feed = _feed(client, token)
        upstream += [
            f"{c['change_id']} ({c['MaHoSo']}): in the feed, never applied here"
            for c in feed
            if c["change_id"] not in applied_ids
        ]
        if upstream_made is not None:
            made = set(upstream_made)
            upstream += [f"{cid}: applied, never made" for cid in applied_ids if cid not in made]
        name = "every upstream change applied exactly once"
        checks.append(_check(name, upstream, len(applied_ids)))
    return checks


def assert_synced(db: Database, server: Province, token: str, **kwargs: Any) -> list[Check]:
    """``check_sync``, raising AssertionError with every failed check."""
    checks = check_sync(db, server, token, **kwargs)
    failed = [c.line() for c in checks if not c.ok]
    assert not failed, "\n".join(failed)
    return checks
