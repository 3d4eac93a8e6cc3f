"""Printing for a date range: the tracking book (Mẫu 07) and the control sheets (Mẫu 06)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.ui import texts
from counter_app.ui.dossiers import printing
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog
from counter_app.ui.widgets.problem_label import ProblemLabel


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class PeriodPrintsDialog(QDialog):
    """Pick a date range, then preview the tracking book or the control sheets."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PdfPreviewDialog | None = None
        self.setWindowTitle(texts.PERIOD_TITLE)
        self.setMinimumWidth(460)
        today = ctx.clock().date()
        self.date_from = self._date_edit(today.replace(day=1))
        self.date_to = self._date_edit(today)
        self.book_button = QPushButton(texts.PERIOD_TRACKING_BOOK)
        self.sheets_button = QPushButton(texts.PERIOD_CONTROL_SHEETS)
        for button in (self.book_button, self.sheets_button):
            button.setAutoDefault(False)
        self.problem = ProblemLabel()
        form = QFormLayout()
        form.addRow(texts.PERIOD_FROM, self.date_from)
        form.addRow(texts.PERIOD_TO, self.date_to)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(texts.CLOSE)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(texts.PERIOD_INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.book_button)
        layout.addWidget(self.sheets_button)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.book_button.clicked.connect(self.print_tracking_book)
        self.sheets_button.clicked.connect(self.print_control_sheets)

    @staticmethod
    def _date_edit(initial: date) -> QDateEdit:
        edit = QDateEdit(_qdate(initial))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def period(self) -> tuple[date, date] | None:
        """The chosen range, or None (with the problem shown) when it is backwards."""
        start, end = _date(self.date_from.date()), _date(self.date_to.date())
        if start > end:
            self.problem.set_problems([texts.PERIOD_BAD_RANGE])
            return None
        self.problem.set_problems([])
        return start, end

    def print_tracking_book(self) -> PdfPreviewDialog | None:
        """Preview the tracking book (Mẫu 07) of the range."""
        return self._print(self.ctx.forms.tracking_book, texts.PERIOD_TRACKING_TITLE)

    def print_control_sheets(self) -> PdfPreviewDialog | None:
        """Preview the control sheets (Mẫu 06) of the dossiers received in the range."""
        return self._print(self.ctx.forms.control_sheets, texts.PERIOD_CONTROL_TITLE)

    def _print(self, render: Callable[[date, date], bytes], title: str) -> PdfPreviewDialog | None:
        period = self.period()
        if period is None:
            return None
        start, end = period
        outcome = printing.render_and_preview(
            self, lambda: render(start, end), title.format(start=start, end=end), "A4"
        )
        if isinstance(outcome, str):
            self.problem.set_problems([outcome])
            return None
        self.preview = outcome
        return outcome
