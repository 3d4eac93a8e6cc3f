"""The offices' API: server info, batches, one stored dossier, the changes feed, reconciliation."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from counter_app.domain.sync_payload import PROTOCOL_VERSION, agency_of, format_portal_time
from counter_app.sync.reference_server.apply import IdempotencyKeyReused, run_batch
from counter_app.sync.reference_server.batch_json import parse_batch
from counter_app.sync.reference_server.common import (
    ApiError,
    forbidden,
    limits_of,
    office_of,
    read_body,
    store_of,
)
from counter_app.sync.reference_server.files import is_sha256
from counter_app.sync.reference_server.models import (
    StoredAttachment,
    StoredDossier,
    StoredRating,
    UpstreamChange,
)

router = APIRouter(prefix="/api/v1")
_KEY = re.compile(r"[\x21-\x7e]{1,100}")
_JSON = "application/json"


def _unavailable() -> ApiError:
    return ApiError(503, "unavailable", "Hệ thống tỉnh tạm ngừng phục vụ, thử lại sau.")


@router.get("/info")
def info(request: Request) -> dict[str, Any]:
    """Who we are and what we accept; needs no token (also the health check)."""
    return {
        "protocol": PROTOCOL_VERSION,
        "epoch": store_of(request).epoch,
        "server_time": format_portal_time(request.app.state.faults.now()),
        "limits": limits_of(request).as_dict(),
    }


@router.post("/batch")
async def batch(request: Request) -> Response:
    """Apply a batch of operations; per-item results in the order of the items."""
    office = office_of(request)
    limits = limits_of(request)
    body = await read_body(request, limits.max_wire_bytes, limits.max_batch_bytes)
    try:
        _top, items = parse_batch(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "Dữ liệu phải là JSON mã hóa UTF-8.") from None
    except ValueError as exc:
        raise ApiError(400, "bad_json", f"Dữ liệu không phải JSON hợp lệ: {exc}") from None
    if items is None:
        raise ApiError(422, "malformed_batch", "Gói dữ liệu thiếu danh sách “items”.")
    if len(items) > limits.max_batch_items:
        raise ApiError(
            413,
            "too_large",
            f"Mỗi gói tối đa {limits.max_batch_items} thao tác: chia nhỏ rồi gửi lại.",
            limits=limits.as_dict(),
        )
    key = request.headers.get("idempotency-key")
    if key is not None and _KEY.fullmatch(key) is None:
        raise ApiError(400, "bad_idempotency_key", "Idempotency-Key: 1–100 ký tự ASCII in được.")
    try:
        reply, replayed = await run_in_threadpool(
            run_batch, store_of(request), office, key, body, items
        )
    except IdempotencyKeyReused:
        raise ApiError(
            422,
            "idempotency_key_reused",
            "Idempotency-Key này đã dùng cho một gói dữ liệu khác.",
        ) from None
    except SQLAlchemyError:
        raise _unavailable() from None
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return Response(reply.encode("utf-8"), media_type=_JSON, headers=headers)


@router.get("/dossiers/{ma_ho_so}")
def dossier(ma_ho_so: str, request: Request) -> Response:
    """The latest snapshot of a dossier, exactly as received."""
    office = office_of(request)
    if agency_of(ma_ho_so) != office:
        raise forbidden(f"Hồ sơ “{ma_ho_so}”", office)
    with store_of(request).reading() as session:
        stored = session.get(StoredDossier, ma_ho_so)
    if stored is None:
        raise ApiError(404, "not_found", f"Hệ thống tỉnh không có hồ sơ “{ma_ho_so}”.")
    return Response(
        stored.raw_json.encode("utf-8"),
        media_type=_JSON,
        headers={
            "X-Last-Seq": str(stored.last_seq),
            "X-Snapshot-Seq": str(stored.snapshot_seq),
            "X-Content-SHA256": stored.content_hash,
            "X-TrangThaiHoSo": str(stored.status),
        },
    )


@router.get("/changes")
def changes(request: Request, after: int = 0, limit: int = 500) -> dict[str, Any]:
    """Changes made upstream to this office's dossiers, after a server sequence number."""
    office = office_of(request)
    if after < 0 or not 1 <= limit <= limits_of(request).max_changes_page:
        raise ApiError(400, "bad_query", "after ≥ 0 và 1 ≤ limit ≤ giới hạn của máy chủ.")
    store = store_of(request)
    epoch, head = store.epoch, store.head_change_seq()
    with store.reading() as session:
        rows = session.scalars(
            select(UpstreamChange.raw_json)
            .where(UpstreamChange.office == office, UpstreamChange.seq > after)
            .order_by(UpstreamChange.seq)
            .limit(limit + 1)
        ).all()
    found = [json.loads(raw) for raw in rows[:limit]]
    return {
        "epoch": epoch,
        "head_seq": head,
        "changes": found,
        "last_seq": found[-1]["seq"] if found else after,
        "more": len(rows) > limit,
    }


