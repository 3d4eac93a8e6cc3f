"""Ticket printers on this computer: USB (python-escpos), CUPS (lp), Windows spooler, a file."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from printers.thermal import messages
from printers.thermal.base import PrinterStatus, PrinterUnavailable, ThermalPrinter
from printers.thermal.decode import decode

log = logging.getLogger(__name__)

JOB_TITLE = "Vé xếp hàng"

_Done = subprocess.CompletedProcess[bytes]


class UsbPrinter(ThermalPrinter):
    """An ESC/POS printer on USB through python-escpos (needs pyusb and libusb)."""

    def __init__(self, vendor_id: int, product_id: int, timeout: float = 3.0) -> None:
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.timeout = timeout
        self.answers_status: bool | None = None  # some clones never answer DLE EOT over USB

    def describe(self) -> str:
        """vendor:product in hexadecimal, as lsusb shows them."""
        return f"{self.vendor_id:04x}:{self.product_id:04x}"

    def _open(self) -> Any:
        try:
            import usb.core
            from escpos.printer import Usb
        except ImportError as error:
            raise PrinterUnavailable(messages.USB_LIBRARY_MISSING) from error
        printer = Usb(self.vendor_id, self.product_id, timeout=int(self.timeout * 1000))
        try:
            printer.open(raise_not_found=True)
        except usb.core.NoBackendError as error:  # pyusb without the libusb library
            raise PrinterUnavailable(messages.USB_LIBRARY_MISSING) from error
        except Exception as error:  # DeviceNotFoundError, USBError: unplugged or switched off
            log.warning("USB ticket printer %s: %s", self.describe(), error)
            raise PrinterUnavailable(
                messages.USB_NOT_FOUND.format(device=self.describe())
            ) from error
        return printer

    def _read_status(self, printer: Any) -> PrinterStatus:
        if self.answers_status is False:  # known not to answer: no waiting for a timeout again
            return PrinterStatus(None, None, messages.NO_STATUS_REPLY)
        try:
            online = bool(printer.is_online())
            paper = {0: "out", 1: "low", 2: "ok"}[printer.paper_status()]
        except Exception:  # the printer does not answer status requests over USB
            self.answers_status = False
            return PrinterStatus(None, None, messages.NO_STATUS_REPLY)
        self.answers_status = True
        return PrinterStatus(online, paper)  # type: ignore[arg-type]

    def status(self) -> PrinterStatus:
        """Online and paper state read back over USB."""
        try:
            printer = self._open()
        except PrinterUnavailable as error:
            return PrinterStatus(False, None, error.message_vi)
        try:
            return self._read_status(printer)
        finally:
            printer.close()

    def send(self, data: bytes) -> None:
        """Check paper and state, then write the job to the USB endpoint."""
        printer = self._open()
        try:
            problem = self._read_status(printer).problem
            if problem:
                raise PrinterUnavailable(problem)
            printer._raw(data)
        except PrinterUnavailable:
            raise
        except Exception as error:
            raise PrinterUnavailable(
                messages.USB_FAILED.format(device=self.describe(), error=error)
            ) from error
        finally:
            printer.close()


class CupsPrinter(ThermalPrinter):
    """A CUPS queue fed raw bytes with `lp -o raw`; a paused queue refuses the ticket."""

    def __init__(self, queue_name: str, timeout: float = 10.0) -> None:
        self.queue_name = queue_name
        self.timeout = timeout

    def describe(self) -> str:
        """The queue name."""
        return self.queue_name

    def _run(self, args: list[str], data: bytes | None = None) -> _Done:
        try:
            return subprocess.run(args, input=data, capture_output=True, timeout=self.timeout)
        except FileNotFoundError as error:
            raise PrinterUnavailable(messages.CUPS_MISSING.format(queue=self.queue_name)) from error
        except subprocess.TimeoutExpired as error:
            raise PrinterUnavailable(messages.CUPS_TIMEOUT.format(queue=self.queue_name)) from error

    def _failed(self, error: str) -> str:
        return messages.CUPS_FAILED.format(queue=self.queue_name, error=error)

    def status(self) -> PrinterStatus:
        """Whether the queue accepts work (CUPS knows nothing of the paper: None)."""
        try:
            done = self._run(["lpstat", "-l", "-p", self.queue_name])
        except PrinterUnavailable as error:
            return PrinterStatus(None, None, error.message_vi)
        report = done.stdout.decode(errors="replace")
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip()
            return PrinterStatus(False, None, self._failed(reason))
        if "media-empty" in report:
            return PrinterStatus(False, "out", messages.PAPER_OUT)
        if " disabled" in report:
            return PrinterStatus(False, None, messages.CUPS_DISABLED.format(queue=self.queue_name))
        return PrinterStatus(True, None)

    def send(self, data: bytes) -> None:
        """Refuse when the queue is paused or out of paper, else hand the job to lp."""
        problem = self.status().problem
        if problem:
            raise PrinterUnavailable(problem)
        done = self._run(["lp", "-d", self.queue_name, "-o", "raw", "-t", JOB_TITLE], data)
        if done.returncode != 0:
            raise PrinterUnavailable(self._failed(done.stderr.decode(errors="replace").strip()))


class WindowsPrinter(ThermalPrinter):
    """A printer of the Windows spooler fed a RAW job (pywin32); its status is not read back."""

    def __init__(self, name: str) -> None:
        self.name = name

    def describe(self) -> str:
        """The printer's name in Windows."""
        return self.name

    def _win32print(self) -> Any:
        if sys.platform != "win32":
            raise PrinterUnavailable(messages.WINDOWS_ONLY.format(name=self.name))
        try:
            import win32print
        except ImportError as error:
            missing = messages.WINDOWS_LIBRARY_MISSING.format(name=self.name)
            raise PrinterUnavailable(missing) from error
        return win32print

    def status(self) -> PrinterStatus:
        """Unknown: the spooler does not read the printer's paper sensor back."""
        try:
            self._win32print()
        except PrinterUnavailable as error:
            return PrinterStatus(False, None, error.message_vi)
        return PrinterStatus(None, None)

    def send(self, data: bytes) -> None:
        """One RAW document with the job's bytes."""
        win32print = self._win32print()
        try:
            handle = win32print.OpenPrinter(self.name)
            try:
                win32print.StartDocPrinter(handle, 1, (JOB_TITLE, None, "RAW"))
                win32print.StartPagePrinter(handle)
                win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
                win32print.EndDocPrinter(handle)
            finally:
                win32print.ClosePrinter(handle)
        except Exception as error:  # pywintypes.error: unknown printer, spooler stopped
            raise PrinterUnavailable(
                messages.WINDOWS_FAILED.format(name=self.name, error=error)
            ) from error


class FilePrinter(ThermalPrinter):
    """Appends jobs to a .bin file and writes a PNG preview of the last one beside it (testing)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @property
    def preview_path(self) -> Path:
        """The PNG preview of the last job."""
        return self.path.with_suffix(".png")

    def describe(self) -> str:
        """The file's path."""
        return str(self.path)

    def status(self) -> PrinterStatus:
        """Online when the folder exists and is writable; a file has no paper."""
        folder = self.path.parent
        return PrinterStatus(folder.is_dir() and os.access(folder, os.W_OK), None)

    def send(self, data: bytes) -> None:
        """Append the job and replace the preview."""
        try:
            with self.path.open("ab") as out:
                out.write(data)
            decode(data).preview().save(self.preview_path)
        except OSError as error:
            raise PrinterUnavailable(
                messages.FILE_FAILED.format(path=self.path, error=error.strerror or error)
            ) from error
