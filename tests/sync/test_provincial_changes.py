"""Changes made upstream flow back to the office through the changes feed."""

from __future__ import annotations

from provincial_helpers import OTHER_OFFICE, dossier_op, new_code, post_batch


def test_moves_upstream_appear_in_the_feed_in_order(provincial):
    token = provincial.token()
    code = new_code()
    with provincial.client(token) as client:
        post_batch(client, [dossier_op(code)])
        start = client.get("/api/v1/changes", params={"after": 0}).json()
        after = start["head_seq"]
        moves = [
            {"action": "processing", "NguoiXuLy": "Phạm Thị D", "PhongBanXuLy": "Phòng Tư pháp"},
            {"action": "supplement", "NoiDungXuLy": "Bổ sung bản sao giấy chứng sinh"},
            {"TrangThaiHoSo": 9, "NgayTra": "20261125090000"},
        ]
        made = []
        for move in moves:
            reply = provincial.ops("POST", f"/_ops/dossiers/{code}/move", json=move)
            assert reply.status_code == 200
            made.append(reply.json())
        feed = client.get("/api/v1/changes", params={"after": after})
        stored = client.get(f"/api/v1/dossiers/{code}")
    assert feed.status_code == 200
    body = feed.json()
    assert body["epoch"] == feed.headers["X-Server-Epoch"] == start["epoch"]
    changes = body["changes"]
    assert changes == made
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3 and seqs[0] > after
    assert [c["TrangThaiHoSo"] for c in changes] == [4, 5, 9]
    assert all(c["MaHoSo"] == code and len(c["ThoiDiemXuLy"]) == 14 for c in changes)
    assert changes[0]["NguoiXuLy"] == "Phạm Thị D"
    assert changes[1]["NoiDungXuLy"] == "Bổ sung bản sao giấy chứng sinh"
    assert body["last_seq"] == seqs[-1] and body["more"] is False
    assert body["head_seq"] >= seqs[-1]
    assert stored.headers["X-TrangThaiHoSo"] == "9"


def test_the_feed_pages_and_shows_each_office_only_its_own(provincial):
    mine, theirs = provincial.token(), provincial.token(OTHER_OFFICE)
    code, other = new_code(), new_code(OTHER_OFFICE)
    with provincial.client(mine) as client, provincial.client(theirs) as other_client:
        post_batch(client, [dossier_op(code)])
        post_batch(other_client, [dossier_op(other)])
        after = client.get("/api/v1/changes").json()["head_seq"]
        for action in ("processing", "supplement", "processing"):
            provincial.ops("POST", f"/_ops/dossiers/{code}/move", json={"action": action})
        provincial.ops("POST", f"/_ops/dossiers/{other}/move", json={"action": "done"})
        page = client.get("/api/v1/changes", params={"after": after, "limit": 2}).json()
        assert [c["TrangThaiHoSo"] for c in page["changes"]] == [4, 5] and page["more"] is True
        rest = client.get("/api/v1/changes", params={"after": page["last_seq"]}).json()
        assert [c["TrangThaiHoSo"] for c in rest["changes"]] == [4] and rest["more"] is False
        assert all(c["MaHoSo"] == code for c in page["changes"] + rest["changes"])
        theirs_feed = other_client.get("/api/v1/changes", params={"after": after}).json()
        assert [c["MaHoSo"] for c in theirs_feed["changes"]] == [other]
        assert client.get("/api/v1/changes", params={"after": -1}).status_code == 400


def test_moving_an_unknown_dossier_or_without_operator_token(provincial):
    assert (
        provincial.ops(
            "POST", f"/_ops/dossiers/{new_code()}/move", json={"action": "done"}
        ).status_code
        == 404
    )
    code = new_code()
    with provincial.client(provincial.token()) as client:
        post_batch(client, [dossier_op(code)])
        refused = client.post(f"/_ops/dossiers/{code}/move", json={"action": "done"})
        assert refused.status_code == 403
    bad = provincial.ops("POST", f"/_ops/dossiers/{code}/move", json={"action": "fly"})
    assert bad.status_code == 422
