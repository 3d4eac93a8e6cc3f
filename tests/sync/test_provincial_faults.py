"""Each switchable fault, as a client meets it on a real socket."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from provincial_helpers import dossier_op, new_code, post_batch, statuses

from counter_app.clock import vietnam_now
from counter_app.domain.sync_payload import parse_portal_time


def test_faults_need_the_operator_token(provincial):
    with provincial.client(provincial.token()) as client:
        assert client.put("/_ops/faults", json={"fail_503": 1}).status_code == 403
    assert provincial.ops("PUT", "/_ops/faults", json={"nonsense": 1}).status_code == 422
    assert provincial.ops("PUT", "/_ops/faults", json={"fail_503": -1}).status_code == 422


def test_503_n_times_then_success(provincial):
    token = provincial.token()
    code = new_code()
    ops = [dossier_op(code)]
    provincial.faults(fail_503=2)
    with provincial.client(token) as client:
        for _ in range(2):
            reply = post_batch(client, ops, key=f"k503-{code}")
            assert reply.status_code == 503
            assert reply.json()["error"] == "unavailable"
            assert provincial.inspect(code).status_code == 404  # nothing applied
        reply = post_batch(client, ops, key=f"k503-{code}")
    assert reply.status_code == 200 and statuses(reply) == ["accepted"]
    assert provincial.ops("GET", "/_ops/faults").json()["fail_503"] == 0


def test_429_with_retry_after(provincial):
    token = provincial.token()
    provincial.faults(throttle_429=1, retry_after=7)
    with provincial.client(token) as client:
        reply = post_batch(client, [dossier_op(new_code())])
        assert reply.status_code == 429
        assert reply.headers["Retry-After"] == "7"
        assert reply.json()["error"] == "rate_limited"
        assert client.get("/api/v1/changes").status_code == 200


def test_commit_then_drop_connection(provincial):
    token = provincial.token()
    code = new_code()
    ops = [dossier_op(code)]
    provincial.faults(drop_after_commit=1)
    with provincial.client(token) as client, pytest.raises(httpx.TransportError):
        post_batch(client, ops, key=f"kdrop-{code}")
    assert provincial.inspect(code).status_code == 200  # the server has it all the same
    with provincial.client(token) as client:
        replay = post_batch(client, ops, key=f"kdrop-{code}")
        assert statuses(replay) == ["accepted"] and replay.headers["Idempotent-Replayed"] == "true"
        assert statuses(post_batch(client, ops)) == ["duplicate"]


def test_slow_answer_beyond_the_client_timeout(provincial):
    token = provincial.token()
    code = new_code()
    provincial.faults(slow=1, slow_seconds=2.5)
    client = provincial.client(token, timeout=httpx.Timeout(1.0))
    with client, pytest.raises(httpx.ReadTimeout):
        post_batch(client, [dossier_op(code)])
    assert provincial.inspect(code).status_code == 200  # committed before the wait


def test_truncated_body_is_an_incomplete_read(provincial):
    token = provincial.token()
    code = new_code()
    provincial.faults(truncate=1)
    with provincial.client(token) as client, pytest.raises(httpx.RemoteProtocolError):
        post_batch(client, [dossier_op(code)])
    assert provincial.inspect(code).status_code == 200


def test_truncated_json_in_a_complete_answer(provincial):
    token = provincial.token()
    code = new_code()
    provincial.faults(truncate_json=1)
    with provincial.client(token) as client:
        reply = post_batch(client, [dossier_op(code)])
    assert reply.status_code == 200
    assert int(reply.headers["Content-Length"]) == len(reply.content)
    with pytest.raises(json.JSONDecodeError):
        reply.json()
    assert provincial.inspect(code).status_code == 200


def test_captive_portal_page(provincial):
    token = provincial.token()
    code = new_code()
    provincial.faults(captive=1)
    with provincial.client(token) as client:
        reply = post_batch(client, [dossier_op(code)])
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("text/html")
    assert "X-Server-Epoch" not in reply.headers
    assert "<html" in reply.text
    assert provincial.inspect(code).status_code == 404


def test_faults_can_target_one_path(provincial):
    token = provincial.token()
    provincial.faults(fail_503=1, match="/api/v1/batch")
    with provincial.client(token) as client:
        assert client.get("/api/v1/changes").status_code == 200
        assert post_batch(client, [dossier_op(new_code())]).status_code == 503


def test_server_clock_header_and_skew(provincial):
    provincial.faults(clock_offset=600)
    with provincial.client() as client:
        reply = client.get("/api/v1/info")
    skew = parse_portal_time(reply.headers["X-Server-Time"]) - vietnam_now()
    assert timedelta(minutes=9) < skew < timedelta(minutes=11)
    assert reply.json()["server_time"] == reply.headers["X-Server-Time"]
