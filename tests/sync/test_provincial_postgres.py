"""The reference server on PostgreSQL: the same protocol, end to end."""

from __future__ import annotations

import hashlib
import os

import pytest
from provincial_helpers import (
    compact,
    dossier_op,
    new_code,
    post_batch,
    rating_op,
    status_op,
    statuses,
)

from counter_app.domain.sync_payload import AttachmentRef


@pytest.mark.postgres
def test_reference_server_on_postgresql(start_provincial, pg_url):
    server = start_provincial(pg_url)
    token = server.token()
    code = new_code()
    data = os.urandom(40_000)
    sha = hashlib.sha256(data).hexdigest()
    ref = AttachmentRef(sha, "giay-chung-sinh.jpg", len(data), "image/jpeg")
    ops = [dossier_op(code, files=(ref,)), status_op(code, 2), rating_op()]
    with server.client(token) as client:
        for offset, chunk in ((0, data[:15_000]), (15_000, data[15_000:])):
            headers = {"Upload-Offset": str(offset), "Upload-Length": str(len(data))}
            client.put(f"/api/v1/attachments/{sha}", content=chunk, headers=headers)
        assert client.head(f"/api/v1/attachments/{sha}").headers["Upload-Complete"] == "1"
        first = post_batch(client, ops, key=f"pg-{code}")
        assert statuses(first) == ["accepted"] * 3
        assert post_batch(client, ops, key=f"pg-{code}").content == first.content
        assert statuses(post_batch(client, ops)) == ["duplicate"] * 3
        assert client.get(f"/api/v1/dossiers/{code}").content == compact(ops[0].data)

        epoch = client.get("/api/v1/info").json()["epoch"]
        snap = server.ops("POST", "/_ops/snapshots").json()["snapshot_id"]
        moved = server.ops("POST", f"/_ops/dossiers/{code}/move", json={"action": "supplement"})
        feed = client.get("/api/v1/changes").json()
        assert [c["seq"] for c in feed["changes"]] == [moved.json()["seq"]]
        assert server.ops("POST", f"/_ops/snapshots/{snap}/restore").json()["epoch"] != epoch
        assert client.get("/api/v1/changes").json()["changes"] == []
        assert client.get(f"/api/v1/dossiers/{code}").headers["X-TrangThaiHoSo"] == "4"
