"""The PDF preview dialog: pages shown, printing on A5/A4 (failures kept), saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, A5
from test_intake_helpers import make_pdf

from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog, page_rect


@pytest.fixture
def dialog(qtbot, messages) -> PdfPreviewDialog:
    d = PdfPreviewDialog(make_pdf("GIẤY TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Ỷ", pages=2), "Mẫu 01 — thử")
    qtbot.addWidget(d)
    d.show()
    return d


def _pdf_printer(dialog: PdfPreviewDialog, path: Path) -> QPrinter:
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_shows_the_pages(dialog: PdfPreviewDialog) -> None:
    assert dialog.document.pageCount() == 2
    assert dialog.windowTitle() == "Mẫu 01 — thử"
    assert dialog.print_button.isEnabled()
    assert dialog.print_button.text() == "In…" and dialog.save_button.text() == "Lưu PDF…"


@pytest.mark.parametrize(
    ("size", "asked", "used"),
    [(A5, "A5", "A5"), (A5, "A4", "A5"), (A4, "A5", "A4"), ((500, 700), "A4", "A4")],
)
def test_printer_paper_follows_the_form(qtbot, size, asked: str, used: str) -> None:
    d = PdfPreviewDialog(make_pdf("x", size=size), "Mẫu", paper=asked)
    qtbot.addWidget(d)
    want = QPageSize.PageSizeId.A5 if used == "A5" else QPageSize.PageSizeId.A4
    assert d.paper == used
    assert d.printer().pageLayout().pageSize().id() == want


def test_prints_every_page(dialog: PdfPreviewDialog, tmp_path, messages) -> None:
    out = tmp_path / "printed.pdf"
    dialog.ask_printer = lambda: _pdf_printer(dialog, out)  # type: ignore[method-assign]
    assert dialog.print_() is True
    assert len(PdfReader(out).pages) == 2
    assert dialog.printed_count == 1 and messages.shown == []


def test_printer_that_cannot_start_is_reported(dialog: PdfPreviewDialog, tmp_path, messages):
    out = tmp_path / "no-such-folder" / "printed.pdf"
    dialog.ask_printer = lambda: _pdf_printer(dialog, out)  # type: ignore[method-assign]
    assert dialog.print_() is False
    assert "Không dùng được máy in" in messages.texts()[0]
    assert dialog.isVisible() and dialog.print_button.isEnabled()  # can try again


def test_cancelled_print_dialog_prints_nothing(dialog: PdfPreviewDialog, messages) -> None:
    dialog.ask_printer = lambda: None  # type: ignore[method-assign]
    assert dialog.print_() is False and messages.shown == []


def test_save_writes_the_same_bytes(dialog: PdfPreviewDialog, tmp_path) -> None:
    target = tmp_path / "mau-01"
    dialog.ask_save_path = lambda: target  # type: ignore[method-assign]
    saved = dialog.save()
    assert saved == tmp_path / "mau-01.pdf"
    assert saved.read_bytes() == dialog.pdf_bytes


def test_save_failure_is_reported(dialog: PdfPreviewDialog, tmp_path, messages) -> None:
    dialog.ask_save_path = lambda: tmp_path / "missing" / "x.pdf"  # type: ignore[method-assign]
    assert dialog.save() is None
    assert messages.texts()[0].startswith("Không lưu được tệp x.pdf")


def test_unreadable_pdf_cannot_be_printed(qtbot) -> None:
    d = PdfPreviewDialog(b"not a pdf", "Hỏng")
    qtbot.addWidget(d)
    assert not d.print_button.isEnabled()
    assert d.save_button.isEnabled()


def test_page_rect_keeps_proportions() -> None:
    from PySide6.QtCore import QRect, QSize

    rect = page_rect(QSize(420, 595), QRect(0, 0, 1000, 1000))
    assert rect.height() == 1000 and abs(rect.width() - 705) <= 1
    assert rect.x() == (1000 - rect.width()) // 2
