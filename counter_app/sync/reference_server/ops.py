"""The operator's endpoints under /_ops/: tokens, faults, upstream moves, snapshots, inspection.

Guarded by the operator token given at start (header ``X-Operator-Token``); without one the
whole /_ops/ tree answers 403. Not part of the protocol offices speak.
"""

from __future__ import annotations

import json
import secrets
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import func, select

from counter_app.domain.agency_code import agency_code_problems
from counter_app.domain.sync_payload import format_portal_time
from counter_app.sync.reference_server.common import ApiError, store_of
from counter_app.sync.reference_server.faults import Faults
from counter_app.sync.reference_server.models import (
    SNAPSHOT_TABLES,
    AppliedOp,
    StoredDossier,
    StoredRating,
    UpstreamChange,
)
from counter_app.sync.reference_server.snapshots import restore_snapshot, take_snapshot
from counter_app.sync.reference_server.store import Store, utc_now_iso

#: Operator shortcuts for the usual upstream moves.
ACTIONS = {
    "processing": 4,
    "supplement": 5,
    "financial": 6,
    "stopped": 8,
    "done": 9,
    "returned": 10,
}


def _operator(request: Request) -> None:
    expected: str | None = request.app.state.operator_token
    given = request.headers.get("x-operator-token", "")
    if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "not_operator", "Cần mã của người vận hành (X-Operator-Token).")


router = APIRouter(prefix="/_ops", dependencies=[Depends(_operator)])


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise ApiError(400, "bad_json", "Dữ liệu không phải JSON hợp lệ.") from None
    if not isinstance(body, dict):
        raise ApiError(422, "malformed", "Dữ liệu phải là một đối tượng JSON.")
    return body


def _faults(request: Request) -> Faults:
    faults: Faults = request.app.state.faults
    return faults


@router.get("/faults")
def get_faults(request: Request) -> dict[str, Any]:
    """The faults switched on now."""
    return _faults(request).as_dict()


@router.put("/faults")
async def set_faults(request: Request) -> dict[str, Any]:
    """Switch faults on (only the fields given change)."""
    try:
        _faults(request).update(await _json(request))
    except ValueError as exc:
        raise ApiError(422, "bad_fault", str(exc)) from None
    return _faults(request).as_dict()


@router.delete("/faults")
def clear_faults(request: Request) -> dict[str, Any]:
    """Switch every fault off."""
    _faults(request).clear()
    return _faults(request).as_dict()


@router.post("/offices")
async def issue_token(request: Request) -> dict[str, str]:
    """Issue a token to an office: {"office": code, "token"?: chosen} → the token (shown once)."""
    body = await _json(request)
    office, token = body.get("office"), body.get("token")
    if not isinstance(office, str) or agency_code_problems(office):
        raise ApiError(422, "bad_office", " ".join(agency_code_problems(str(office or ""))))
    if token is not None and (not isinstance(token, str) or len(token) < 16):
        raise ApiError(422, "bad_token", "Mã truy cập tự chọn cần ít nhất 16 ký tự.")
    try:
        return {"office": office, "token": store_of(request).issue_token(office, token)}
    except ValueError as exc:
        raise ApiError(409, "token_taken", str(exc)) from None


@router.post("/offices/{office}/revoke")
def revoke(office: str, request: Request) -> dict[str, int]:
    """Revoke every token of an office."""
    return {"revoked": store_of(request).revoke_tokens(office)}


@router.post("/dossiers/{ma_ho_so}/move")
async def move(ma_ho_so: str, request: Request) -> dict[str, Any]:
    """Change a dossier's status upstream; the office gets it from GET /api/v1/changes."""
    body = await _json(request)
    status = ACTIONS.get(str(body.pop("action", "")), body.get("TrangThaiHoSo"))
    if not isinstance(status, int) or not 1 <= status <= 10:
        raise ApiError(422, "bad_status", f"action ∈ {sorted(ACTIONS)} hoặc TrangThaiHoSo 1–10.")
    store = store_of(request)
    change: dict[str, Any] = {
        "MaHoSo": ma_ho_so,
        "TrangThaiHoSo": status,
        "ThoiDiemXuLy": format_portal_time(_faults(request).now()),
        "NguoiXuLy": body.get("NguoiXuLy", "Cán bộ xử lý cấp tỉnh"),
    }
    for key in ("ChucDanh", "PhongBanXuLy", "NoiDungXuLy", "NgayHenTra", "NgayTra"):
        if isinstance(body.get(key), str):
            change[key] = body[key]
    return await run_in_threadpool(_record_move, store, ma_ho_so, change)


