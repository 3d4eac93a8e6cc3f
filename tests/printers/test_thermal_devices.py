"""Ticket printer connections: a real TCP printer stand-in on 127.0.0.1, CUPS, USB, files."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from printers.thermal import messages
from printers.thermal.base import PrinterStatus, status_from_bytes
from printers.thermal.decode import decode
from printers.thermal.devices import (
    CupsPrinter,
    FilePrinter,
    NetworkPrinter,
    PrinterUnavailable,
    UsbPrinter,
    WindowsPrinter,
    printer_from_url,
)
from printers.thermal.escpos_bytes import ticket_bytes
from printers.thermal.samples import sample_slip

READY = {1: 0x12, 2: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}  # offline, stopped at paper end, paper end sensor
COVER_OPEN = {1: 0x1A, 2: 0x16, 4: 0x12}
PAPER_LOW = {1: 0x12, 2: 0x12, 4: 0x1E}


class FakeNetworkPrinter:
    """A listening socket on 127.0.0.1 that answers DLE EOT and records what it receives."""

    def __init__(self, status: dict[int, int] | None = READY, read: bool = True) -> None:
        self.status = status  # None: never answers status requests
        self.read = read  # False: accepts, then never reads (a stuck printer)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.05)  # accept() wakes up to notice close()
        self.port = self.server.getsockname()[1]
        self.queries: list[int] = []
        self.jobs: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                if self.read:
                    self._session(conn)
                else:
                    self.stop.wait(5)
                    self.jobs.append(b"")

    def _session(self, conn: socket.socket) -> None:
        buffer, job, in_status = b"", bytearray(), True
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            if not in_status:
                job += chunk
                continue
            buffer += chunk
            while buffer[:2] == b"\x10\x04" and len(buffer) >= 3:
                self.queries.append(buffer[2])
                if self.status is not None:
                    conn.sendall(bytes([self.status[buffer[2]]]))
                buffer = buffer[3:]
            if buffer and buffer[:2] != b"\x10\x04" and buffer != b"\x10":
                in_status = False
                job += buffer
        self.jobs.append(bytes(job))

    def close(self) -> None:
        self.stop.set()
        self.server.close()
        self.thread.join(timeout=6)


@pytest.fixture
def fake_printer(request: pytest.FixtureRequest) -> Iterator[FakeNetworkPrinter]:
    options = getattr(request, "param", {})
    server = FakeNetworkPrinter(**options)
    yield server
    server.close()


def wait_for_jobs(server: FakeNetworkPrinter, count: int) -> None:
    deadline = time.monotonic() + 5
    while len(server.jobs) < count and time.monotonic() < deadline:
        time.sleep(0.01)


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def test_network_printer_receives_exactly_the_ticket(fake_printer: FakeNetworkPrinter) -> None:
    data = ticket_bytes(sample_slip())
    printer = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=3)
    printer.send(data)
    wait_for_jobs(fake_printer, 1)
    assert fake_printer.jobs == [data]
    assert fake_printer.queries == [1, 4]  # printer status, then the paper sensor
    assert printer.status() == PrinterStatus(True, "ok")


@pytest.mark.parametrize(
    ("fake_printer", "text"),
    [({"status": PAPER_OUT}, "hết giấy"), ({"status": COVER_OPEN}, "mở nắp")],
    indirect=["fake_printer"],
)
def test_paper_out_and_cover_open_refuse_the_ticket(
    fake_printer: FakeNetworkPrinter, text: str
) -> None:
    printer = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=3)
    with pytest.raises(PrinterUnavailable, match=text) as raised:
        printer.send(ticket_bytes(sample_slip()))
    assert text in raised.value.message_vi
    wait_for_jobs(fake_printer, 1)
    assert fake_printer.jobs == [b""]  # nothing was printed into the void
    assert fake_printer.queries == [1, 2, 4]
    status = printer.status()
    assert status.online is False and status.problem is not None and text in status.problem


@pytest.mark.parametrize("fake_printer", [{"status": PAPER_LOW}], indirect=True)
def test_paper_low_still_prints(fake_printer: FakeNetworkPrinter) -> None:
    printer = NetworkPrinter("127.0.0.1", fake_printer.port)
    assert printer.status() == PrinterStatus(True, "low")
    printer.send(b"\x1b@")
    wait_for_jobs(fake_printer, 2)
    assert fake_printer.jobs[-1] == b"\x1b@"


@pytest.mark.parametrize("fake_printer", [{"status": None}], indirect=True)
def test_printer_that_never_answers_status(fake_printer: FakeNetworkPrinter) -> None:
    printer = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=3, status_timeout=0.2)
    started = time.monotonic()
    printer.send(b"\x1b@one")
    assert time.monotonic() - started < 1.5
    assert printer.answers_status is False
    printer.send(b"\x1b@two")  # no more waiting for an answer that never comes
    wait_for_jobs(fake_printer, 2)
    assert fake_printer.jobs == [b"\x1b@one", b"\x1b@two"]
    assert fake_printer.queries == [1]
    status = printer.status()
    assert (status.online, status.paper, status.problem) == (None, None, None)
    assert status.detail == messages.NO_STATUS_REPLY


def test_connection_refused_is_reported_fast() -> None:
    port = free_port()
    printer = NetworkPrinter("127.0.0.1", port, timeout=3)
    started = time.monotonic()
    with pytest.raises(PrinterUnavailable, match=f"Không kết nối được máy in vé 127.0.0.1:{port}"):
        printer.send(b"\x1b@")
    assert time.monotonic() - started < 1.0
    status = printer.status()
    assert status.online is False and status.problem == messages.CONNECT_FAILED.format(
        address=f"127.0.0.1:{port}"
    )


@pytest.mark.parametrize("fake_printer", [{"status": None, "read": False}], indirect=True)
def test_stuck_printer_times_out(fake_printer: FakeNetworkPrinter) -> None:
    printer = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=0.5, status_timeout=0.1)
    started = time.monotonic()
    with pytest.raises(PrinterUnavailable, match="Mất kết nối"):
        printer.send(bytes(64 * 1024 * 1024))  # more than the socket buffers hold
    assert time.monotonic() - started < 3


def test_status_bytes() -> None:
    assert status_from_bytes(0x12, None, 0x12) == PrinterStatus(True, "ok")
    assert status_from_bytes(0x12, None, 0x1E).paper == "low"
    out = status_from_bytes(0x1A, 0x32, 0x72)
    assert (out.online, out.paper, out.problem) == (False, "out", messages.PAPER_OUT)
    assert status_from_bytes(0x1A, 0x52, 0x12).problem == messages.PRINTER_ERROR
    assert status_from_bytes(0x1A, None, None).problem == messages.OFFLINE


def test_file_printer_writes_bin_and_png(tmp_path: Path) -> None:
    data = ticket_bytes(sample_slip())
    printer = printer_from_url((tmp_path / "out.bin").as_uri())
    assert isinstance(printer, FilePrinter)
    assert printer.status().online is True
    printer.send(data)
    printer.send(data)
    assert (tmp_path / "out.bin").read_bytes() == data + data
    preview = decode(data).preview()
    with Image.open(tmp_path / "out.png") as png:
        assert png.size == preview.size


def test_file_printer_in_a_missing_folder(tmp_path: Path) -> None:
    printer = FilePrinter(tmp_path / "nowhere" / "out.bin")
    assert printer.status().online is False
    with pytest.raises(PrinterUnavailable, match="Không ghi được vé"):
        printer.send(b"\x1b@")


@pytest.fixture
def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """lp and lpstat stand-ins on PATH: lp saves its stdin and arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lp").write_text(
        '#!/bin/sh\necho "$@" > "$FAKE_CUPS/args"\ncat > "$FAKE_CUPS/job"\n'
        'echo "request id is TM-T20-1 (1 file(s))"\n'
    )
    (bin_dir / "lpstat").write_text('#!/bin/sh\ncat "$FAKE_CUPS/lpstat"\n')
    for tool in ("lp", "lpstat"):
        (bin_dir / tool).chmod(0o755)
    (tmp_path / "lpstat").write_text("printer TM-T20 is idle.  enabled since Mon 23 Nov\n")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_CUPS", str(tmp_path))
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for lp")
def test_cups_printer_sends_raw(fake_cups: Path) -> None:
    printer = printer_from_url("cups://TM-T20")
    assert isinstance(printer, CupsPrinter)
    data = ticket_bytes(sample_slip())
    printer.send(data)
    assert (fake_cups / "job").read_bytes() == data
    assert (fake_cups / "args").read_text().split()[:4] == ["-d", "TM-T20", "-o", "raw"]
    assert printer.status() == PrinterStatus(True, None)
    (fake_cups / "lpstat").write_text("printer TM-T20 disabled since Mon 23 Nov -\n\treason\n")
    with pytest.raises(PrinterUnavailable, match="tạm dừng"):
        printer.send(data)