def _entries(body: dict[str, Any], name: str, limit: int) -> list[Any]:
    value = body.get(name, [])
    if not isinstance(value, list):
        raise ApiError(422, "malformed", f"“{name}” phải là một danh sách.")
    if len(value) > limit:
        raise ApiError(413, "too_large", f"“{name}”: tối đa {limit} mục mỗi lần.")
    return value


@router.post("/reconcile")
async def reconcile(request: Request) -> dict[str, Any]:
    """Compare what the office holds with what the server holds; list what the server lacks."""
    office = office_of(request)
    limits = limits_of(request)
    raw = await read_body(request, limits.max_wire_bytes, limits.max_batch_bytes)
    try:
        body = json.loads(raw)
    except ValueError:
        raise ApiError(400, "bad_json", "Dữ liệu không phải JSON hợp lệ.") from None
    if not isinstance(body, dict):
        raise ApiError(422, "malformed", "Dữ liệu phải là một đối tượng JSON.")
    cap = limits.max_reconcile_entries
    dossiers = _entries(body, "dossiers", cap)
    ratings = _entries(body, "ratings", cap)
    shas = _entries(body, "attachments", cap)
    wanted: dict[str, tuple[int, str | None]] = {}
    for entry in dossiers:
        entry = entry if isinstance(entry, dict) else {}
        code, seq, digest = entry.get("MaHoSo"), entry.get("seq"), entry.get("hash")
        if (
            not isinstance(code, str)
            or not isinstance(seq, int)
            or not isinstance(digest, str | None)
        ):
            raise ApiError(422, "malformed", "Mỗi hồ sơ cần “MaHoSo”, “seq” và có thể “hash”.")
        if agency_of(code) != office:
            raise forbidden(f"Hồ sơ “{code}”", office)
        wanted[code] = (seq, digest)
    if not all(isinstance(k, str) and k.startswith(office + ":") for k in ratings):
        raise forbidden("Một đánh giá", office)
    if not all(isinstance(s, str) and is_sha256(s) for s in shas):
        raise ApiError(422, "malformed", "“attachments”: danh sách mã SHA-256.")
    return await run_in_threadpool(_compare, request, wanted, ratings, shas)


def _compare(
    request: Request, wanted: dict[str, tuple[int, str | None]], ratings: list[str], shas: list[str]
) -> dict[str, Any]:
    store = store_of(request)
    with store.reading() as session:
        held = {
            code: (seq, digest)
            for code, seq, digest in session.execute(
                select(
                    StoredDossier.ma_ho_so, StoredDossier.last_seq, StoredDossier.content_hash
                ).where(StoredDossier.ma_ho_so.in_(list(wanted)))
            )
        }
        have_ratings = set(
            session.scalars(
                select(StoredRating.ma_danh_gia).where(StoredRating.ma_danh_gia.in_(ratings))
            )
        )
        complete = set(
            session.scalars(
                select(StoredAttachment.sha256).where(
                    StoredAttachment.sha256.in_(shas), StoredAttachment.complete.is_(True)
                )
            )
        )
    missing = []
    for code, (seq, digest) in wanted.items():
        have_seq, have_hash = held.get(code, (0, None))
        if have_seq != seq or (digest is not None and digest != have_hash):
            missing.append({"MaHoSo": code, "have_seq": have_seq, "have_hash": have_hash})
    return {
        "epoch": store.epoch,
        "dossiers": missing,
        "ratings": [k for k in ratings if k not in have_ratings],
        "attachments": [
            {"sha256": s, "received": store.files.received(s)} for s in shas if s not in complete
        ],
    }
