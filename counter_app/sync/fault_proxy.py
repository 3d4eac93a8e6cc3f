"""A small TCP fault proxy: a tool for tests, benchmarks and for trying the sync on a bad line.

``FaultProxy(host, port)`` listens on 127.0.0.1 at a free port and forwards each connection
to ``host:port``, playing a bad line. Its faults can be changed at any time, from any thread:

- ``latency_up_ms`` / ``latency_down_ms``: added one-way delay, client→target / target→client;
- ``bandwidth_bps``: bits per second in each direction, shared by all connections like one
  line; data is paced in pieces of about 10 ms, and latency does not cut the throughput;
- ``reset_after_up`` / ``reset_after_down``: after that many bytes of a connection in that
  direction have been delivered, both sides get a TCP reset (SO_LINGER 0);
- ``black_hole``: connections are accepted and read, but nothing is forwarded or answered;
- ``refuse``: new connections are reset at once.

``bytes_up``, ``bytes_down`` and ``connections`` count what went through. Try the sync on a
line like a commune's: ``python -m counter_app.sync.fault_proxy 127.0.0.1:8765 --port 8766
--latency-ms 300 --bandwidth-bps 256000`` and point the office at port 8766.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, fields
from typing import Any

_PIECE_SECONDS = 0.01  # pacing granularity under a bandwidth limit
_BUFFER_BYTES = 64 * 1024  # what the line holds per direction and connection before pushing back
_RESET_GRACE = 0.05  # the bytes before a reset reach the peer's application first
_EOF = b""


@dataclass
class LineFaults:
    """What the line does now; change fields at any time (``FaultProxy.configure``)."""

    latency_up_ms: float = 0.0
    latency_down_ms: float = 0.0
    bandwidth_bps: float | None = None
    reset_after_up: int | None = None
    reset_after_down: int | None = None
    black_hole: bool = False
    refuse: bool = False


class _Reset(Exception):
    """The line resets this connection."""


def _rst(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP reset rather than a FIN."""
    sock = writer.get_extra_info("socket")
    with contextlib.suppress(AttributeError, OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class _Direction:
    """One direction of one connection: pieces queued with the time each is due."""

    def __init__(self, up: bool) -> None:
        self.up = up
        self.items: deque[tuple[float, bytes | None]] = deque()  # None: reset
        self.queued = 0
        self.readable = asyncio.Event()
        self.writable = asyncio.Event()
        self.writable.set()


class FaultProxy:
    """A TCP proxy on 127.0.0.1 that forwards to a target through a switchable bad line."""

    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.faults = LineFaults()
        self.port = port
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self._line_free_at = {True: 0.0, False: 0.0}  # per direction: when the line is idle
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``, for HTTP clients."""
        return f"http://127.0.0.1:{self.port}"

    def configure(self, **faults: Any) -> None:
        """Change some faults (names of LineFaults); the others stay as they are."""
        names = {f.name for f in fields(LineFaults)}
        unknown = set(faults) - names
        if unknown:
            raise TypeError(f"unknown faults: {sorted(unknown)}")
        for name, value in faults.items():
            setattr(self.faults, name, value)

    def clear(self) -> None:
        """A good line again (connections already open keep their byte counts)."""
        self.faults = LineFaults()

    def start(self) -> FaultProxy:
        """Start listening (in a background thread); returns once the port is open."""
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._accept, "127.0.0.1", self.port)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fault proxy did not start")
        return self

    def stop(self) -> None:
        """Stop listening, reset every open connection and end the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(RuntimeError):
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        self._loop = self._thread = None

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            _rst(writer)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        self.connections += 1
        try:
            if self.faults.refuse:
                _rst(writer)
            elif self.faults.black_hole:
                while await reader.read(65536):
                    pass  # swallowed
                writer.close()
            else:
                await self._forward(reader, writer)
        except (OSError, TimeoutError):
            _rst(writer)
        except asyncio.CancelledError:  # stop(): asyncio's stream callback logs a cancelled task
            _rst(writer)
        finally:
            self._tasks.discard(task)
            self._writers.discard(writer)

    async def _forward(
        self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter
    ) -> None:
        up_r, up_w = await asyncio.wait_for(asyncio.open_connection(*self.target), 10)
        self._writers.add(up_w)
        up, down = _Direction(True), _Direction(False)
        tasks = [
            asyncio.create_task(self._read(client_r, up)),
            asyncio.create_task(self._write(up_w, up)),
            asyncio.create_task(self._read(up_r, down)),
            asyncio.create_task(self._write(client_w, down)),
        ]
        try:
            done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            failed = any(not t.cancelled() and t.exception() is not None for t in done)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._writers.discard(up_w)
        for writer in (client_w, up_w):
            if failed:
                _rst(writer)  # a reset (ours, or one side's) reaches the other side as a reset
            else:
                writer.close()

    async def _read(self, source: asyncio.StreamReader, way: _Direction) -> None:
        loop = asyncio.get_running_loop()
        taken = 0
        while True:
            data = await source.read(65536)
            faults = self.faults
            if data and faults.black_hole:
                continue
            limit = faults.reset_after_up if way.up else faults.reset_after_down
            cut = bool(data) and limit is not None and taken + len(data) >= limit
            if cut and limit is not None:
                data = data[: max(0, limit - taken)]
            taken += len(data)
            latency = (faults.latency_up_ms if way.up else faults.latency_down_ms) / 1000
            rate = faults.bandwidth_bps
            size = max(512, int(rate / 8 * _PIECE_SECONDS)) if rate else max(1, len(data))
            for start in range(0, len(data), size):
                while way.queued >= max(_BUFFER_BYTES, 4 * size):  # full: stop reading the sender
                    way.writable.clear()
                    await way.writable.wait()
                piece = data[start : start + size]
                now = loop.time()
                if rate:  # the line sends one piece after another at its rate
                    now = max(now, self._line_free_at[way.up]) + len(piece) * 8 / rate
                    self._line_free_at[way.up] = now
                self._queue(way, now + latency, piece)
            if cut or not data:  # the reset, or the FIN, travels the line after the bytes
                self._queue(way, loop.time() + latency, None if cut else _EOF)
                return

    @staticmethod
    def _queue(way: _Direction, due: float, piece: bytes | None) -> None:
        way.items.append((due, piece))
        way.queued += len(piece or b"")
        way.readable.set()

    async def _write(self, target: asyncio.StreamWriter, way: _Direction) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await way.readable.wait()
            due, piece = way.items[0]
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            if not piece:  # a marker: the sender closed (EOF), or the line resets
                way.items.popleft()
                if piece is None:
                    await asyncio.sleep(_RESET_GRACE)
                    raise _Reset()
                if target.can_write_eof():
                    target.write_eof()
                return
            out = bytearray()
            # The piece waited for, and every piece already due after it, in one write.
            while way.items and way.items[0][1] and (not out or way.items[0][0] <= loop.time()):
                out += way.items.popleft()[1] or b""
            if not way.items:
                way.readable.clear()
            way.queued -= len(out)
            way.writable.set()
            if way.up:
                self.bytes_up += len(out)
            else:
                self.bytes_down += len(out)
            target.write(out)
            await target.drain()


def main(argv: list[str] | None = None) -> None:
    """Run a proxy in the foreground until Ctrl+C."""
    parser = argparse.ArgumentParser(description="A TCP proxy that plays a bad line.")
    parser.add_argument("target", help="host:port to forward to")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="each direction")
    parser.add_argument("--bandwidth-bps", type=float, default=None)
    args = parser.parse_args(argv)
    host, _, port = args.target.rpartition(":")
    proxy = FaultProxy(host or "127.0.0.1", int(port), port=args.port)
    proxy.configure(
        latency_up_ms=args.latency_ms,
        latency_down_ms=args.latency_ms,
        bandwidth_bps=args.bandwidth_bps,
    )
    with proxy, contextlib.suppress(KeyboardInterrupt):
        print(f"{proxy.url} → {args.target}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
