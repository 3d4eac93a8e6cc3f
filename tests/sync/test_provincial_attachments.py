"""Attachments by SHA-256: resumable upload, hash check, dossiers citing them."""

from __future__ import annotations

import hashlib
import os
import socket
import time

from provincial_helpers import dossier_op, new_code, post_batch, statuses

from counter_app.domain.sync_payload import AttachmentRef


def _put(client, sha, chunk, offset, length):
    headers = {"Upload-Offset": str(offset), "Upload-Length": str(length)}
    headers["Content-Type"] = "application/octet-stream"
    return client.put(f"/api/v1/attachments/{sha}", content=chunk, headers=headers)


def test_upload_in_two_parts_then_cite_it_in_a_dossier(provincial):
    token = provincial.token()
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    half = len(data) // 2
    with provincial.client(token) as client:
        assert client.head(f"/api/v1/attachments/{sha}").status_code == 404
        code = new_code()
        ref = AttachmentRef(sha, "to-khai.pdf", len(data), "application/pdf")
        early = post_batch(client, [dossier_op(code, files=(ref,))])
        result = early.json()["results"][0]
        assert (result["code"], result["retryable"]) == ("attachment_missing", True)

        first = _put(client, sha, data[:half], 0, len(data))
        assert first.status_code == 202
        assert first.json() == {"sha256": sha, "status": "partial", "received": half}
        head = client.head(f"/api/v1/attachments/{sha}")
        assert head.status_code == 200
        assert head.headers["Upload-Offset"] == str(half)
        assert (head.headers["Upload-Length"], head.headers["Upload-Complete"]) == (
            str(len(data)),
            "0",
        )
        wrong = _put(client, sha, data[half + 10 :], half + 10, len(data))
        assert wrong.status_code == 409 and wrong.headers["Upload-Offset"] == str(half)
        rest = _put(client, sha, data[half:], half, len(data))
        assert rest.status_code == 201 and rest.json()["status"] == "complete"
        head = client.head(f"/api/v1/attachments/{sha}")
        assert head.headers["Upload-Complete"] == "1"
        assert head.headers["Upload-Offset"] == str(len(data))
        again = _put(client, sha, data, 0, len(data))  # already there: nothing to do
        assert again.status_code == 200 and again.json()["status"] == "complete"

        assert statuses(post_batch(client, [dossier_op(code, files=(ref,))])) == ["accepted"]
    assert provincial.ops("GET", f"/_ops/attachments/{sha}").content == data


def test_a_file_that_does_not_match_its_hash_is_thrown_away(provincial):
    token = provincial.token()
    data = os.urandom(50_000)
    sha = hashlib.sha256(b"something else" + data).hexdigest()
    with provincial.client(token) as client:
        reply = _put(client, sha, data, 0, len(data))
        assert reply.status_code == 422 and reply.json()["error"] == "hash_mismatch"
        assert client.head(f"/api/v1/attachments/{sha}").status_code == 404
        too_long = _put(client, sha, data + b"x", 0, len(data))
        assert too_long.status_code == 422 and too_long.json()["error"] == "too_long"
        assert _put(client, "ABC", data, 0, len(data)).status_code == 400
        assert _put(client, sha, data, 0, 60 * 1024 * 1024).status_code == 413


def test_an_upload_cut_midway_resumes_from_what_arrived(provincial):
    token = provincial.token()
    data = os.urandom(200_000)
    sha = hashlib.sha256(data).hexdigest()
    sent = 120_000
    head = (
        f"PUT /api/v1/attachments/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {token}\r\nUpload-Offset: 0\r\nUpload-Length: {len(data)}\r\n"
        f"Content-Type: application/octet-stream\r\nContent-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", provincial.port), timeout=10) as sock:
        sock.sendall(head + data[:sent])
        time.sleep(0.3)  # the bytes reach the server before the line goes down
    with provincial.client(token) as client:
        deadline = time.monotonic() + 10
        while True:
            state = client.head(f"/api/v1/attachments/{sha}")
            if state.headers.get("Upload-Offset") == str(sent) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert state.headers["Upload-Offset"] == str(sent)
        assert state.headers["Upload-Complete"] == "0"
        rest = _put(client, sha, data[sent:], sent, len(data))
        assert rest.status_code == 201
    assert provincial.ops("GET", f"/_ops/attachments/{sha}").content == data
