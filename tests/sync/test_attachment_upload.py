"""upload_file through the HTTP adapter: resumed after a cut, restarted once on a bad hash."""

from __future__ import annotations

import hashlib
import os

import pytest

from counter_app.sync.fault_proxy import FaultProxy
from counter_app.sync.http_adapter import HttpProvincialAdapter
from counter_app.sync.provincial import (
    AttachmentState,
    RequestRefused,
    SyncUnavailable,
    upload_file,
)


@pytest.fixture
def adapter(provincial):
    with HttpProvincialAdapter(provincial.base_url, provincial.token(), read_timeout=5.0) as made:
        yield made


def test_upload_resumes_after_a_cut_mid_file(provincial, tmp_path):
    data = os.urandom(600_000)
    sha = hashlib.sha256(data).hexdigest()
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    with (
        FaultProxy("127.0.0.1", provincial.port) as proxy,
        HttpProvincialAdapter(proxy.url, provincial.token(), read_timeout=5.0) as adapter,
    ):
        proxy.configure(reset_after_up=200_000)
        with pytest.raises(SyncUnavailable):
            upload_file(adapter, sha, path)
        proxy.clear()
        cut = adapter.attachment_state(sha)
        assert 0 < cut.received < len(data) and cut.length == len(data) and not cut.complete
        # Out of step: the province says where it stands instead of failing.
        assert adapter.upload(sha, cut.received + 1, len(data), b"x") == AttachmentState(
            cut.received, len(data), False
        )
        done = upload_file(adapter, sha, path, chunk_size=64 * 1024)
    assert done == AttachmentState(len(data), len(data), True)
    assert provincial.ops("GET", f"/_ops/attachments/{sha}").content == data


class _Counting:
    """An adapter that notes the offset of every upload call."""

    def __init__(self, inner):
        self.inner, self.offsets = inner, []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def upload(self, sha256, offset, length, chunk):
        self.offsets.append(offset)
        return self.inner.upload(sha256, offset, length, chunk)


def test_hash_mismatch_restarts_once_then_refuses(adapter, tmp_path):
    path = tmp_path / "wrong.bin"
    path.write_bytes(os.urandom(10_000))
    sha = hashlib.sha256(b"another file").hexdigest()
    counting = _Counting(adapter)
    with pytest.raises(RequestRefused) as refused:
        upload_file(counting, sha, path, chunk_size=4096)
    assert refused.value.code == "hash_mismatch"
    assert counting.offsets == [0, 4096, 8192] * 2
    assert adapter.attachment_state(sha) == AttachmentState(0, None, False)
    good = tmp_path / "good.bin"
    good.write_bytes(b"another file")
    assert upload_file(counting, sha, good).complete
    counting.offsets.clear()
    assert upload_file(counting, sha, good).complete and counting.offsets == []  # HEAD only
