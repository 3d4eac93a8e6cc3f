"""The FastAPI application of the reference provincial server (see docs/sync-protocol.md)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.gzip import GZipMiddleware

from counter_app.clock import VN_TZ
from counter_app.domain.sync_payload import PROTOCOL_VERSION, format_portal_time
from counter_app.sync.reference_server import api, attachments, ops
from counter_app.sync.reference_server.common import ApiError, Limits, error_response
from counter_app.sync.reference_server.faults import FaultMiddleware, Faults
from counter_app.sync.reference_server.store import Store


class ServerHeaders:
    """Pure ASGI middleware adding the epoch and the server's clock to every answer."""

    def __init__(self, app: Any, store: Store, faults: Faults) -> None:
        self.app = app
        self.store = store
        self.faults = faults

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                now = self.faults.now()
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"x-server-epoch", self.store.epoch.encode()),
                        (b"x-server-time", format_portal_time(now).encode()),
                        (
                            b"date",
                            format_datetime(
                                now.replace(tzinfo=VN_TZ).astimezone(UTC), usegmt=True
                            ).encode(),
                        ),
                        (b"x-protocol-version", str(PROTOCOL_VERSION).encode()),
                    ],
                }
            await send(message)

        await self.app(scope, receive, stamped)


def create_app(
    db_url: str,
    *,
    files_dir: Path | None = None,
    operator_token: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """A reference provincial server on this database (tables created if missing).

    ``operator_token`` opens /_ops/ (tokens, faults, upstream moves, snapshots); without it
    /_ops/ answers 403. Attachments go to ``files_dir`` (default: beside an SQLite file).
    """
    store = Store(db_url, files_dir)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.dispose()

    app = FastAPI(
        title="Hệ thống tỉnh (máy chủ tham chiếu)",
        version=str(PROTOCOL_VERSION),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    faults = Faults()
    app.state.store = store
    app.state.faults = faults
    app.state.limits = limits or Limits()
    app.state.operator_token = operator_token
    app.state.upload_locks = {}
    app.include_router(api.router)
    app.include_router(attachments.router)
    app.include_router(ops.router)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    # The last added is the outermost: faults see the final bytes, and the captive page
    # (from "another box") carries none of our headers.
    app.add_middleware(GZipMiddleware, minimum_size=512)
    app.add_middleware(ServerHeaders, store=store, faults=faults)
    app.add_middleware(FaultMiddleware, faults=faults)
    return app
