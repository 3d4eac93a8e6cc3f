"""The office's side of the provincial sync, as one interface (no HTTP here).

The sender, the outbox and the puller talk to "the province" only through
``ProvincialAdapter``, so a province's own system (each vendor differs) becomes another
adapter with nothing changed in intake. What an adapter reports:

- an answer of the protocol (``PushReply``, ``AttachmentState``, ``ChangesPage``, …);
- ``SyncUnavailable`` (``RateLimited``): no connection, or the outcome is unknown; resend the
  same request later, which is always safe;
- ``AuthRejected``: the token is missing, unknown or revoked; stop until the admin enters one;
- ``RequestRefused``: the request itself was refused for good; set it aside.

``upload_file`` is the office procedure for one attachment (docs/sync-protocol.md, section 6).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

#: A server clock further than this from ours is shown to the supervisor as a warning.
SKEW_WARNING = timedelta(minutes=5)

# What a person reads about the sync client's failures, in one place for review.
UNAVAILABLE = "Chưa kết nối được hệ thống tỉnh; dữ liệu vẫn được giữ và sẽ tự gửi lại sau."
NOT_PROTOCOL = (
    "Nhận được câu trả lời không phải của hệ thống tỉnh (có thể mạng Wi-Fi đang đòi đăng nhập, "
    "hoặc dữ liệu bị cắt giữa chừng); sẽ tự gửi lại sau."
)
TIMED_OUT = "Hệ thống tỉnh không trả lời kịp; sẽ tự gửi lại sau."
CONNECTION_CUT = "Kết nối tới hệ thống tỉnh bị lỗi hoặc bị ngắt giữa chừng; sẽ tự gửi lại sau."
REFUSED = "Hệ thống tỉnh từ chối yêu cầu này."
AUTH_REJECTED = (
    "Hệ thống tỉnh không chấp nhận mã truy cập của đơn vị (thiếu, sai hoặc đã bị thu hồi). "
    "Đề nghị quản trị viên nhập mã truy cập mới do tỉnh cấp; dữ liệu chưa gửi vẫn được giữ nguyên."
)


class SyncUnavailable(Exception):
    """No connection, or the outcome is unknown: resend the same request later."""

    def __init__(self, message: str = UNAVAILABLE, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after

    def __str__(self) -> str:
        return self.message


class RateLimited(SyncUnavailable):
    """429: the province asks us to wait at least ``retry_after`` seconds before resending."""

    def __init__(self, retry_after: float | None = None) -> None:
        wait = f" sau {retry_after:g} giây" if retry_after is not None else " sau"
        super().__init__(f"Hệ thống tỉnh đề nghị gửi chậm lại: sẽ tự gửi lại{wait}.", retry_after)


class AuthRejected(Exception):
    """401: the token is missing, unknown or revoked; the admin must enter a new one."""

    def __init__(self, server_message: str = "") -> None:
        super().__init__(AUTH_REJECTED)
        self.message = AUTH_REJECTED
        self.server_message = server_message

    def __str__(self) -> str:
        return self.message


class RequestRefused(Exception):
    """The whole request was refused for good (400/403/413/415/422): set it aside."""

    def __init__(
        self, status: int, code: str, message: str, limits: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.limits = limits

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ItemResult:
    """The province's answer to one batch item (section 5.4)."""

    op_id: str
    status: str  # accepted | duplicate | rejected
    code: str = ""
    message: str = ""
    retryable: bool = False
    superseded: bool = False


@dataclass(frozen=True)
class PushReply:
    """Per-item results of a batch, in the order of the items, and who answered."""

    results: tuple[ItemResult, ...]
    epoch: str
    server_time: datetime | None
    replayed: bool


@dataclass(frozen=True)
class ServerInfo:
    """``GET /api/v1/info``: the epoch, the server's clock (Vietnam time) and its limits."""

    epoch: str
    server_time: datetime
    limits: dict[str, Any]


@dataclass(frozen=True)
class AttachmentState:
    """What the province holds of one file: bytes received, announced length, verified."""

    received: int
    length: int | None
    complete: bool


@dataclass(frozen=True)
class ChangesPage:
    """One page of upstream changes to this office's dossiers (section 9)."""

    epoch: str
    head_seq: int
    changes: tuple[dict[str, Any], ...]
    last_seq: int
    more: bool


