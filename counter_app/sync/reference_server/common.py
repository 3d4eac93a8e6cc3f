"""What the routes share: limits, the JSON error answer, office authentication, body reading."""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from counter_app.sync.reference_server.store import Store


@dataclass(frozen=True)
class Limits:
    """Sizes the server accepts (announced by ``GET /api/v1/info``)."""

    max_batch_items: int = 500
    max_batch_bytes: int = 4 * 1024 * 1024  # after gzip decoding
    max_wire_bytes: int = 4 * 1024 * 1024  # as sent
    max_attachment_bytes: int = 50 * 1024 * 1024
    max_reconcile_entries: int = 1000
    max_changes_page: int = 1000

    def as_dict(self) -> dict[str, int]:
        """The limits as a JSON object."""
        return asdict(self)


class ApiError(Exception):
    """An answer other than 2xx: HTTP status, error code, Vietnamese message, extra headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def error_response(exc: ApiError) -> JSONResponse:
    """The JSON body ``{"error": code, "message": text, ...}`` with the error's status."""
    return JSONResponse(
        {"error": exc.code, "message": exc.message, **exc.extra},
        status_code=exc.status,
        headers=exc.headers,
    )


def store_of(request: Request) -> Store:
    """The Store of the app serving this request."""
    store: Store = request.app.state.store
    return store


def limits_of(request: Request) -> Limits:
    """The Limits of the app serving this request."""
    limits: Limits = request.app.state.limits
    return limits


def office_of(request: Request) -> str:
    """The office the bearer token belongs to; ApiError 401 when absent, unknown or revoked."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    office = (
        store_of(request).office_for_token(token.strip()) if scheme.lower() == "bearer" else None
    )
    if office is None:
        raise ApiError(
            401,
            "unauthorized",
            "Thiếu mã truy cập của đơn vị, hoặc mã đã bị thu hồi: đề nghị tỉnh cấp mã mới.",
            headers={"WWW-Authenticate": 'Bearer realm="provincial-sync"'},
        )
    return office


def forbidden(what: str, office: str) -> ApiError:
    """403: the resource belongs to another office."""
    return ApiError(403, "wrong_office", f"{what} không thuộc đơn vị {office}.")


async def read_body(request: Request, wire_limit: int, decoded_limit: int) -> bytes:
    """The request body, gzip-decoded if so encoded; ApiError 413/415/400 when it can't be."""
    too_large = ApiError(
        413,
        "too_large",
        "Gói dữ liệu vượt quá giới hạn của hệ thống tỉnh: chia nhỏ rồi gửi lại.",
        limits=limits_of(request).as_dict(),
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > wire_limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > wire_limit:
            raise too_large
        chunks.append(chunk)
    raw = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding == "identity":
        body = raw
    elif encoding == "gzip":
        inflater = zlib.decompressobj(wbits=31)
        try:
            body = inflater.decompress(raw, decoded_limit + 1)
        except zlib.error:
            raise ApiError(400, "bad_gzip", "Dữ liệu nén gzip bị hỏng.") from None
        if not inflater.eof and not inflater.unconsumed_tail:
            raise ApiError(400, "bad_gzip", "Dữ liệu nén gzip bị cắt cụt.")
    else:
        raise ApiError(415, "unsupported_encoding", f"Không hỗ trợ Content-Encoding “{encoding}”.")
    if len(body) > decoded_limit:
        raise too_large
    return body
