"""A network ticket printer: raw TCP (port 9100), status through DLE EOT real-time requests."""

from __future__ import annotations

import logging
import socket

from printers.thermal import messages
from printers.thermal.base import (
    STATUS_OFFLINE_CAUSE,
    STATUS_PAPER,
    STATUS_PRINTER,
    PrinterStatus,
    PrinterUnavailable,
    ThermalPrinter,
    is_status_byte,
    status_from_bytes,
)

log = logging.getLogger(__name__)


def _drain(sock: socket.socket) -> None:
    """Read what the printer already sent, so that closing sends no reset that could lose data."""
    sock.setblocking(False)
    try:
        while sock.recv(256):
            pass
    except OSError:  # nothing more to read now
        pass


class NetworkPrinter(ThermalPrinter):
    """An ESC/POS printer on the network (raw socket); checks paper and cover before printing.

    A printer that does not answer status requests (some clones and print servers) is remembered
    as such: later tickets go out without the wait, and its status reads as unknown.
    """

    def __init__(
        self, host: str, port: int = 9100, timeout: float = 3.0, status_timeout: float = 1.0
    ) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.status_timeout = min(status_timeout, timeout)
        self.answers_status: bool | None = None  # unknown until asked

    def describe(self) -> str:
        """host:port."""
        return f"{self.host}:{self.port}"

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as error:
            log.warning("ticket printer %s: %s", self.describe(), error)
            raise PrinterUnavailable(
                messages.CONNECT_FAILED.format(address=self.describe())
            ) from error

    def _ask(self, sock: socket.socket, request: bytes) -> int | None:
        """Send one DLE EOT request and read its one-byte answer (None: no answer in time)."""
        sock.settimeout(self.status_timeout)
        try:
            sock.sendall(request)
            for _ in range(64):
                answer = sock.recv(1)
                if not answer:
                    break
                if is_status_byte(answer[0]):
                    return answer[0]
                # Anything else is an unsolicited automatic status message: skip it.
        except TimeoutError:
            pass
        finally:
            sock.settimeout(self.timeout)
        return None

    def _query(self, sock: socket.socket) -> PrinterStatus:
        printer = self._ask(sock, STATUS_PRINTER)
        self.answers_status = printer is not None
        if printer is None:
            log.info("ticket printer %s does not answer DLE EOT", self.describe())
            return PrinterStatus(None, None, messages.NO_STATUS_REPLY)
        cause = self._ask(sock, STATUS_OFFLINE_CAUSE) if printer & 0x08 else None
        return status_from_bytes(printer, cause, self._ask(sock, STATUS_PAPER))

    def status(self) -> PrinterStatus:
        """Online and paper state, read from the printer; offline when it cannot be reached."""
        try:
            sock = self._connect()
        except PrinterUnavailable as error:
            return PrinterStatus(False, None, error.message_vi)
        with sock:
            try:
                return self._query(sock)
            except OSError:
                lost = messages.SEND_FAILED.format(address=self.describe())
                return PrinterStatus(False, None, lost)

    def send(self, data: bytes) -> None:
        """Check the printer (paper, cover) then send the job over one connection."""
        with self._connect() as sock:
            try:
                if self.answers_status is not False:
                    problem = self._query(sock).problem
                    if problem:
                        raise PrinterUnavailable(problem)
                sock.sendall(data)
                sock.shutdown(socket.SHUT_WR)
                _drain(sock)
            except OSError as error:
                log.warning("ticket printer %s: %s", self.describe(), error)
                raise PrinterUnavailable(
                    messages.SEND_FAILED.format(address=self.describe())
                ) from error
