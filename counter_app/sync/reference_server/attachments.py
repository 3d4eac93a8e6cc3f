"""Attachment upload by SHA-256: HEAD says how much arrived, PUT appends from an offset.

Bytes are written to disk as they arrive, so a connection cut mid-upload keeps what came
through and the next PUT resumes from there. When the announced length is reached the file's
hash is checked: a wrong file is thrown away, a right one is kept and the row marked complete.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

from counter_app.sync.reference_server.common import ApiError, limits_of, office_of, store_of
from counter_app.sync.reference_server.files import is_sha256
from counter_app.sync.reference_server.models import StoredAttachment
from counter_app.sync.reference_server.store import Store, utc_now_iso

router = APIRouter(prefix="/api/v1/attachments")


def _sha(sha: str) -> str:
    if not is_sha256(sha):
        raise ApiError(400, "bad_hash", "Mã SHA-256 phải gồm 64 chữ số hệ 16 viết thường.")
    return sha


def _header_int(request: Request, name: str) -> int:
    value = request.headers.get(name, "")
    if not value.isdigit():
        raise ApiError(400, "bad_header", f"Thiếu tiêu đề {name} (số nguyên không âm).")
    return int(value)


def _state(sha: str, store: Store) -> dict[str, str]:
    with store.reading() as session:
        row = session.get(StoredAttachment, sha)
    if row is None:
        return {}
    return {
        "Upload-Offset": str(row.length if row.complete else store.files.received(sha)),
        "Upload-Length": str(row.length),
        "Upload-Complete": "1" if row.complete else "0",
    }


@router.head("/{sha}")
def head(sha: str, request: Request) -> Response:
    """200 with Upload-Offset / Upload-Length / Upload-Complete, or 404 when nothing arrived."""
    office_of(request)
    headers = _state(_sha(sha), store_of(request))
    return Response(status_code=200 if headers else 404, headers=headers)


def _begin(store: Store, sha: str, office: str, length: int) -> bool:
    """Make sure the row exists with this length; True when the file is already complete."""
    with store.writing() as session:
        row = session.get(StoredAttachment, sha)
        if row is None:
            session.add(
                StoredAttachment(
                    sha256=sha,
                    office=office,
                    length=length,
                    complete=False,
                    created_at=utc_now_iso(),
                )
            )
            return False
        if row.complete:
            return True
        if row.length != length:
            raise ApiError(
                409,
                "length_mismatch",
                f"Tệp này đã được khai báo dài {row.length} byte.",
                headers={"Upload-Length": str(row.length)},
            )
        return False


def _finish(store: Store, sha: str) -> bool:
    """Verify the whole file; mark it complete, or forget it when the hash is wrong."""
    ok = store.files.finish(sha)
    with store.writing() as session:
        row = session.get(StoredAttachment, sha)
        if row is not None:
            if ok:
                row.complete = True
            else:
                session.delete(row)
    return ok


async def _drain(request: Request) -> None:
    async for _chunk in request.stream():
        pass


def _reply(status: int, sha: str, received: int, length: int) -> JSONResponse:
    done = received == length and status in (200, 201)
    body: dict[str, Any] = {"sha256": sha, "status": "complete" if done else "partial"}
    body["received"] = received
    headers = {"Upload-Offset": str(received), "Upload-Length": str(length)}
    return JSONResponse(body, status_code=status, headers=headers)


@router.put("/{sha}")
async def put(sha: str, request: Request) -> Response:
    """Append the body at Upload-Offset; 201 when the file is now whole and verified."""
    office = office_of(request)
    store = store_of(request)
    _sha(sha)
    if request.headers.get("content-encoding", "identity").lower() != "identity":
        raise ApiError(415, "unsupported_encoding", "Tệp đính kèm gửi nguyên dạng, không nén.")
    offset = _header_int(request, "Upload-Offset")
    length = _header_int(request, "Upload-Length")
    if length > limits_of(request).max_attachment_bytes:
        raise ApiError(413, "too_large", "Tệp đính kèm vượt quá dung lượng hệ thống tỉnh nhận.")
    locks: dict[str, asyncio.Lock] = request.app.state.upload_locks
    lock = locks.setdefault(sha, asyncio.Lock())  # one upload of a file at a time
    async with lock:
        if await run_in_threadpool(_begin, store, sha, office, length):
            await _drain(request)
            return _reply(200, sha, length, length)
        received = store.files.received(sha)
        if offset != received:
            raise ApiError(
                409,
                "offset_mismatch",
                f"Hệ thống tỉnh đã nhận {received} byte: gửi tiếp từ vị trí đó.",
                headers={"Upload-Offset": str(received), "Upload-Length": str(length)},
                received=received,
            )
        with store.files.open_append(sha) as f:
            try:
                async for chunk in request.stream():
                    if received + len(chunk) > length:
                        f.close()
                        store.files.truncate(sha, offset)
                        raise ApiError(422, "too_long", "Gửi nhiều byte hơn Upload-Length.")
                    f.write(chunk)
                    received += len(chunk)
            except ClientDisconnect:
                pass  # keep what arrived: the next PUT resumes from here
            finally:
                if not f.closed:
                    f.flush()
                    os.fsync(f.fileno())
        if received < length:
            return _reply(202, sha, received, length)
        if not await run_in_threadpool(_finish, store, sha):
            raise ApiError(
                422,
                "hash_mismatch",
                "Nội dung tệp không khớp mã SHA-256: tệp đã bị hủy, gửi lại từ đầu.",
            )
        return _reply(201, sha, received, length)
