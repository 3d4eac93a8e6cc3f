"""What the HTTP adapter makes of answers the reference server never gives (a mock transport)."""

from __future__ import annotations

import httpx
import pytest
from provincial_helpers import OFFICE, dossier_op, new_code, rating_op

from counter_app.domain.sync_payload import batch_body
from counter_app.sync.http_adapter import HttpProvincialAdapter
from counter_app.sync.provincial import AuthRejected, RequestRefused, SyncUnavailable


def _mock(handler):
    return HttpProvincialAdapter(
        "http://province.test", "t", transport=httpx.MockTransport(handler), read_timeout=1.0
    )


OURS = {"X-Server-Epoch": "e1", "X-Server-Time": "20261123083005"}


@pytest.mark.parametrize(
    ("status", "headers", "content", "expected"),
    [
        (200, OURS, b'{"results":[]}', SyncUnavailable),  # one result short
        (200, {"Content-Type": "application/json"}, b'{"results":[]}', SyncUnavailable),
        (302, {"Location": "http://portal.test/login"}, b"", SyncUnavailable),
        (403, {"Content-Type": "text/html"}, b"<html>blocked</html>", SyncUnavailable),
        (413, {"Content-Type": "text/html"}, b"<html>too big</html>", RequestRefused),
        (502, {}, b"bad gateway", SyncUnavailable),
        (401, {}, b"", AuthRejected),
    ],
)
def test_answers_that_are_not_the_protocols(status, headers, content, expected):
    def handler(request):
        return httpx.Response(status, headers=headers, content=content)

    with _mock(handler) as adapter, pytest.raises(expected) as raised:
        adapter.push(batch_body([dossier_op(new_code())]), "k")
    assert type(raised.value) is expected
    assert adapter.last_epoch == ("e1" if headers is OURS else None)


def test_retry_after_as_an_http_date():
    def handler(request):
        assert request.headers["Content-Encoding"] == "gzip"
        assert request.headers["Authorization"] == "Bearer t"
        at = httpx.Headers({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
        return httpx.Response(503, headers=at, content=b"")

    with _mock(handler) as adapter, pytest.raises(SyncUnavailable) as failed:
        adapter.push(batch_body([rating_op(OFFICE)]), "k")
    assert failed.value.retry_after == 0.0
