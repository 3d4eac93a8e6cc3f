"""QR codes and Code 128 barcodes of dossier codes, decoded back where zbarimg is installed."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from printers.codes import (
    CODE128_BAR_WIDTH,
    CODE128_QUIET_BARS,
    code128,
    code128_bars,
    qr_flowable,
    qr_matrix,
    qr_png,
)

CODE = "000.00.06.H56-251103-0361"
LONGEST = "A1234.B1234.C1234.D1234.E1234.F1234-251231-123456"  # 35-character agency code

#: Decodes with zbarimg (Debian's zbar-tools, installed by scripts/setup): fails, never skips,
#: when it is missing, so a scannability check is never silently dropped.
needs_zbar = pytest.mark.zbar


def zbar(png: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, text=True)
    return out.stdout.split()


def test_qr_matrix_is_square_with_its_quiet_zone() -> None:
    matrix = qr_matrix(CODE)
    # 25 alphanumeric characters at level M need version 2: 25 modules, plus 4 each side.
    assert len(matrix) == 25 + 8
    assert all(len(row) == len(matrix) for row in matrix)
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    assert matrix[4][4:11] == [True] * 7  # the top-left finder pattern


def test_qr_png_has_the_matrix_size() -> None:
    image = Image.open(io.BytesIO(qr_png(CODE, box_size=5)))
    assert image.size == (33 * 5, 33 * 5)


def test_code128_width_fits_and_never_exceeds_the_scan_size() -> None:
    bars = code128_bars(CODE)
    assert bars == 288  # start + 25 characters with two runs in code set C + check + stop
    wide = code128(CODE, max_width=200 * mm, bar_height=8 * mm)
    wide.wrap(0, 0)
    assert wide.barWidth == pytest.approx(CODE128_BAR_WIDTH)
    narrow = code128(LONGEST, max_width=60 * mm, bar_height=8 * mm)
    narrow.wrap(0, 0)
    assert narrow.width == pytest.approx(60 * mm)
    assert narrow.barWidth * (code128_bars(LONGEST) + 2 * CODE128_QUIET_BARS) == pytest.approx(
        60 * mm
    )


def test_code128_refuses_letters_it_cannot_encode() -> None:
    with pytest.raises(ValueError):
        code128_bars("Mã-hồ-sơ")


@needs_zbar
def test_qr_png_scans(tmp_path: Path) -> None:
    png = tmp_path / "qr.png"
    png.write_bytes(qr_png(CODE))
    assert zbar(png) == [f"QR-Code:{CODE}"]


@needs_zbar
@pytest.mark.parametrize("code", [CODE, "000.00.06.H56-251103-10000"])
def test_vector_codes_in_a_pdf_scan_at_200_dpi(tmp_path: Path, code: str) -> None:
    pdf_path = tmp_path / "codes.pdf"
    pdf = canvas.Canvas(str(pdf_path), pagesize=A5)
    qr = qr_flowable(code, 14 * mm)
    qr.wrapOn(pdf, 0, 0)
    qr.drawOn(pdf, 15 * mm, 170 * mm)
    bar = code128(code, 100 * mm, 7 * mm)
    bar.wrapOn(pdf, 0, 0)
    bar.drawOn(pdf, 15 * mm, 140 * mm)
    pdf.save()
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf_path), str(tmp_path / "scan")],
        check=True,
    )
    assert sorted(zbar(tmp_path / "scan.png")) == [f"CODE-128:{code}", f"QR-Code:{code}"]
