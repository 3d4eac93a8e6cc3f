"""Restoring an older snapshot loses later data and changes the epoch; reconciliation sees it."""

from __future__ import annotations

import hashlib
import os

from provincial_helpers import dossier_op, new_code, post_batch, rating_op, statuses


def test_restore_loses_later_data_and_changes_the_epoch(start_provincial, tmp_path):
    server = start_provincial(f"sqlite:///{tmp_path / 'restore.sqlite3'}")
    token = server.token()
    kept, lost = new_code(), new_code()
    kept_op, lost_op, lost_rating = dossier_op(kept), dossier_op(lost), rating_op()
    data = os.urandom(10_000)
    sha = hashlib.sha256(data).hexdigest()
    headers = {"Upload-Offset": "0", "Upload-Length": str(len(data))}
    with server.client(token) as client:
        assert statuses(post_batch(client, [kept_op])) == ["accepted"]
        epoch = client.get("/api/v1/info").json()["epoch"]
        snap = server.ops("POST", "/_ops/snapshots").json()["snapshot_id"]

        assert statuses(post_batch(client, [lost_op, lost_rating], key="after-snapshot")) == [
            "accepted",
            "accepted",
        ]
        put = client.put(f"/api/v1/attachments/{sha}", content=data, headers=headers)
        assert put.status_code == 201
        moved = server.ops("POST", f"/_ops/dossiers/{kept}/move", json={"action": "processing"})
        lost_seq = moved.json()["seq"]

        restored = server.ops("POST", f"/_ops/snapshots/{snap}/restore")
        assert restored.status_code == 200
        new_epoch = restored.json()["epoch"]
        assert new_epoch != epoch

        info = client.get("/api/v1/info")
        assert info.json()["epoch"] == info.headers["X-Server-Epoch"] == new_epoch
        assert client.get(f"/api/v1/dossiers/{kept}").status_code == 200
        assert client.get(f"/api/v1/dossiers/{lost}").status_code == 404
        assert client.head(f"/api/v1/attachments/{sha}").status_code == 404
        feed = client.get("/api/v1/changes").json()
        assert feed["epoch"] == new_epoch and feed["changes"] == []
        assert feed["head_seq"] == lost_seq  # sequence numbers are never given out twice

        reconcile = client.post(
            "/api/v1/reconcile",
            json={
                "dossiers": [{"MaHoSo": kept, "seq": 1}, {"MaHoSo": lost, "seq": 1}],
                "ratings": [lost_rating.data["MaDanhGia"]],
                "attachments": [sha],
            },
        ).json()
        assert [d["MaHoSo"] for d in reconcile["dossiers"]] == [lost]
        assert reconcile["ratings"] == [lost_rating.data["MaDanhGia"]]
        assert reconcile["attachments"] == [{"sha256": sha, "received": 0}]

        # The office sends again what was lost, with the same op_ids: applied, not "duplicate".
        again = post_batch(client, [lost_op, lost_rating], key="after-snapshot")
        assert "Idempotent-Replayed" not in again.headers
        assert statuses(again) == ["accepted", "accepted"]
        assert (
            client.put(f"/api/v1/attachments/{sha}", content=data, headers=headers).status_code
            == 201
        )
        next_move = server.ops("POST", f"/_ops/dossiers/{kept}/move", json={"action": "done"})
        assert next_move.json()["seq"] == lost_seq + 1
    assert server.ops("POST", "/_ops/snapshots/999/restore").status_code == 404
