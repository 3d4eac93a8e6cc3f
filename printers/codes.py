"""QR codes and Code 128 barcodes of dossier codes: vector for PDFs, PNG for raster printers."""

from __future__ import annotations

import io
from typing import Any

import qrcode
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

#: Narrowest bar that a 200 dpi scan (2 pixels a bar) still decodes; wider is not needed.
CODE128_BAR_WIDTH = 0.254 * mm
#: Quiet zone each side of a Code 128, in bars (the symbology asks for at least 10).
CODE128_QUIET_BARS = 10


def _qr(data: str, box_size: int = 1, border: int = 4) -> qrcode.QRCode[Any]:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=border
    )
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_matrix(data: str, border: int = 4) -> list[list[bool]]:
    """The modules of the QR code (error level M) of data, dark = True, quiet zone included."""
    return [[bool(cell) for cell in row] for row in _qr(data, border=border).get_matrix()]


class QrFlowable(Flowable):  # type: ignore[misc]
    """A vector QR code drawn as one filled path (fast, and crisp at any printer resolution)."""

    def __init__(self, matrix: list[list[bool]], size: float) -> None:
        super().__init__()
        self.matrix = matrix
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The QR code's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Fill one rectangle per run of dark modules in each row."""
        module = self.width / len(self.matrix)
        path = self.canv.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + 1) * module
            c = 0
            while c < len(row):
                start = c
                while c < len(row) and row[c]:
                    c += 1
                if c == start:
                    c += 1
                    continue
                # A hair taller than a module, so that viewers draw no seam between rows.
                path.rect(start * module, y - module * 0.02, (c - start) * module, module * 1.02)
        self.canv.setFillColor(black)
        self.canv.drawPath(path, stroke=0, fill=1)


def qr_flowable(data: str, size: float) -> QrFlowable:
    """A vector QR code (error level M) of data, size × size points with its quiet zone."""
    return QrFlowable(qr_matrix(data), size)


def qr_png(data: str, box_size: int = 4, border: int = 4) -> bytes:
    """A black-and-white PNG of a QR code (error level M), box_size pixels a module."""
    out = io.BytesIO()
    _qr(data, box_size, border).make_image().save(out)
    return out.getvalue()


def code128_bars(data: str) -> int:
    """Width of the Code 128 symbol of data in bars (modules), without the quiet zones."""
    if not data.isascii() or not data.isprintable():
        raise ValueError(f"Code 128 chỉ mã hóa ký tự ASCII in được, nhận được “{data}”.")
    probe = Code128(data, barWidth=1, quiet=0)
    probe.wrap(0, 0)
    return int(probe.width)


def code128(data: str, max_width: float, bar_height: float) -> Code128:
    """A Code 128 flowable of data at most max_width points wide, quiet zones included."""
    bars = code128_bars(data) + 2 * CODE128_QUIET_BARS
    bar_width = min(CODE128_BAR_WIDTH, max_width / bars)
    quiet = CODE128_QUIET_BARS * bar_width
    return Code128(
        data, barWidth=bar_width, barHeight=bar_height, quiet=1, lquiet=quiet, rquiet=quiet
    )