def _record_move(store: Store, ma_ho_so: str, change: dict[str, Any]) -> dict[str, Any]:
    with store.writing() as session:
        stored = session.get(StoredDossier, ma_ho_so)
        if stored is None:
            raise ApiError(404, "not_found", f"Không có hồ sơ “{ma_ho_so}”.")
        seq = store.next_change_seq(session)
        change = {"seq": seq, "change_id": str(uuid.uuid4()), **change}
        stored.status, stored.updated_at = change["TrangThaiHoSo"], utc_now_iso()
        session.add(
            UpstreamChange(
                seq=seq,
                change_id=change["change_id"],
                office=stored.office,
                ma_ho_so=ma_ho_so,
                raw_json=json.dumps(change, ensure_ascii=False, separators=(",", ":")),
                created_at=utc_now_iso(),
            )
        )
    return change


@router.get("/dossiers/{ma_ho_so}")
def inspect_dossier(ma_ho_so: str, request: Request) -> dict[str, Any]:
    """Everything held about one dossier: where it stands, its snapshot, the ops applied."""
    with store_of(request).reading() as session:
        stored = session.get(StoredDossier, ma_ho_so)
        if stored is None:
            raise ApiError(404, "not_found", f"Không có hồ sơ “{ma_ho_so}”.")
        ops = session.execute(
            select(AppliedOp.op_id, AppliedOp.kind, AppliedOp.seq, AppliedOp.received_at)
            .where(AppliedOp.ma_ho_so == ma_ho_so)
            .order_by(AppliedOp.seq)
        ).all()
    return {
        "MaHoSo": stored.ma_ho_so,
        "office": stored.office,
        "last_seq": stored.last_seq,
        "snapshot_seq": stored.snapshot_seq,
        "status": stored.status,
        "content_hash": stored.content_hash,
        "data": json.loads(stored.raw_json),
        "ops": [{"op_id": o, "kind": k, "seq": s, "received_at": t} for o, k, s, t in ops],
    }


@router.get("/ratings/{ma_danh_gia}")
def inspect_rating(ma_danh_gia: str, request: Request) -> Response:
    """A stored rating, exactly as received."""
    with store_of(request).reading() as session:
        stored = session.get(StoredRating, ma_danh_gia)
    if stored is None:
        raise ApiError(404, "not_found", f"Không có đánh giá “{ma_danh_gia}”.")
    return Response(stored.raw_json.encode(), media_type="application/json")


@router.get("/attachments/{sha}")
def attachment(sha: str, request: Request) -> Response:
    """A verified attachment's bytes."""
    files = store_of(request).files
    if not files.is_complete(sha):
        raise ApiError(404, "not_found", "Không có tệp này.")
    return FileResponse(files.final_path(sha), media_type="application/octet-stream")


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """Row counts per table, the epoch and the change counter."""
    store = store_of(request)
    with store.reading() as session:
        counts = {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
            for m in SNAPSHOT_TABLES
        }
    return {"epoch": store.epoch, "head_seq": store.head_change_seq(), "rows": counts}


@router.post("/snapshots")
def snapshot(request: Request) -> dict[str, Any]:
    """Take a snapshot of the data."""
    return {"snapshot_id": take_snapshot(store_of(request)), "taken_at": utc_now_iso()}


@router.post("/snapshots/{snapshot_id}/restore")
def restore(snapshot_id: int, request: Request) -> dict[str, str]:
    """Put a snapshot back: later data is lost and the epoch changes."""
    try:
        return {"epoch": restore_snapshot(store_of(request), snapshot_id)}
    except KeyError:
        raise ApiError(404, "not_found", f"Không có bản chụp {snapshot_id}.") from None
