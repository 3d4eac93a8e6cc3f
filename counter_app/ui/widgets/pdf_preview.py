"""A PDF form on screen, to print (A5/A4) or save; printing failures never lose the form."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.file_kinds import safe_filename
from counter_app.ui import errors, texts
from counter_app.ui.widgets.problem_label import ProblemLabel

try:
    from PySide6 import QtPdfWidgets
except ImportError:  # some builds ship QtPdf without its widgets: pages are drawn as images
    QtPdfWidgets = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: Pages are rendered for the printer at its resolution, but at most this (memory on old PCs).
MAX_PRINT_DPI = 300
PREVIEW_WIDTH = 560
PREVIEW_MAX_HEIGHT = 960
PAPER_SIZES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}
_SIZE_SLACK = 3  # points


def paper_of(document: QPdfDocument, default: str) -> str:
    """A4 or A5 when the first page has that size (a form knows its paper), else default."""
    if document.pageCount() < 1:
        return default
    points = document.pagePointSize(0)
    short, long = sorted((points.width(), points.height()))
    for name, size_id in PAPER_SIZES.items():
        paper = QPageSize(size_id).size(QPageSize.Unit.Point)
        if abs(short - paper.width()) <= _SIZE_SLACK and abs(long - paper.height()) <= _SIZE_SLACK:
            return name
    return default


class PrintError(RuntimeError):
    """The printer could not be used; the message is for the user."""


def page_rect(page_points: QSize, area: QRect) -> QRect:
    """The largest rectangle of the page's proportions centred at the top of area."""
    width, height = area.width(), area.height()
    if page_points.width() <= 0 or page_points.height() <= 0:
        return area
    scale = min(width / page_points.width(), height / page_points.height())
    w, h = int(page_points.width() * scale), int(page_points.height() * scale)
    return QRect(area.x() + (width - w) // 2, area.y(), w, h)


class _PageImages(QScrollArea):
    """The pages as pictures, for builds without QPdfView."""

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for i in range(document.pageCount()):
            points = document.pagePointSize(i)
            size = QSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * points.height() / points.width()))
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(document.render(i, size)))
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(inner)
        self.setWidgetResizable(True)


class PdfPreviewDialog(QDialog):
    """Shows a PDF's pages with "In…", "Lưu PDF…" and "Đóng"."""

    def __init__(
        self, pdf_bytes: bytes, title: str, paper: str = "A5", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf_bytes = bytes(pdf_bytes)
        self.title, self.paper = title, paper if paper in PAPER_SIZES else "A5"
        self.printed_count = 0
        self.setWindowTitle(title)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.paper = paper_of(self.document, self.paper)
        readable = self.document.status() == QPdfDocument.Status.Ready
        self.problems = ProblemLabel()
        if not readable:
            self.view: QWidget = QLabel(texts.PDF_UNREADABLE)
        elif QtPdfWidgets is not None:
            view = QtPdfWidgets.QPdfView(self)
            view.setDocument(self.document)
            view.setPageMode(QtPdfWidgets.QPdfView.PageMode.MultiPage)
            view.setZoomMode(QtPdfWidgets.QPdfView.ZoomMode.FitToWidth)
            self.view = view
        else:
            self.view = _PageImages(self.document, self)
        self.print_button = QPushButton(texts.PDF_PRINT)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(texts.PDF_PRINT_TIP.format(paper=self.paper))
        self.print_button.setEnabled(readable)
        self.save_button = QPushButton(texts.PDF_SAVE)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(texts.PDF_SAVE_TIP)
        self.close_button = QPushButton(texts.CLOSE)
        self.close_button.setToolTip(texts.PDF_CLOSE_TIP)
        self.print_button.setProperty("primary", True)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        pages = QLabel(texts.PDF_PAGES.format(count=self.document.pageCount(), paper=self.paper))
        pages.setProperty("role", "subtle")
        bar = QHBoxLayout()
        bar.addWidget(pages, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bar)
        available = self.screen().availableGeometry().height() if self.screen() else 768
        self.resize(PREVIEW_WIDTH + 80, max(480, min(PREVIEW_MAX_HEIGHT, available - 60)))

    def printer(self) -> QPrinter:
        """A printer set up for this form's paper size, portrait."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(PAPER_SIZES[self.paper]))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.title)
        printer.setFromTo(1, max(1, self.document.pageCount()))
        return printer

    def ask_printer(self) -> QPrinter | None:
        """The system print dialog; None when cancelled (tests replace this)."""
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(texts.PDF_PRINT_TITLE)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_(self) -> bool:
        """Ask for a printer and print; on failure say so and stay open to try again."""
        printer = self.ask_printer()
        if printer is None:
            return False
        try:
            self.print_pages(printer)
        except Exception as exc:  # a driver can fail in any way; the form is already saved
            log.warning("printing %s failed: %s", self.title, exc)
            detail = str(exc) if isinstance(exc, PrintError) else texts.PDF_PRINT_FAILED_DETAIL
            message = texts.PDF_PRINT_FAILED.format(detail=detail)
            self.problems.set_problems([message])
            errors.present(self, texts.ERROR_TITLE, message)
            return False
        self.printed_count += 1
        self.problems.set_problems([])
        return True

    def print_pages(self, printer: QPrinter) -> None:
        """Draw each page (of the printer's page range) into the printer; raises PrintError."""
        count = self.document.pageCount()
        first, last = printer.fromPage() or 1, printer.toPage() or count
        pages = range(max(1, first) - 1, min(count, last))
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(texts.PDF_PRINTER_UNAVAILABLE)
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            scale = dpi / max(1, printer.resolution())
            started = False
            for _copy in range(copies):
                for i in pages:
                    if started and not printer.newPage():
                        raise PrintError(texts.PDF_PRINTER_UNAVAILABLE)
                    started = True
                    points = self.document.pagePointSize(i).toSize()
                    target = page_rect(points, painter.viewport())
                    size = QSize(int(target.width() * scale), int(target.height() * scale))
                    image = self.document.render(i, size)
                    if image.isNull():
                        raise PrintError(texts.PDF_PAGE_FAILED.format(page=i + 1))
                    painter.drawImage(target, image.convertToFormat(QImage.Format.Format_RGB32))
        finally:
            painter.end()

    def ask_save_path(self) -> Path | None:
        """Where to save the PDF; None when cancelled (tests replace this)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / safe_filename(f"{self.title}.pdf"))
        name, _ = QFileDialog.getSaveFileName(self, texts.PDF_SAVE_TITLE, suggested, "PDF (*.pdf)")
        return Path(name) if name else None

    def save(self) -> Path | None:
        """Save the PDF where the user says; a failure is shown, nothing else changes."""
        path = self.ask_save_path()
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.pdf_bytes)
        except OSError as exc:
            log.warning("saving PDF failed: %s", exc.strerror or exc)
            message = texts.PDF_SAVE_FAILED.format(name=path.name, reason=exc.strerror or exc)
            self.problems.set_problems([message])
            errors.present(self, texts.ERROR_TITLE, message)
            return None
        self.problems.set_problems([])
        return path
