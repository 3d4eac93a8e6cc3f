"""The province's answers, fuzzed: wrong types, cut-short JSON, odd headers. The HTTP client
turns each into an answer or its own errors ("no connection", refused, token), never a
KeyError or TypeError."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from provincial_helpers import OFFICE, dossier_op, new_code, rating_op
from strategies import hostile, is_vietnamese_message

from counter_app.domain.sync_payload import batch_body
from counter_app.sync.http_adapter import MAX_RETRY_AFTER, HttpProvincialAdapter
from counter_app.sync.provincial import (
    AttachmentState,
    AuthRejected,
    ChangesPage,
    ReconcileReply,
    RequestRefused,
    SyncUnavailable,
)

PROTOCOL_WORDS = ["e1", "20261123083005", "accepted", "duplicate", "rejected", "complete"]
PROTOCOL_WORDS += ["partial", "offset_mismatch", "hash_mismatch", "op-1", "\x00", "²"]
KEYS = ["epoch", "server_time", "limits", "results", "status", "op_id", "code", "message"]
KEYS += ["retryable", "received", "changes", "change_id", "seq", "last_seq", "head_seq", "more"]
KEYS += ["dossiers", "ratings", "attachments", "MaHoSo", "have_seq", "have_hash", "sha256"]
KEYS += ["error", "limits"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.sampled_from(PROTOCOL_WORDS),
    hostile,
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=12,
)
protocol_like = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8)


def _encoded(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


bodies = st.one_of(
    protocol_like.map(_encoded),
    json_values.map(_encoded),
    protocol_like.map(_encoded).flatmap(lambda b: st.integers(0, len(b)).map(lambda n: b[:n])),
    st.binary(max_size=60),
    st.integers(1_000, 50_000).map(lambda n: b"[" * n + b"]" * n),  # deeper than the parser
    st.sampled_from([b'{"seq":1e999}', b'{"epoch":NaN}', b"\xff\xfe{}", b'{"a":"\\ud800"}']),
)
header_values = st.one_of(
    st.none(),
    st.sampled_from(["0", "10", "²", "9" * 30, "-1", " 5 ", "1" * 400, "0 0 0 0"]),
    st.sampled_from(["Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 +2359"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
)
HEADERS = ("X-Server-Time", "Retry-After", "Upload-Offset", "Upload-Length", "Upload-Complete")
random_answers = st.fixed_dictionaries(
    {
        "status": st.sampled_from([200, 201, 204, 302, 400, 401, 404, 409, 413, 429, 500, 503]),
        "type": st.sampled_from(["application/json", "application/json; charset=utf-8", None]),
        "epoch": st.sampled_from(["e1", None]),
        "headers": st.fixed_dictionaries({name: header_values for name in HEADERS}),
        "body": bodies,
    }
)


def _adapter(answer: dict[str, Any]) -> HttpProvincialAdapter:
    headers: dict[str, bytes] = {}
    if answer["type"]:
        headers["Content-Type"] = answer["type"].encode()
    if answer["epoch"]:
        headers["X-Server-Epoch"] = answer["epoch"].encode()
    for name, value in answer["headers"].items():
        if value is not None:
            headers[name] = value.encode("latin-1")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(answer["status"], headers=headers, content=answer["body"])

    transport = httpx.MockTransport(handler)
    return HttpProvincialAdapter("http://province.test", "t", transport=transport)


SHA = "ab" * 32
BATCH = batch_body([dossier_op(new_code()), rating_op(OFFICE)])
OP_IDS = [item["op_id"] for item in json.loads(BATCH)["items"]]
CHANGE = {"change_id": "c1", "seq": 1, "MaHoSo": "C", "TrangThaiHoSo": 4}
RESULTS = [{"op_id": OP_IDS[0], "status": "accepted"}, {"op_id": OP_IDS[1], "status": "duplicate"}]
#: A sound answer of each call, for the fuzzer to spoil one member at a time.
SOUND: dict[str, tuple[int, object]] = {
    "server_info": (200, {"epoch": "e1", "server_time": "20261123083005", "limits": {}}),
    "push": (200, {"results": RESULTS}),
    "attachment_state": (200, {}),
    "upload": (200, {"status": "partial", "received": 10}),
    "pull_changes": (
        200,
        {"changes": [CHANGE], "last_seq": 1, "epoch": "e1", "head_seq": 1, "more": False},
    ),
    "reconcile": (
        200,
        {
            "epoch": "e1",
            "dossiers": [{"MaHoSo": "C", "have_seq": 0, "have_hash": None}],
            "ratings": ["r"],
            "attachments": [{"sha256": SHA, "received": 0}],
        },
    ),
    "dossier": (200, {"MaHoSo": "C"}),
}
SOUND_HEADERS = {"X-Server-Time": "20261123083005", "Upload-Offset": "10", "Upload-Length": "100"}


@st.composite
def spoiled(draw: st.DrawFn, value: object, depth: int = 0) -> object:
    """The value with one member somewhere replaced by fuzz or taken out."""
    if depth > 3 or draw(st.integers(0, 4)) == 0:
        return draw(json_values)
    if isinstance(value, dict) and value:
        key = draw(st.sampled_from(sorted(value)))
        if draw(st.booleans()):
            return {k: v for k, v in value.items() if k != key}
        return {**value, key: draw(spoiled(value[key], depth + 1))}
    if isinstance(value, list) and value:
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], draw(spoiled(value[index], depth + 1)), *value[index + 1 :]]
    return draw(json_values)


def near_sound_answers(call: str) -> st.SearchStrategy[dict[str, Any]]:
    """The call's sound answer, often with one member spoiled or one header fuzzed."""
    status, body = SOUND[call]
    headers = st.fixed_dictionaries(
        {name: st.sampled_from([SOUND_HEADERS.get(name)] * 3) | header_values for name in HEADERS}
    )
    return st.fixed_dictionaries(
        {
            "status": st.sampled_from([status, status, status, 404, 409]),
            "type": st.just("application/json"),
            "epoch": st.just("e1"),
            "headers": headers,
            "body": st.one_of(st.just(body), spoiled(body), spoiled(body)).map(_encoded),
        }
    )


