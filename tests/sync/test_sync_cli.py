"""`counter-app admin sync-token`, `sync --once` and `provincial-server`, run as processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cli_runner import run_cli
from provincial_helpers import OFFICE, free_port

INIT = [
    "admin",
    "init",
    "--office-name",
    "Trung tâm Phục vụ hành chính công xã Phong Thổ",
    "--agency-code",
    OFFICE,
    "--province",
    "01",
    "--commune",
    "00004",
    "--admin-user",
    "quantri",
    "--admin-name",
    "Lò Văn Páo",
]


def run(tmp_path: Path, url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_cli(tmp_path, *args, stdin=stdin, env={"MOTCUA_SYNC__URL": url})


def test_token_then_one_round_of_sending(tmp_path, start_provincial):
    province = start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")
    url = province.base_url
    assert run(tmp_path, url, *INIT, stdin="matkhau123\n").returncode == 0
    missing = run(tmp_path, url, "sync", "--once")
    assert missing.returncode == 1 and "Chưa có mã truy cập" in missing.stdout
    token = province.token(OFFICE)
    saved = run(
        tmp_path, url, "admin", "sync-token", "--as", "quantri", stdin=f"matkhau123\n{token}\n"
    )
    assert saved.returncode == 0, saved.stderr
    assert "Đã lưu mã truy cập" in saved.stdout
    sent = run(tmp_path, url, "sync", "--once")
    assert sent.returncode == 0, sent.stderr
    assert "Đồng bộ: đã gửi 0" in sent.stdout  # nothing received yet, but the round succeeded
    bad = run(tmp_path, url, "admin", "sync-token", "--as", "quantri", stdin="matkhau123\nngắn\n")
    assert bad.returncode == 1 and "không hợp lệ" in bad.stderr


def test_provincial_server_verb_serves(tmp_path):
    port_probe = free_port()
    env = dict(os.environ, MOTCUA_CONFIG_DIR=str(tmp_path / "cfg"))
    argv = [sys.executable, "-m", "counter_app", "provincial-server"]
    argv += ["--db", f"sqlite:///{tmp_path / 'p.sqlite3'}", "--port", str(port_probe)]
    argv += ["--operator-token", "op-token-0000000000", "--log-level", "warning"]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                reply = httpx.get(f"http://127.0.0.1:{port_probe}/api/v1/info", timeout=1.0)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise AssertionError(process.stdout.read().decode()) from None
                time.sleep(0.1)
        assert reply.status_code == 200 and reply.json()["protocol"] == 1
    finally:
        process.terminate()
        process.wait(timeout=10)
