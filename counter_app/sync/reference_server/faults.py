"""Switchable faults, for tests of the client: what a bad link or a struggling server does.

Each counter fires on that many requests whose path starts with ``match`` (default
``/api/``; the operator's ``/_ops/`` is never faulted), one fault per request, in this order:
``captive`` (a 200 HTML login page, from "another box": none of our headers), ``fail_503``,
``throttle_429`` (with ``Retry-After: retry_after``), then, after the request was handled and
committed, ``drop_after_commit`` (the TCP connection is reset, no answer), ``slow`` (the answer
waits ``slow_seconds``), ``truncate`` (the headers announce the whole body, half is sent, the
connection closes) and ``truncate_json`` (a complete HTTP answer whose JSON is cut in half).
``clock_offset`` (seconds) is not a counter: it skews the server's clock until cleared.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from counter_app.clock import vietnam_now

ASGIApp = Any  # Starlette's ASGI callables; kept loose to avoid tying to its typing

#: Counters in the order they are tried on each request.
COUNTERS = (
    "captive",
    "fail_503",
    "throttle_429",
    "drop_after_commit",
    "slow",
    "truncate",
    "truncate_json",
)
_BEFORE = COUNTERS[:3]

CAPTIVE_PAGE = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập Wi-Fi'
    "</title></head><body><h1>Chào mừng đến mạng Wi-Fi công cộng</h1><p>Vui lòng đăng nhập "
    'để tiếp tục sử dụng Internet.</p><form><input name="phone"><button>Đăng nhập</button>'
    "</form></body></html>"
).encode()


@dataclass
class Faults:
    """The faults switched on now (counters count down per matching request)."""

    captive: int = 0
    fail_503: int = 0
    throttle_429: int = 0
    retry_after: int = 2
    drop_after_commit: int = 0
    slow: int = 0
    slow_seconds: float = 5.0
    truncate: int = 0
    truncate_json: int = 0
    clock_offset: float = 0.0
    match: str = "/api/"

    def update(self, values: dict[str, Any]) -> None:
        """Set some fields; ValueError on an unknown name or a value of the wrong type."""
        types = {f.name: f.type for f in fields(self)}
        for name, value in values.items():
            kind = types.get(name)
            if kind is None:
                raise ValueError(f"unknown fault {name!r}")
            ok = (
                (kind == "int" and isinstance(value, int) and not isinstance(value, bool))
                or (kind == "float" and isinstance(value, int | float))
                or (kind == "str" and isinstance(value, str))
            )
            if not ok or (kind != "str" and value < 0 and name != "clock_offset"):
                raise ValueError(f"bad value for {name!r}: {value!r}")
        for name, value in values.items():
            setattr(self, name, float(value) if types[name] == "float" else value)

    def clear(self) -> None:
        """Switch every fault off."""
        for f in fields(self):
            setattr(self, f.name, f.default)

    def as_dict(self) -> dict[str, Any]:
        """The current state as a JSON object."""
        return asdict(self)

    def take(self, path: str) -> str | None:
        """The fault this request gets (its counter goes down by one), or None."""
        if path.startswith("/_ops/") or not path.startswith(self.match):
            return None
        for name in COUNTERS:
            if getattr(self, name) > 0:
                setattr(self, name, getattr(self, name) - 1)
                return name
        return None

    def now(self) -> datetime:
        """The server's (possibly skewed) Vietnam time."""
        return vietnam_now() + timedelta(seconds=self.clock_offset)


async def _answer(send: Any, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _transport(receive: Any) -> asyncio.Transport | None:
    """uvicorn's transport behind the ASGI receive callable (its bound method), if reachable."""
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    return transport if isinstance(transport, asyncio.Transport) else None


async def _cut(receive: Any, *, reset: bool) -> None:
    """Close the connection now: a TCP reset, or a plain close after what was written."""
    transport = _transport(receive)
    if transport is None:
        # Not under uvicorn's h11/httptools: raising makes the server close (or answer 500).
        raise ConnectionAbortedError("fault: connection dropped")
    if reset:
        sock = transport.get_extra_info("socket")
        # Linger 0 makes the close a RST; without it a plain close still leaves no answer.
        with contextlib.suppress(AttributeError, OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    await asyncio.sleep(0.05)  # let uvicorn see the connection lost before the app returns


class FaultMiddleware:
    """Pure ASGI middleware that plays the faults switched on in a Faults object."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Handle one ASGI call."""
        fault = self.faults.take(scope["path"]) if scope["type"] == "http" else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault in _BEFORE:
            await self._before(fault, send)
            return
        if fault == "truncate_json":  # plain JSON, so that cutting it breaks the JSON itself
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
            scope = {**scope, "headers": headers}
        start: dict[str, Any] = {}
        body = bytearray()

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(scope, receive, capture)  # handled and committed
        if fault == "drop_after_commit":
            await _cut(receive, reset=True)
            return
        if fault == "slow":
            await asyncio.sleep(self.faults.slow_seconds)
        if fault == "truncate":
            await send(start)
            await send(
                {
                    "type": "http.response.body",
                    "body": bytes(body[: len(body) // 2]),
                    "more_body": True,
                }
            )
            await _cut(receive, reset=False)
            return
        if fault == "truncate_json":
            body = body[: len(body) // 2]
            kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            start["headers"] = [*kept, (b"content-length", str(len(body)).encode())]
        await send(start)
        await send({"type": "http.response.body", "body": bytes(body)})

    async def _before(self, fault: str, send: Any) -> None:
        if fault == "captive":
            await _answer(send, 200, CAPTIVE_PAGE, [(b"content-type", b"text/html; charset=utf-8")])
            return
        json_type = (b"content-type", b"application/json")
        if fault == "fail_503":
            body = (
                '{"error":"unavailable","message":"Hệ thống tỉnh tạm ngừng phục vụ, thử lại sau."}'
            )
            await _answer(send, 503, body.encode(), [json_type])
            return
        body = (
            '{"error":"rate_limited","message":"Gửi quá nhanh: chờ theo Retry-After rồi gửi lại."}'
        )
        retry = str(self.faults.retry_after).encode()
        await _answer(send, 429, body.encode(), [json_type, (b"retry-after", retry)])
