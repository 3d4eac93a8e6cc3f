"""Shared fixtures and helpers of the intake screen tests (imported by test_intake_*.py)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from counter_app.app_context import AppContext
from counter_app.paths import resource_path
from counter_app.services.principal import Principal
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.workers import InlinePool

QR = "001090012345||Nguyễn Văn An|02051990|Nam|Bản Nậm Xe, xã Phong Thổ, tỉnh Lai Châu|15082021"
QR_WOMAN = "012195001234|123456789|Lò Thị Ỷ|10101995|Nữ|Bản Mường, xã Tam Đường, tỉnh Lai Châu|"
FONT = "DejaVuSans"


def make_pdf(*lines: str, pages: int = 1, size: tuple[float, float] = A5) -> bytes:
    """A small PDF (A5 unless told) with these lines on every page (DejaVu Sans)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    for page in range(pages):
        pdf.setFont(FONT, 11)
        for i, line in enumerate(lines):
            pdf.drawString(40, size[1] - 60 - 18 * i, line)
        pdf.drawString(40, 40, f"Trang {page + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The text of a PDF as pdftotext reads it (skips the test without poppler)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=30
    )
    return done.stdout.decode("utf-8")


def spy_forms(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the names of the form kinds the page asks ctx.forms to render."""
    calls: list[str] = []
    real = ctx.forms.render

    def render(dossier_id: int, kind: Any) -> bytes:
        calls.append(kind.name)
        return real(dossier_id, kind)

    monkeypatch.setattr(ctx.forms, "render", render)
    return calls


def make_page(office: Any, qtbot: Any, principal: Principal | None = None) -> IntakePage:
    """An intake page on the shipped catalogue, tasks run inline, shown and active."""
    ctx = office.ctx
    if not ctx.catalog.count():
        ctx.catalog.load_shipped(Principal.system(ctx.station))
    page = IntakePage(ctx, principal or office.clerk, pool=InlinePool())
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def scan(widget: QWidget, text: str) -> None:
    """What a 2-D scanner does: type each character into the widget, then Enter."""
    widget.setFocus()
    QApplication.processEvents()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    QTest.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def pick_procedure(page: IntakePage, query: str) -> None:
    """Type a search in the procedure box and press Enter on the first result."""
    from helpers import type_text

    page.procedure.search.setFocus()
    type_text(page.procedure.search, query)
    page.procedure.run_search()
    QTest.keyClick(page.procedure.search, Qt.Key.Key_Return)
    QApplication.processEvents()
