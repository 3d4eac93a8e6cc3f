"""The provincial sync over HTTP (docs/sync-protocol.md), as a ``ProvincialAdapter``.

Only a JSON answer with the server's headers and the expected members is the province's word;
anything else (a captive portal, a body cut short, a proxy's page) is ``SyncUnavailable``.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import math
import re
import time
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar, cast

import httpx

from counter_app.domain.sync_payload import compact_json, parse_portal_time
from counter_app.domain.text import normalize
from counter_app.sync.provincial import (
    CONNECTION_CUT,
    NOT_PROTOCOL,
    REFUSED,
    TIMED_OUT,
    AttachmentState,
    AuthRejected,
    ChangesPage,
    ItemResult,
    MissingAttachment,
    MissingDossier,
    PushReply,
    RateLimited,
    ReconcileReply,
    RequestRefused,
    ServerInfo,
    SyncUnavailable,
)

_T = TypeVar("_T")
_EPOCH = "x-server-epoch"  # on every answer of the province, never on a captive portal's
_JSON = "application/json"
_GZIP_JSON = {"Content-Type": _JSON, "Content-Encoding": "gzip"}
_COUNT = re.compile(r"[0-9]{1,15}")  # a count or seconds in a header (isdigit() takes "²")
#: The longest wait a Retry-After can ask for; beyond it a date in 9999 would overflow timers.
MAX_RETRY_AFTER = 24 * 3600.0
_MAX_INT = 2**63 - 1  # what a database column holds
_MAX_MESSAGE = 500


def _ensure(ok: bool) -> None:
    """Anything but the protocol's answer means "no connection", never success."""
    if not ok:
        raise SyncUnavailable(NOT_PROTOCOL)


def _is_key(value: object) -> bool:
    """An identifier as the protocol sends them: text with no control or invisible character."""
    return isinstance(value, str) and value.isprintable()


def _field(obj: dict[str, Any], key: str, kind: type[_T]) -> _T:
    """``obj[key]`` when it has this type (a bool is not an int here).

    Numbers are counts and sequence numbers (0 up to what a database holds); strings are
    identifiers, so nothing a query or a stored row could choke on gets through.
    """
    value = obj.get(key)
    _ensure(isinstance(value, kind) and not (kind is int and isinstance(value, bool)))
    _ensure(not isinstance(value, int) or isinstance(value, bool) or 0 <= value <= _MAX_INT)
    _ensure(not isinstance(value, str) or value.isprintable())
    return cast(_T, value)


def _message(value: object) -> str:
    """Text of the province shown to a person or stored: clean and of a sensible length."""
    return normalize(str(value))[:_MAX_MESSAGE] if value is not None else ""


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (sent as seconds or as an HTTP date), at most a day, or None."""
    seconds = None
    with contextlib.suppress(TypeError, ValueError, OverflowError, IndexError):
        if value is not None and _COUNT.fullmatch(value.strip()):
            seconds = float(value)
        else:
            at = parsedate_to_datetime(value)  # type: ignore[arg-type]
            seconds = at.timestamp() - time.time()
    if seconds is None or not math.isfinite(seconds):
        return None
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


def _count(value: str) -> int | None:
    """A byte count sent in a header, or None when it is not one."""
    return int(value) if _COUNT.fullmatch(value) else None


def _body(response: httpx.Response) -> Any:
    """The parsed JSON body, or None when the answer is not (valid) JSON."""
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    # RecursionError: "[[[[…" nested deeper than the parser's stack.
    with contextlib.suppress(ValueError, RecursionError):
        return json.loads(response.content) if media == _JSON else None
    return None


def _json(response: httpx.Response) -> dict[str, Any]:
    """The body of a success answer, when it is the province's JSON object."""
    body = _body(response) if _EPOCH in response.headers else None
    _ensure(isinstance(body, dict))
    return cast(dict[str, Any], body)


def _error_body(response: httpx.Response) -> dict[str, Any] | None:
    """The protocol's ``{"error": …, "message": …}`` body, when that is what came back."""
    body = _body(response)
    return body if isinstance(body, dict) and isinstance(body.get("error"), str) else None


def _failure(response: httpx.Response) -> Exception:
    """The exception an unexpected answer means (the table of section 4)."""
    status = response.status_code
    retry_after = _retry_after(response.headers.get("retry-after"))
    error = _error_body(response)
    if status == 401:
        return AuthRejected(_message((error or {}).get("message")))
    if status == 429:
        return RateLimited(retry_after)
    if status < 400 or status >= 500:
        return SyncUnavailable(retry_after=retry_after)
    # A proxy's own error page is the line's problem; a 413 may come from a front server too.
    if error is None and status != 413 and _EPOCH not in response.headers:
        return SyncUnavailable(NOT_PROTOCOL)
    error = error or {}
    limits = error["limits"] if isinstance(error.get("limits"), dict) else None
    code = _message(error.get("error", "too_large" if status == 413 else ""))
    return RequestRefused(status, code, _message(error.get("message")) or REFUSED, limits)