def test_cups_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterUnavailable, match="không có lệnh in lp"):
        CupsPrinter("TM-T20").send(b"\x1b@")


def test_usb_without_library_or_device(monkeypatch: pytest.MonkeyPatch) -> None:
    printer = UsbPrinter(0x04B8, 0x0E15)
    with pytest.raises(PrinterUnavailable, match="USB"):
        printer.send(b"\x1b@")  # no pyusb, no libusb or no such device: all say so
    monkeypatch.setitem(sys.modules, "usb", None)
    monkeypatch.setitem(sys.modules, "usb.core", None)
    with pytest.raises(PrinterUnavailable) as raised:
        printer.send(b"\x1b@")
    assert raised.value.message_vi == messages.USB_LIBRARY_MISSING
    assert printer.status().online is False


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message elsewhere")
def test_windows_printer_elsewhere() -> None:
    printer = printer_from_url("win://EPSON TM-T20II Receipt")
    assert isinstance(printer, WindowsPrinter) and printer.name == "EPSON TM-T20II Receipt"
    with pytest.raises(PrinterUnavailable, match="chỉ dùng được khi phần mềm chạy trên Windows"):
        printer.send(b"\x1b@")
    assert printer.status().online is False


def test_printer_urls() -> None:
    tcp = printer_from_url("tcp://192.168.1.50:9100")
    assert isinstance(tcp, NetworkPrinter) and (tcp.host, tcp.port) == ("192.168.1.50", 9100)
    default_port = printer_from_url("TCP://printer.local")
    assert isinstance(default_port, NetworkPrinter) and default_port.port == 9100
    usb = printer_from_url("usb://0x04b8:0x0e15")
    assert isinstance(usb, UsbPrinter) and (usb.vendor_id, usb.product_id) == (0x04B8, 0x0E15)
    assert printer_from_url("usb://04b8:0e15").describe() == "04b8:0e15"
    cups = printer_from_url("cups://TM-T20")
    assert isinstance(cups, CupsPrinter) and cups.queue_name == "TM-T20"
    win = printer_from_url("win://EPSON%20TM-T20II")
    assert isinstance(win, WindowsPrinter) and win.name == "EPSON TM-T20II"
    file = printer_from_url("file:///var/tmp/ve.bin")
    assert isinstance(file, FilePrinter) and file.path == Path("/var/tmp/ve.bin")
    for bad in ("", "192.168.1.50", "tcp://", "tcp://host:port", "usb://epson", "lpt://1"):
        with pytest.raises(ValueError, match="không hợp lệ"):
            printer_from_url(bad)