@dataclass(frozen=True)
class MissingDossier:
    """A dossier the province holds at another seq or hash than the office (section 10)."""

    code: str
    have_seq: int
    have_hash: str | None


@dataclass(frozen=True)
class MissingAttachment:
    """A file the province does not hold complete, and how many bytes of it it has."""

    sha256: str
    received: int


@dataclass(frozen=True)
class ReconcileReply:
    """What the province lacks of what the office asked about."""

    epoch: str
    dossiers: tuple[MissingDossier, ...]
    ratings: tuple[str, ...]
    attachments: tuple[MissingAttachment, ...]


class ProvincialAdapter(Protocol):
    """How the office talks to the province; every call may raise the exceptions above."""

    def server_info(self) -> ServerInfo:
        """The server's epoch, clock and limits."""
        ...

    def push(self, body: bytes, idempotency_key: str) -> PushReply:
        """Send an uncompressed compact JSON batch ``{"items":[…]}``; results in item order."""
        ...

    def attachment_state(self, sha256: str) -> AttachmentState:
        """How much of a file the province holds (0 bytes and no length when nothing)."""
        ...

    def upload(self, sha256: str, offset: int, length: int, chunk: bytes) -> AttachmentState:
        """Send bytes of a file from ``offset``; the state says where to go on from.

        An upload out of step (offset mismatch) is not an error: the state returned gives the
        province's offset.
        """
        ...

    def pull_changes(self, after: int, limit: int = 500) -> ChangesPage:
        """Upstream changes with a server seq greater than ``after``, oldest first."""
        ...

    def reconcile(
        self,
        dossiers: list[tuple[str, int, str | None]],
        ratings: list[str],
        attachments: list[str],
    ) -> ReconcileReply:
        """Ask what the province lacks: dossiers as (MaHoSo, seq, snapshot hash or None).

        At most 1,000 entries per list: the caller sends pages.
        """
        ...

    @property
    def last_epoch(self) -> str | None:
        """The epoch of the last answer that came from the province itself."""
        ...

    @property
    def last_server_time(self) -> datetime | None:
        """The province's clock on its last answer (Vietnam time)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


def upload_file(
    adapter: ProvincialAdapter, sha256: str, path: str | Path, chunk_size: int = 256 * 1024
) -> AttachmentState:
    """Upload one file named by its SHA-256, resuming from what the province already holds.

    HEAD, then PUT from the province's offset chunk by chunk (read from disk, never the whole
    file in memory). A ``hash_mismatch`` makes the province drop the file: start again from 0
    once, then raise. A cut connection raises ``SyncUnavailable``; calling again resumes.
    """
    length = os.path.getsize(path)
    restarted = False
    stalls = 0
    state = adapter.attachment_state(sha256)
    with open(path, "rb") as source:
        while not state.complete:
            offset = state.received
            source.seek(offset)
            chunk = source.read(chunk_size)
            try:
                state = adapter.upload(sha256, offset, length, chunk)
            except RequestRefused as exc:
                if exc.code != "hash_mismatch" or restarted:
                    raise
                restarted = True
                state = AttachmentState(0, length, False)
                continue
            # An answer that moves nothing forward again and again would loop for ever.
            stalls = stalls + 1 if not state.complete and state.received == offset else 0
            if stalls > 3:
                raise SyncUnavailable()
    return state


def clock_skew(server_time: datetime, local_now: datetime) -> timedelta:
    """How far the province's clock is ahead of ours (negative when behind)."""
    return server_time - local_now


def skew_warning(server_time: datetime | None, local_now: datetime) -> str | None:
    """A Vietnamese warning for the supervisor when the clocks differ by more than 5 minutes."""
    if server_time is None:
        return None
    skew = clock_skew(server_time, local_now)
    if abs(skew) <= SKEW_WARNING:
        return None
    minutes = round(abs(skew).total_seconds() / 60)
    side = "chậm" if skew > timedelta(0) else "nhanh"
    return (
        f"Đồng hồ máy này {side} khoảng {minutes} phút so với hệ thống tỉnh. "
        "Đề nghị chỉnh lại giờ máy: ngày giờ tiếp nhận và hẹn trả là thời điểm có giá trị pháp lý."
    )
