"""The reference provincial server over HTTP: auth, batches, idempotency, stored dossiers."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from provincial_helpers import (
    OFFICE,
    OTHER_OFFICE,
    compact,
    dossier_op,
    new_code,
    post_batch,
    rating_op,
    status_op,
    statuses,
)

from counter_app.clock import vietnam_now
from counter_app.domain.sync_payload import (
    Operation,
    content_hash,
    operation_item,
    parse_portal_time,
)


def test_info_needs_no_token_and_every_answer_carries_epoch_and_clock(provincial):
    with provincial.client() as client:
        reply = client.get("/api/v1/info")
    assert reply.status_code == 200
    body = reply.json()
    assert body["protocol"] == 1 and body["limits"]["max_batch_items"] == 500
    assert reply.headers["X-Server-Epoch"] == body["epoch"]
    server_time = parse_portal_time(reply.headers["X-Server-Time"])
    assert abs(server_time - vietnam_now()) < timedelta(minutes=1)
    date = parsedate_to_datetime(reply.headers["Date"])
    assert abs(date.timestamp() - datetime.now().timestamp()) < 60


def test_no_token_wrong_token_and_revoked_token_get_401(provincial):
    ops = [dossier_op(new_code())]
    with provincial.client() as client:
        reply = post_batch(client, ops)
    assert reply.status_code == 401
    assert reply.json()["error"] == "unauthorized"
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    with provincial.client("not-a-real-token") as client:
        assert post_batch(client, ops).status_code == 401
        assert client.get("/api/v1/changes").status_code == 401
    office = "000.00.99.H56"
    token = provincial.token(office)
    with provincial.client(token) as client:
        assert client.get("/api/v1/changes").status_code == 200
        assert provincial.ops("POST", f"/_ops/offices/{office}/revoke").json() == {"revoked": 1}
        assert client.get("/api/v1/changes").status_code == 401


def test_an_office_writes_and_reads_only_its_own_dossiers(provincial):
    token = provincial.token(OFFICE)
    theirs = new_code(OTHER_OFFICE)
    mine = new_code()
    with provincial.client(token) as client:
        reply = post_batch(client, [dossier_op(theirs), dossier_op(mine), rating_op(OTHER_OFFICE)])
        assert reply.status_code == 200
        results = reply.json()["results"]
        assert [r["status"] for r in results] == ["rejected", "accepted", "rejected"]
        assert results[0]["code"] == results[2]["code"] == "wrong_office"
        assert results[0]["retryable"] is False and "không thuộc đơn vị" in results[0]["message"]
        assert client.get(f"/api/v1/dossiers/{theirs}").status_code == 403
        reconcile = client.post(
            "/api/v1/reconcile", json={"dossiers": [{"MaHoSo": theirs, "seq": 1}]}
        )
        assert reconcile.status_code == 403
    assert provincial.inspect(theirs).status_code == 404


def test_batch_gives_one_result_per_item_in_order(provincial):
    token = provincial.token()
    code, unknown = new_code(), new_code()
    bad_date = dossier_op(new_code())
    bad_date.data["NgayTiepNhan"] = "2026-11-23"
    bad_status = status_op(code, 3, status=11)
    identity = rating_op()
    identity.data["SoGiayToChuHoSo"] = "001190012345"
    ops = [
        dossier_op(code),
        status_op(code, 2, status=4),
        status_op(unknown, 1),
        bad_date,
        bad_status,
        rating_op(),
        identity,
        Operation("short", "dossier", {}, code, 9),
    ]
    unknown_kind = {"op_id": "op-unknown-kind", "kind": "delete", "MaHoSo": code, "data": {}}
    body = compact({"items": [*(operation_item(op) for op in ops), unknown_kind]})
    with provincial.client(token) as client:
        reply = post_batch(client, body)
    assert reply.status_code == 200
    body = reply.json()
    results = body["results"]
    assert [r["op_id"] for r in results] == [op.op_id for op in ops] + ["op-unknown-kind"]
    assert [r["status"] for r in results] == ["accepted"] * 2 + ["rejected"] * 3 + [
        "accepted",
        "rejected",
        "rejected",
        "rejected",
    ]
    codes = [r.get("code") for r in results]
    assert codes[2:5] == ["unknown_dossier", "invalid_date", "invalid_status"]
    assert codes[6:] == ["personal_data", "malformed", "unknown_kind"]
    assert results[2]["retryable"] is True and results[3]["retryable"] is False
    assert (body["accepted"], body["duplicate"], body["rejected"]) == (3, 0, 6)
    held = provincial.inspect(code).json()
    assert (held["last_seq"], held["status"]) == (2, 4)


def test_resending_never_applies_twice(provincial):
    token = provincial.token()
    code = new_code()
    ops = [dossier_op(code), status_op(code, 2), rating_op()]
    with provincial.client(token) as client:
        first = post_batch(client, ops, key="batch-key-1-" + code)
        assert statuses(first) == ["accepted"] * 3
        # The same batch again (a retry after a lost answer): the very same answer.
        again = post_batch(client, ops, key="batch-key-1-" + code)
        assert again.content == first.content
        assert again.headers["Idempotent-Replayed"] == "true"
        # The same operations regrouped in another batch: each one is a duplicate.
        regrouped = post_batch(client, [ops[2], ops[0], ops[1]], key="batch-key-2-" + code)
        assert statuses(regrouped) == ["duplicate"] * 3
        assert [r["op_id"] for r in regrouped.json()["results"]] == [
            ops[2].op_id,
            ops[0].op_id,
            ops[1].op_id,
        ]
        # One key, another body: refused.
        reused = post_batch(client, [dossier_op(new_code())], key="batch-key-1-" + code)
        assert reused.status_code == 422 and reused.json()["error"] == "idempotency_key_reused"
        # One op_id, other content; another op_id on a seq already used: refused.
        changed = Operation(ops[1].op_id, "status", {**ops[1].data, "TrangThaiHoSo": 9}, code, 2)
        clash = status_op(code, 2, status=9)
        reply = post_batch(client, [changed, clash])
        assert [r["code"] for r in reply.json()["results"]] == ["op_id_conflict", "seq_conflict"]
    held = provincial.inspect(code).json()
    assert [(o["op_id"], o["seq"]) for o in held["ops"]] == [(ops[0].op_id, 1), (ops[1].op_id, 2)]
    stats = provincial.ops("GET", "/_ops/stats").json()
    assert stats["rows"]["prov_rating"] >= 1


def test_a_later_snapshot_arriving_late_does_not_undo_a_newer_status(provincial):
    token = provincial.token()
    code = new_code()
    with provincial.client(token) as client:
        assert statuses(post_batch(client, [dossier_op(code, 1), status_op(code, 3, 9)])) == [
            "accepted",
            "accepted",
        ]
        late = dossier_op(code, 2, status=4)
        reply = post_batch(client, [late])
        assert reply.json()["results"][0] == {
            "op_id": late.op_id,
            "status": "accepted",
            "superseded": True,
        }
        stored = client.get(f"/api/v1/dossiers/{code}")
    assert stored.headers["X-TrangThaiHoSo"] == "9"
    assert (stored.headers["X-Last-Seq"], stored.headers["X-Snapshot-Seq"]) == ("3", "2")
    assert stored.content == compact(late.data)


def test_get_dossier_returns_exactly_the_bytes_received(provincial):
    token = provincial.token()
    code = new_code()
    op = dossier_op(code)
    # Escapes, spaces and key order of the sender are kept, whatever a parser would make of them.
    data_text = json.dumps(op.data, ensure_ascii=True, indent=1)
    envelope = compact({k: v for k, v in operation_item(op).items() if k != "data"})
    body = b'{"items":[' + envelope[:-1] + b',"data":' + data_text.encode() + b"}]}"
    with provincial.client(token) as client:
        assert statuses(post_batch(client, body)) == ["accepted"]
        reply = client.get(f"/api/v1/dossiers/{code}")
        missing = client.get(f"/api/v1/dossiers/{new_code()}")
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "application/json"
    assert reply.content == data_text.encode()
    assert reply.headers["X-Content-SHA256"] == content_hash(op.data)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_batch_size_limits_and_body_errors(provincial):
    token = provincial.token()
    with provincial.client(token) as client:
        many = post_batch(client, [rating_op() for _ in range(501)])
        assert many.status_code == 413 and many.json()["limits"]["max_batch_items"] == 500
        huge = b'{"items":[],"pad":"' + b"x" * (4 * 1024 * 1024) + b'"}'
        assert post_batch(client, huge).status_code == 413  # decoded size, sent gzip-compressed
        assert post_batch(client, huge, compress=False).status_code == 413
        assert post_batch(client, b"{not json").status_code == 400
        assert post_batch(client, b'{"nothing": 1}').status_code == 422
        headers = {"Content-Encoding": "br", "Authorization": f"Bearer {token}"}
        assert client.post("/api/v1/batch", content=b"{}", headers=headers).status_code == 415
        cut = gzip.compress(b'{"items":[]}')[:-6]
        reply = client.post("/api/v1/batch", content=cut, headers={"Content-Encoding": "gzip"})
        assert reply.status_code == 400 and reply.json()["error"] == "bad_gzip"


def test_reconcile_lists_what_the_server_lacks(provincial):
    token = provincial.token()
    held, behind, absent = new_code(), new_code(), new_code()
    ops = [dossier_op(held), dossier_op(behind)]
    rating = rating_op()
    with provincial.client(token) as client:
        post_batch(client, [*ops, rating])
        reply = client.post(
            "/api/v1/reconcile",
            json={
                "dossiers": [
                    {"MaHoSo": held, "seq": 1, "hash": content_hash(ops[0].data)},
                    {"MaHoSo": behind, "seq": 3, "hash": content_hash(ops[1].data)},
                    {"MaHoSo": absent, "seq": 1},
                ],
                "ratings": [rating.data["MaDanhGia"], f"{OFFICE}:ticket:999999"],
                "attachments": ["f" * 64],
            },
        )
    assert reply.status_code == 200
    body = reply.json()
    assert body["epoch"] == reply.headers["X-Server-Epoch"]
    assert body["dossiers"] == [
        {"MaHoSo": behind, "have_seq": 1, "have_hash": content_hash(ops[1].data)},
        {"MaHoSo": absent, "have_seq": 0, "have_hash": None},
    ]
    assert body["ratings"] == [f"{OFFICE}:ticket:999999"]
    assert body["attachments"] == [{"sha256": "f" * 64, "received": 0}]
