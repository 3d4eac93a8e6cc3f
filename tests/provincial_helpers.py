"""The reference provincial server as a child process, and builders of batch items for tests.

``ProvincialServer(db_url, folder).start()`` runs ``python -m counter_app.sync.reference_server``
on 127.0.0.1 at a free port, waits until ``GET /api/v1/info`` answers, and ``stop()`` ends it.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from counter_app.domain.sync_payload import (
    AttachmentRef,
    DossierSnapshot,
    FeeLine,
    HistoryStep,
    Operation,
    PaperEntry,
    RatingRecord,
    StatusChange,
    batch_body,
    dossier_payload,
    new_op_id,
    rating_payload,
    status_payload,
)

REPO = Path(__file__).resolve().parents[2]
OFFICE = "000.00.06.H56"
OTHER_OFFICE = "000.00.07.H56"
TIMEOUT = httpx.Timeout(15.0)

_numbers = itertools.count(1)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ProvincialServer:
    """One reference server process on 127.0.0.1."""

    def __init__(self, db_url: str, folder: Path) -> None:
        self.db_url = db_url
        self.folder = folder
        self.operator_token = secrets.token_urlsafe(18)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = folder / "server.log"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait_seconds: float = 30.0) -> ProvincialServer:
        """Start the process and wait until it answers; raise with its log when it does not."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for _attempt in range(3):
            self.port = free_port()
            argv = [sys.executable, "-m", "counter_app.sync.reference_server"]
            argv += ["--db", self.db_url, "--host", "127.0.0.1", "--port", str(self.port)]
            argv += [
                f"--operator-token={self.operator_token}",
                "--files",
                str(self.folder / "files"),
            ]
            argv += ["--log-level", "warning"]
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    argv, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ)
                )
            if self._wait(wait_seconds):
                return self
            if "address already in use" not in self.log():
                break
        self.stop()
        raise RuntimeError(f"the reference server did not start:\n{self.log()}")

    def _wait(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.base_url}/api/v1/info", timeout=1.0).status_code == 200:
                    return True
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        return False

    def log(self) -> str:
        """What the process printed."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        """End the process (politely, then by force)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def ops(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Call an operator endpoint (``/_ops/...``)."""
        headers = {"X-Operator-Token": self.operator_token, **kwargs.pop("headers", {})}
        return httpx.request(
            method, f"{self.base_url}{path}", headers=headers, timeout=TIMEOUT, **kwargs
        )

    def token(self, office: str = OFFICE) -> str:
        """Issue a token to an office."""
        reply = self.ops("POST", "/_ops/offices", json={"office": office})
        reply.raise_for_status()
        return str(reply.json()["token"])

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        """An httpx client for the office API, with the bearer token if given."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs.setdefault("timeout", TIMEOUT)
        return httpx.Client(base_url=self.base_url, headers=headers, **kwargs)

    def faults(self, **values: Any) -> dict[str, Any]:
        """Switch faults on."""
        reply = self.ops("PUT", "/_ops/faults", json=values)
        reply.raise_for_status()
        return dict(reply.json())

    def inspect(self, code: str) -> httpx.Response:
        """The operator's view of one dossier."""
        return self.ops("GET", f"/_ops/dossiers/{code}")


def new_code(office: str = OFFICE) -> str:
    """A dossier code of this office, never used before in this test session."""
    return f"{office}-261123-{next(_numbers):04d}"


def snapshot(
    code: str, *, status: int = 2, files: tuple[AttachmentRef, ...] = ()
) -> DossierSnapshot:
    """A received dossier with Vietnamese text, a paper, a fee and a history step."""
    at = datetime(2026, 11, 23, 8, 30, 5)
    return DossierSnapshot(
        code=code,
        status=status,
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        field="Hộ tịch",
        received_at=at,
        applicant_name="Nguyễn Thị Hồng Nhung",
        applicant_id_number="001190012345",
        applicant_phone="0912345678",
        summary="Khai sinh cho con",
        due_at=datetime(2026, 11, 24, 16, 0, 0),
        papers=(PaperEntry("Tờ khai đăng ký khai sinh", originals=1, attachments=files),),
        fees=(FeeLine("Lệ phí đăng ký khai sinh", 0, method="tiền mặt"),),
        history=(HistoryStep(at, status, "Trần Văn Bình", "Công chức một cửa"),),
    )


def dossier_op(code: str, seq: int = 1, **kwargs: Any) -> Operation:
    """A dossier snapshot operation."""
    return Operation(new_op_id(), "dossier", dossier_payload(snapshot(code, **kwargs)), code, seq)


def status_op(code: str, seq: int, status: int = 4) -> Operation:
    """A status change operation."""
    change = StatusChange(code, status, datetime(2026, 11, 23, 9, 0, 0), "Trần Văn Bình")
    return Operation(new_op_id(), "status", status_payload(change), code, seq)


def rating_op(office: str = OFFICE, level: str = "satisfied", score: int = 4) -> Operation:
    """A rating operation with a fresh event key."""
    record = RatingRecord(
        office_code=office,
        event_key=f"ticket:{next(_numbers)}",
        level=level,
        score=score,
        at=datetime(2026, 11, 23, 9, 5, 0),
        counter=2,
        clerk="Trần Văn Bình",
        reasons=("Cán bộ nhiệt tình",),
    )
    return Operation(new_op_id(), "rating", rating_payload(record))


def post_batch(
    client: httpx.Client,
    body: bytes | list[Operation],
    *,
    key: str | None = None,
    compress: bool = True,
    **kwargs: Any,
) -> httpx.Response:
    """POST a batch (operations, or a ready body), gzip-compressed unless told otherwise."""
    raw = body if isinstance(body, bytes) else batch_body(body)
    headers = {"Content-Type": "application/json"}
    if compress:
        raw = gzip.compress(raw)
        headers["Content-Encoding"] = "gzip"
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post("/api/v1/batch", content=raw, headers=headers, **kwargs)


def statuses(reply: httpx.Response) -> list[str]:
    """The per-item statuses of a batch answer."""
    return [r["status"] for r in reply.json()["results"]]


def compact(value: Any) -> bytes:
    """Compact UTF-8 JSON, as the batch builder writes it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
