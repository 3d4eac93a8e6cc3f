"""The HTTP provincial adapter against the reference server: answers, faults, epochs, clock."""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import timedelta

import pytest
from provincial_helpers import (
    OTHER_OFFICE,
    dossier_op,
    free_port,
    new_code,
    rating_op,
    status_op,
)

from counter_app.clock import vietnam_now
from counter_app.domain.sync_payload import batch_body, content_hash, new_op_id
from counter_app.sync.fault_proxy import FaultProxy
from counter_app.sync.http_adapter import HttpProvincialAdapter
from counter_app.sync.provincial import (
    SKEW_WARNING,
    AttachmentState,
    AuthRejected,
    MissingAttachment,
    MissingDossier,
    RateLimited,
    RequestRefused,
    SyncUnavailable,
    clock_skew,
    skew_warning,
    upload_file,
)


@pytest.fixture
def adapter(provincial):
    with HttpProvincialAdapter(
        provincial.base_url, provincial.token(), connect_timeout=2.0, read_timeout=5.0
    ) as made:
        yield made


def _statuses(reply):
    return [r.status for r in reply.results]


def _applied_ops(provincial, code):
    return len(provincial.inspect(code).json()["ops"])


def test_push_gives_one_result_per_item_in_order(provincial, adapter):
    code = new_code()
    ops = [
        dossier_op(code),
        status_op(code, 3, status=4),
        status_op(code, 2, status=3),  # late: recorded, does not roll the status back
        rating_op(),
        dossier_op(new_code(OTHER_OFFICE)),
        status_op(new_code(), 2),
    ]
    reply = adapter.push(batch_body(ops), f"push-{code}")
    assert [r.op_id for r in reply.results] == [op.op_id for op in ops]
    assert _statuses(reply) == ["accepted"] * 4 + ["rejected"] * 2
    assert reply.results[2].superseded and not reply.results[1].superseded
    wrong, unknown = reply.results[4], reply.results[5]
    assert (wrong.code, wrong.retryable) == ("wrong_office", False) and wrong.message
    assert (unknown.code, unknown.retryable) == ("unknown_dossier", True)
    assert not reply.replayed
    assert reply.epoch == adapter.last_epoch == adapter.server_info().epoch
    assert reply.server_time is not None
    assert abs(clock_skew(reply.server_time, vietnam_now())) < timedelta(minutes=1)
    assert provincial.inspect(code).json()["status"] == 4


def test_replay_with_the_same_key_is_identical(adapter):
    code = new_code()
    body = batch_body([dossier_op(code), status_op(new_code(), 2)])
    first = adapter.push(body, f"replay-{code}")
    again = adapter.push(body, f"replay-{code}")
    assert again.replayed and again.results == first.results
    fresh = adapter.push(body, f"other-{code}")
    assert not fresh.replayed and _statuses(fresh) == ["duplicate", "rejected"]
    with pytest.raises(RequestRefused) as refused:
        adapter.push(batch_body([dossier_op(new_code())]), f"replay-{code}")
    assert (refused.value.status, refused.value.code) == (422, "idempotency_key_reused")
    with pytest.raises(RequestRefused) as bad_key:
        adapter.push(body, "no spaces allowed")
    assert (bad_key.value.status, bad_key.value.code) == (400, "bad_idempotency_key")


@pytest.mark.parametrize("fault", ["fail_503", "truncate", "truncate_json", "captive"])
def test_unknown_outcomes_are_unavailable(provincial, adapter, fault):
    code = new_code()
    body = batch_body([dossier_op(code)])
    epoch = adapter.server_info().epoch
    seen_time = adapter.last_server_time
    provincial.faults(**{fault: 1})
    with pytest.raises(SyncUnavailable) as failed:
        adapter.push(body, f"{fault}-{code}")
    assert not isinstance(failed.value, RateLimited)
    assert str(failed.value) and failed.value.retry_after is None
    assert adapter.last_epoch == epoch
    if fault == "captive":
        assert adapter.last_server_time == seen_time  # a portal page tells nothing
    applied = fault.startswith("truncate")  # handled, then the answer was spoilt
    assert provincial.inspect(code).status_code == (200 if applied else 404)
    reply = adapter.push(body, f"{fault}-{code}")  # the same body under the same key
    assert _statuses(reply) == ["accepted"] and reply.replayed == applied


