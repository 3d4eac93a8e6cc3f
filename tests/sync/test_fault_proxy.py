"""The TCP fault proxy plays a bad line accurately: latency, bandwidth, resets, black hole."""

from __future__ import annotations

import socket
import socketserver
import statistics
import threading
import time
from collections.abc import Iterator

import pytest

from counter_app.sync.fault_proxy import FaultProxy


class _Echo(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(5)
        try:
            while data := self.request.recv(65536):
                self.server.received += len(data)  # type: ignore[attr-defined]
                self.request.sendall(data)
        except OSError:
            pass


class _EchoServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    received = 0


@pytest.fixture
def echo() -> Iterator[_EchoServer]:
    server = _EchoServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def proxy(echo: _EchoServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", echo.server_address[1]) as started:
        yield started


def _connect(proxy: FaultProxy, timeout: float = 3.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", proxy.port), timeout=timeout)


def _read_until_reset(sock: socket.socket) -> tuple[bytes, bool]:
    """Everything received until the connection ends; True when it ended by a reset."""
    got = bytearray()
    try:
        while data := sock.recv(65536):
            got += data
    except ConnectionResetError:
        return bytes(got), True
    return bytes(got), False


def _echo_time(sock: socket.socket, payload: bytes) -> float:
    started = time.perf_counter()
    sock.sendall(payload)
    got = 0
    while got < len(payload):
        got += len(sock.recv(65536))
    return time.perf_counter() - started


def test_forwards_both_ways_and_counts_bytes(proxy, echo):
    payload = bytes(range(256)) * 40
    with _connect(proxy) as sock:
        _echo_time(sock, payload)
    assert echo.received == len(payload)
    assert proxy.bytes_up == proxy.bytes_down == len(payload)
    assert proxy.connections == 1


def test_latency_is_added_in_each_direction(proxy):
    proxy.configure(latency_up_ms=40, latency_down_ms=60)
    with _connect(proxy) as sock:
        rtt = statistics.median(_echo_time(sock, b"ping") for _ in range(3))
    assert 0.095 <= rtt <= 0.15


def test_bandwidth_is_paced_and_latency_does_not_cut_it(proxy):
    proxy.configure(bandwidth_bps=400_000, latency_up_ms=50, latency_down_ms=50)
    payload = b"x" * 25_000  # 0.5 s at 50 kB/s each way; echoed as it arrives
    with _connect(proxy) as sock:
        took = _echo_time(sock, payload)
    assert 0.58 <= took <= 0.72  # 0.5 s of line plus 0.1 s of latency, pipelined


def test_reset_after_bytes_upstream(proxy, echo):
    proxy.configure(reset_after_up=1000)
    with _connect(proxy) as sock:
        sock.sendall(b"a" * 5000)
        got, reset = _read_until_reset(sock)
    assert reset and len(got) <= 1000
    assert echo.received == 1000  # exactly the bytes before the cut reached the target


def test_reset_after_bytes_downstream(proxy):
    proxy.configure(reset_after_down=300)
    with _connect(proxy) as sock:
        sock.sendall(b"b" * 1000)
        got, reset = _read_until_reset(sock)
    assert reset and got == b"b" * 300


def test_black_hole_makes_the_client_time_out(proxy, echo):
    proxy.configure(black_hole=True)
    with _connect(proxy, timeout=0.3) as sock:
        sock.sendall(b"hello?")
        started = time.perf_counter()
        with pytest.raises(TimeoutError):
            sock.recv(100)
    assert time.perf_counter() - started >= 0.29
    assert echo.received == 0


def test_refuse_resets_at_once_and_faults_change_at_runtime(proxy):
    proxy.configure(refuse=True)
    try:  # the reset may come before connect() has even returned
        with _connect(proxy) as sock:
            got, reset = _read_until_reset(sock)
    except ConnectionResetError:
        got, reset = b"", True
    assert got == b"" and reset
    proxy.clear()
    with _connect(proxy) as sock:
        assert _echo_time(sock, b"back") < 0.05
        proxy.configure(latency_down_ms=80)  # the open connection feels it too
        assert _echo_time(sock, b"slow") >= 0.075


def test_stop_resets_open_connections(echo):
    proxy = FaultProxy("127.0.0.1", echo.server_address[1]).start()
    sock = _connect(proxy)
    _echo_time(sock, b"hi")
    proxy.stop()
    proxy.stop()  # twice is harmless
    with sock:
        got, _reset = _read_until_reset(sock)
    assert got == b""
    with pytest.raises(OSError):
        _connect(proxy, timeout=0.5).close()