def _head_size(first_line: str, raw: list[tuple[bytes, bytes]]) -> int:
    """Bytes of an HTTP/1.1 head as h11 writes it: ``Name: value`` lines and a blank line."""
    return len(first_line) + 2 + sum(len(k) + len(v) + 4 for k, v in raw) + 2


def _item_result(raw: object) -> ItemResult:
    item = cast(dict[str, Any], raw) if isinstance(raw, dict) else {}
    status, op_id = _field(item, "status", str), item.get("op_id")
    _ensure(status in ("accepted", "duplicate", "rejected") and isinstance(op_id, str | None))
    code, message = _message(item.get("code")), _message(item.get("message"))
    retryable, superseded = item.get("retryable") is True, item.get("superseded") is True
    return ItemResult(op_id or "", status, code, message, retryable, superseded)


class HttpProvincialAdapter:
    """The protocol's HTTP endpoints as a ProvincialAdapter, over one httpx.Client.

    Every call has explicit timeouts (a write gets ``read_timeout``). ``token`` may be replaced
    after AuthRejected. ``bytes_sent`` and ``bytes_received`` count HTTP bytes on the wire:
    request and status lines, headers, and bodies as transferred (compressed); TLS adds its
    own overhead on top.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._timeout = httpx.Timeout(
            connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
        )
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/api/v1",
            timeout=self._timeout,
            transport=transport,
            follow_redirects=False,  # a redirect is a captive portal, never the province
        )
        self.token = token
        self._last_epoch: str | None = None
        self._last_server_time: datetime | None = None
        self.bytes_sent = 0
        self.bytes_received = 0

    @property
    def last_epoch(self) -> str | None:
        """The epoch of the last answer that came from the province itself."""
        return self._last_epoch

    @property
    def last_server_time(self) -> datetime | None:
        """The province's clock (naive Vietnam time) on its last answer, or None."""
        return self._last_server_time

    def _call(self, method: str, path: str, expect: tuple[int, ...], **kw: Any) -> httpx.Response:
        """Send one request; transport failures and answers not in ``expect`` raise."""
        request = self._client.build_request(method, path, timeout=self._timeout, **kw)
        request.headers["Authorization"] = f"Bearer {self.token}"
        target = request.url.raw_path.decode("ascii")
        self.bytes_sent += _head_size(f"{method} {target} HTTP/1.1", request.headers.raw)
        self.bytes_sent += len(request.content)
        try:
            response = self._client.send(request)
        except httpx.TimeoutException as exc:
            raise SyncUnavailable(TIMED_OUT) from exc
        except httpx.RequestError as exc:
            raise SyncUnavailable(CONNECTION_CUT) from exc
        status_line = f"HTTP/1.1 {response.status_code} {response.reason_phrase}"
        self.bytes_received += _head_size(status_line, response.headers.raw)
        self.bytes_received += response.num_bytes_downloaded
        if epoch := response.headers.get(_EPOCH):
            self._last_epoch = epoch
            with contextlib.suppress(KeyError, ValueError):
                self._last_server_time = parse_portal_time(response.headers["x-server-time"])
        if response.status_code not in expect:
            raise _failure(response)
        return response

    def server_info(self) -> ServerInfo:
        """``GET /api/v1/info``."""
        body = _json(self._call("GET", "/info", (200,)))
        try:
            server_time = parse_portal_time(_field(body, "server_time", str))
        except ValueError:
            raise SyncUnavailable(NOT_PROTOCOL) from None
        return ServerInfo(_field(body, "epoch", str), server_time, _field(body, "limits", dict))

    def push(self, body: bytes, idempotency_key: str) -> PushReply:
        """``POST /api/v1/batch``, gzip-compressed; the results must match the items one to one."""
        items = json.loads(body)["items"]  # the caller's own batch: a bug if this fails
        op_ids = [i.get("op_id") if isinstance(i, dict) else None for i in items]
        headers = {**_GZIP_JSON, "Idempotency-Key": idempotency_key}
        wire = gzip.compress(body, compresslevel=6, mtime=0)
        response = self._call("POST", "/batch", (200,), content=wire, headers=headers)
        results = tuple(_item_result(r) for r in _field(_json(response), "results", list))
        expected = [i if isinstance(i, str) else "" for i in op_ids]
        _ensure([r.op_id for r in results] == expected)
        replayed = response.headers.get("idempotent-replayed", "").lower() == "true"
        return PushReply(results, response.headers[_EPOCH], self._last_server_time, replayed)

    def attachment_state(self, sha256: str) -> AttachmentState:
        """``HEAD /api/v1/attachments/{sha256}``."""
        response = self._call("HEAD", f"/attachments/{sha256}", (200, 404))
        headers = response.headers
        _ensure(_EPOCH in headers)
        if response.status_code == 404:
            return AttachmentState(0, None, False)
        received = _count(headers.get("upload-offset", ""))
        length = _count(headers.get("upload-length", ""))
        if received is None or length is None or received > length:
            raise SyncUnavailable(NOT_PROTOCOL)
        return AttachmentState(received, length, headers.get("upload-complete") == "1")

    def upload(self, sha256: str, offset: int, length: int, chunk: bytes) -> AttachmentState:
        """``PUT /api/v1/attachments/{sha256}`` of one chunk; a 409 offset_mismatch says where."""
        headers = {"Content-Type": "application/octet-stream", "Upload-Offset": str(offset)}
        headers["Upload-Length"] = str(length)
        path = f"/attachments/{sha256}"
        response = self._call("PUT", path, (200, 201, 202, 409), content=chunk, headers=headers)
        if response.status_code == 409:
            error = _error_body(response) or {}
            held = _count(response.headers.get("upload-offset", ""))
            if error.get("error") != "offset_mismatch" or held is None:
                raise _failure(response)
            _ensure(held <= length)
            return AttachmentState(held, length, False)
        answer = _json(response)
        status = _field(answer, "status", str)
        received = _field(answer, "received", int)
        _ensure(status in ("complete", "partial") and 0 <= received <= length)
        return AttachmentState(received, length, status == "complete")

    def pull_changes(self, after: int, limit: int = 500) -> ChangesPage:
        """``GET /api/v1/changes?after=…&limit=…``; seqs checked to increase strictly."""
        body = _json(self._call("GET", "/changes", (200,), params={"after": after, "limit": limit}))
        changes = _field(body, "changes", list)
        seq = after
        for change in changes:
            _ensure(isinstance(change, dict) and isinstance(change.get("change_id"), str))
            _ensure(_field(change, "seq", int) > seq)
            seq = change["seq"]
        _ensure(_field(body, "last_seq", int) == seq)
        epoch, head = _field(body, "epoch", str), _field(body, "head_seq", int)
        return ChangesPage(epoch, head, tuple(changes), seq, _field(body, "more", bool))

    def reconcile(
        self,
        dossiers: list[tuple[str, int, str | None]],
        ratings: list[str],
        attachments: list[str],
    ) -> ReconcileReply:
        """``POST /api/v1/reconcile`` of one page (at most 1,000 entries per list)."""
        asked = [
            {"MaHoSo": code, "seq": seq, **({"hash": digest} if digest else {})}
            for code, seq, digest in dossiers
        ]
        request = {"dossiers": asked, "ratings": ratings, "attachments": attachments}
        wire = gzip.compress(compact_json(request), compresslevel=6, mtime=0)
        body = _json(self._call("POST", "/reconcile", (200,), content=wire, headers=_GZIP_JSON))
        found, keys = _field(body, "dossiers", list), _field(body, "ratings", list)
        files = _field(body, "attachments", list)
        _ensure(all(isinstance(e, dict) for e in found + files))
        _ensure(all(_is_key(k) for k in keys))
        _ensure(all(e.get("have_hash") is None or _is_key(e["have_hash"]) for e in found))
        missing = tuple(
            MissingDossier(_field(e, "MaHoSo", str), _field(e, "have_seq", int), e.get("have_hash"))
            for e in found
        )
        lacking = tuple(
            MissingAttachment(_field(e, "sha256", str), _field(e, "received", int)) for e in files
        )
        return ReconcileReply(_field(body, "epoch", str), missing, tuple(keys), lacking)

    def dossier(self, code: str) -> dict[str, Any] | None:
        """``GET /api/v1/dossiers/{MaHoSo}`` as stored, or None (diagnostics, not in the API)."""
        response = self._call("GET", f"/dossiers/{code}", (200, 404))
        if response.status_code == 404:
            _ensure(_error_body(response) is not None and _EPOCH in response.headers)
            return None
        return _json(response)

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> HttpProvincialAdapter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