def test_captive_portal_before_any_answer_leaves_no_epoch(provincial):
    provincial.faults(captive=1)
    with HttpProvincialAdapter(provincial.base_url, "no-token", read_timeout=5.0) as fresh:
        with pytest.raises(SyncUnavailable):
            fresh.server_info()
        assert fresh.last_epoch is None and fresh.last_server_time is None
        assert fresh.server_info().epoch == fresh.last_epoch  # /info needs no token


def test_429_is_rate_limited_with_retry_after(provincial, adapter):
    provincial.faults(throttle_429=1, retry_after=7)
    with pytest.raises(RateLimited) as limited:
        adapter.pull_changes(0, limit=1)
    assert limited.value.retry_after == 7.0 and "7" in str(limited.value)


def test_drop_after_commit_then_resend_applies_nothing_twice(provincial, adapter):
    code = new_code()
    body, key = batch_body([dossier_op(code), status_op(code, 2)]), f"drop-{code}"
    provincial.faults(drop_after_commit=1)
    with pytest.raises(SyncUnavailable):
        adapter.push(body, key)
    assert _applied_ops(provincial, code) == 2  # committed before the cut
    again = adapter.push(body, key)
    assert again.replayed and _statuses(again) == ["accepted", "accepted"]
    assert _statuses(adapter.push(body, f"new-{key}")) == ["duplicate", "duplicate"]
    assert _applied_ops(provincial, code) == 2


def test_slow_answer_past_the_read_timeout(provincial):
    code = new_code()
    provincial.faults(slow=1, slow_seconds=1.5)
    with HttpProvincialAdapter(provincial.base_url, provincial.token(), read_timeout=0.4) as quick:
        started = time.monotonic()
        with pytest.raises(SyncUnavailable):
            quick.push(batch_body([dossier_op(code)]), f"slow-{code}")
        assert time.monotonic() - started < 1.2
    assert provincial.inspect(code).status_code == 200


def test_unknown_or_revoked_token_asks_for_a_new_one(provincial):
    office = "000.00.08.H56"
    token = provincial.token(office)
    with HttpProvincialAdapter(provincial.base_url, token, read_timeout=5.0) as revoked:
        assert revoked.pull_changes(0).changes == ()
        provincial.ops("POST", f"/_ops/offices/{office}/revoke").raise_for_status()
        with pytest.raises(AuthRejected) as rejected:
            revoked.push(batch_body([dossier_op(new_code(office))]), new_op_id())
        assert "mã truy cập mới" in str(rejected.value) and rejected.value.server_message
        with pytest.raises(AuthRejected):
            revoked.attachment_state("0" * 64)  # HEAD: no body, same answer
        revoked.token = provincial.token(office)  # the admin entered a new one
        assert revoked.attachment_state("0" * 64) == AttachmentState(0, None, False)


def test_another_offices_resources_are_refused(adapter):
    other = new_code(OTHER_OFFICE)
    with pytest.raises(RequestRefused) as read:
        adapter.dossier(other)
    assert (read.value.status, read.value.code) == (403, "wrong_office")
    with pytest.raises(RequestRefused) as asked:
        adapter.reconcile([(new_code(), 1, None), (other, 1, None)], [], [])
    assert (asked.value.status, asked.value.code) == (403, "wrong_office")
    assert adapter.dossier(new_code()) is None


def test_too_many_items_is_refused_with_the_limits(provincial, adapter):
    items = [{"op_id": f"too-many-{i:04d}", "kind": "rating", "data": {}} for i in range(501)]
    with pytest.raises(RequestRefused) as refused:
        adapter.push(json.dumps({"items": items}).encode(), new_op_id())
    assert (refused.value.status, refused.value.code) == (413, "too_large")
    assert refused.value.limits and refused.value.limits["max_batch_items"] == 500