CALLS: dict[str, Callable[[HttpProvincialAdapter], object]] = {
    "server_info": lambda a: a.server_info(),
    "push": lambda a: a.push(BATCH, "k"),
    "attachment_state": lambda a: a.attachment_state(SHA),
    "upload": lambda a: a.upload(SHA, 0, 100, b"x" * 10),
    "pull_changes": lambda a: a.pull_changes(0),
    "reconcile": lambda a: a.reconcile([("C", 1, None)], ["r"], [SHA]),
    "dossier": lambda a: a.dossier("C"),
}


def _sound_answer(result: object) -> None:
    """What the sender, puller and reconciler rely on in an answer taken as the province's."""
    if isinstance(result, AttachmentState):
        assert result.received >= 0
        assert result.length is None or result.received <= result.length
    elif isinstance(result, ChangesPage):
        seqs = [c["seq"] for c in result.changes]
        assert seqs == sorted(set(seqs)) and all(isinstance(s, int) for s in seqs)
        assert all(isinstance(c["change_id"], str) for c in result.changes)
    elif isinstance(result, ReconcileReply):
        assert all(d.code.isprintable() and 0 <= d.have_seq < 2**63 for d in result.dossiers)
        assert all(isinstance(k, str) and k.isprintable() for k in result.ratings)


@pytest.mark.parametrize("call", list(CALLS))
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_any_answer_is_a_result_or_the_clients_own_error(call: str, data: st.DataObject):
    """Found by this test: "[[[[…" escaped as RecursionError, "Upload-Offset: ²" as ValueError,
    a Retry-After in year 9999 as an infinite wait, a negative "received" as a seek error."""
    answer = data.draw(st.one_of(random_answers, near_sound_answers(call)), label="answer")
    with _adapter(answer) as adapter:
        try:
            result = CALLS[call](adapter)
        except (SyncUnavailable, AuthRejected, RequestRefused) as exc:
            assert str(exc).strip() and "\x00" not in str(exc)
            if isinstance(exc, SyncUnavailable | AuthRejected):
                assert is_vietnamese_message(str(exc)), str(exc)
            wait = getattr(exc, "retry_after", None)
            assert wait is None or (math.isfinite(wait) and 0 <= wait <= MAX_RETRY_AFTER)
            event(type(exc).__name__)
        else:
            _sound_answer(result)
            event("answer")
