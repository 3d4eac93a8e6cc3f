"""The bundled font draws every Vietnamese letter into a PDF that reads back as the same text."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from printers.fonts import BOLD, REGULAR, pdf_text, register_fonts

SAMPLE = "Nguyễn Thị Ỷ Lan — Đỗ Hữu Ễ, phường Hoàn Kiếm: lệ phí 8.000 ₫"


@pytest.mark.parametrize("name", [REGULAR, BOLD])
def test_font_has_every_vietnamese_letter(name):
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(name).face
    letters = (
        "aăâbcdđeêghiklmnoôơpqrstuưvxy"
        + "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    )
    missing = [ch for ch in letters + letters.upper() + "₫" if ord(ch) not in face.charWidths]
    assert missing == []


def test_pdf_text_composes_nfd():
    decomposed = unicodedata.normalize("NFD", SAMPLE)
    assert pdf_text(decomposed) == SAMPLE


def test_vietnamese_text_round_trips_through_a_pdf(tmp_path):
    regular, bold = register_fonts()
    path = tmp_path / "sample.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A5)
    pdf.setFont(bold, 12)
    pdf.drawString(40, 500, pdf_text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
    pdf.setFont(regular, 10)
    pdf.drawString(40, 480, pdf_text(unicodedata.normalize("NFD", SAMPLE)))
    pdf.save()
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in out
    assert SAMPLE in unicodedata.normalize("NFC", out)
