"""The ticket printer interface, its status and its one error, shared by every connection."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Literal

from printers.thermal import messages

Paper = Literal["ok", "low", "out"]

#: Real-time status requests (DLE EOT n): printer, offline cause, error cause, paper sensor.
STATUS_PRINTER = b"\x10\x04\x01"
STATUS_OFFLINE_CAUSE = b"\x10\x04\x02"
STATUS_PAPER = b"\x10\x04\x04"


class PrinterUnavailable(Exception):
    """The ticket cannot be printed now; the message (Vietnamese) says why, for the clerk."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer reported: None where the connection cannot read it back."""

    online: bool | None
    paper: Paper | None
    detail: str = ""  # Vietnamese: why offline, or why nothing is known

    @property
    def problem(self) -> str | None:
        """The message to show when the ticket cannot be printed, or None."""
        if self.paper == "out":
            return messages.PAPER_OUT
        if self.online is False:
            return self.detail or messages.OFFLINE
        return None


def is_status_byte(value: int) -> bool:
    """A DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear."""
    return value & 0b1001_0011 == 0b0001_0010


def paper_from_byte(value: int) -> Paper:
    """The roll paper sensor byte (DLE EOT 4): paper end bits 5–6, near end bits 2–3."""
    if value & 0x60:
        return "out"
    if value & 0x0C:
        return "low"
    return "ok"


def offline_detail(cause: int | None) -> str:
    """Why a printer is offline, from the offline cause byte (DLE EOT 2) when there is one."""
    if cause is None:
        return messages.OFFLINE
    if cause & 0x20:
        return messages.PAPER_OUT
    if cause & 0x04:
        return messages.COVER_OPEN
    if cause & 0x40:
        return messages.PRINTER_ERROR
    return messages.OFFLINE


def status_from_bytes(printer: int, cause: int | None, paper: int | None) -> PrinterStatus:
    """A PrinterStatus from DLE EOT 1, 2 and 4 answers (cause and paper may be missing)."""
    online = not printer & 0x08
    paper_state = paper_from_byte(paper) if paper is not None else None
    if cause is not None and cause & 0x20:
        paper_state = "out"
    return PrinterStatus(online, paper_state, "" if online else offline_detail(cause))


class ThermalPrinter(ABC):
    """A connection to an ESC/POS ticket printer."""

    @abstractmethod
    def send(self, data: bytes) -> None:
        """Print the job; raises PrinterUnavailable, never fails silently."""

    @abstractmethod
    def status(self) -> PrinterStatus:
        """The printer's state as far as this connection can tell; never raises."""

    def describe(self) -> str:
        """Where the printer is, for messages and logs."""
        return type(self).__name__
