"""Ticket printer connections behind one interface, and the factory for settings strings."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from printers.thermal import messages
from printers.thermal.base import PrinterStatus, PrinterUnavailable, ThermalPrinter
from printers.thermal.local import CupsPrinter, FilePrinter, UsbPrinter, WindowsPrinter
from printers.thermal.network import NetworkPrinter

__all__ = [
    "CupsPrinter",
    "FilePrinter",
    "NetworkPrinter",
    "PrinterStatus",
    "PrinterUnavailable",
    "ThermalPrinter",
    "UsbPrinter",
    "WindowsPrinter",
    "printer_from_url",
]


def _usb_ids(text: str) -> tuple[int, int]:
    vendor, _, product = text.partition(":")
    return int(vendor, 16), int(product, 16)


def printer_from_url(url: str, timeout: float = 3.0) -> ThermalPrinter:
    """The printer of a settings string: tcp://host:9100, usb://0x04b8:0x0e15, cups://queue,
    win://printer name, file:///path/out.bin. Raises ValueError (Vietnamese) on anything else.
    """
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    scheme = scheme.lower()
    rest = rest.rstrip("/") if scheme != "file" else rest
    try:
        if sep and scheme == "tcp":
            parts = urlsplit(text)
            if parts.hostname:
                return NetworkPrinter(parts.hostname, parts.port or 9100, timeout)
        elif sep and scheme == "usb" and rest:
            vendor, product = _usb_ids(rest)
            return UsbPrinter(vendor, product, timeout)
        elif sep and scheme == "cups" and rest:
            return CupsPrinter(unquote(rest))
        elif sep and scheme == "win" and rest:
            return WindowsPrinter(unquote(rest))
        elif sep and scheme == "file" and urlsplit(text).path:
            return FilePrinter(url2pathname(unquote(urlsplit(text).path)))
    except ValueError as error:  # a port or USB id that is not a number
        raise ValueError(messages.BAD_URL.format(url=url)) from error
    raise ValueError(messages.BAD_URL.format(url=url))