def test_pull_changes_after_an_upstream_move(provincial, adapter):
    code = new_code()
    adapter.push(batch_body([dossier_op(code)]), f"pull-{code}")
    start = adapter.pull_changes(0, limit=1).head_seq
    for action in ("processing", "done"):
        provincial.ops("POST", f"/_ops/dossiers/{code}/move", json={"action": action})
    first = adapter.pull_changes(start, limit=1)
    assert first.more and len(first.changes) == 1 and first.last_seq > start
    assert first.changes[0]["MaHoSo"] == code and first.epoch == adapter.last_epoch
    second = adapter.pull_changes(first.last_seq, limit=1)
    assert not second.more and second.changes[0]["seq"] == second.last_seq == second.head_seq
    assert adapter.pull_changes(second.last_seq).changes == ()


def test_reconcile_after_a_snapshot_restore(start_provincial, tmp_path):
    server = start_provincial(f"sqlite:///{tmp_path / 'restore.sqlite3'}")
    kept, lost = dossier_op(new_code()), dossier_op(new_code())
    rating = rating_op()
    path = tmp_path / "file.bin"
    path.write_bytes(os.urandom(5000))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    with HttpProvincialAdapter(server.base_url, server.token(), read_timeout=5.0) as adapter:
        adapter.push(batch_body([kept]), "before")
        epoch = adapter.last_epoch
        snap = server.ops("POST", "/_ops/snapshots").json()["snapshot_id"]
        assert _statuses(adapter.push(batch_body([lost, rating]), "after")) == ["accepted"] * 2
        assert upload_file(adapter, sha, path).complete
        server.ops("POST", f"/_ops/snapshots/{snap}/restore").raise_for_status()

        info = adapter.server_info()
        assert info.epoch != epoch and adapter.last_epoch == info.epoch
        key = rating.data["MaDanhGia"]
        asked = ([(kept.code, 1, content_hash(kept.data)), (lost.code, 1, None)], [key], [sha])
        reply = adapter.reconcile(*asked)
        assert reply.epoch == info.epoch
        assert reply.dossiers == (MissingDossier(lost.code, 0, None),)
        assert reply.ratings == (key,) and reply.attachments == (MissingAttachment(sha, 0),)

        again = adapter.push(batch_body([lost, rating]), "resent")  # the original op_ids
        assert _statuses(again) == ["accepted"] * 2
        assert upload_file(adapter, sha, path).complete
        assert adapter.reconcile(*asked).dossiers == ()


def test_clock_skew_of_the_server(provincial, adapter):
    adapter.server_info()
    assert skew_warning(adapter.last_server_time, vietnam_now()) is None
    provincial.faults(clock_offset=600)
    info = adapter.server_info()
    skew = clock_skew(adapter.last_server_time, vietnam_now())
    assert SKEW_WARNING < skew < timedelta(minutes=11) and info.server_time
    warning = skew_warning(adapter.last_server_time, vietnam_now())
    assert warning is not None and "chậm khoảng 10 phút" in warning


def test_a_dead_line_is_unavailable(provincial):
    with (
        FaultProxy("127.0.0.1", provincial.port) as proxy,
        HttpProvincialAdapter(proxy.url, "no-token", read_timeout=0.5) as adapter,
    ):
        proxy.configure(black_hole=True)
        started = time.monotonic()
        with pytest.raises(SyncUnavailable):
            adapter.server_info()
        assert time.monotonic() - started < 2.0
        proxy.configure(black_hole=False, refuse=True)
        with pytest.raises(SyncUnavailable):
            adapter.server_info()
        proxy.clear()
        assert adapter.server_info().epoch
    nobody = f"http://127.0.0.1:{free_port()}"
    with (
        HttpProvincialAdapter(nobody, "x", connect_timeout=1.0) as dead,
        pytest.raises(SyncUnavailable),
    ):
        dead.server_info()


def test_bytes_are_counted_as_on_the_wire(provincial):
    ops = [dossier_op(new_code()) for _ in range(20)]
    body = batch_body(ops)
    with FaultProxy("127.0.0.1", provincial.port) as proxy:
        with HttpProvincialAdapter(proxy.url, provincial.token(), read_timeout=5.0) as adapter:
            adapter.server_info()
            adapter.push(body, new_op_id())
            adapter.pull_changes(0, limit=5)
            adapter.attachment_state("1" * 64)
            sent, received = adapter.bytes_sent, adapter.bytes_received
        assert sent == proxy.bytes_up and received == proxy.bytes_down
    assert sent < len(body) / 3  # gzip on the wire
