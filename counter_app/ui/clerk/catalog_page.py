"""Danh mục thủ tục: accent-insensitive search, a field filter, and each procedure's papers."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.catalog import PaperSpec
from counter_app.services.catalog import ProcedureSummary
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.table_model import Column, RowTableModel, make_table

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 200


def format_days(days: Decimal | float | int) -> str:
    """Working days with a Vietnamese decimal comma: 3, 0,5, 1,25."""
    text = f"{Decimal(str(days)).normalize():f}"
    return text.replace(".", ",")


def deadline_text(proc: ProcedureSummary) -> str:
    """The processing time in words ("Không quá 02 ngày làm việc"), else from its days."""
    if any(ch.isalpha() for ch in proc.processing_text):
        return proc.processing_text
    return texts.DAYS.format(days=format_days(proc.processing_days))


def format_money(amount: int) -> str:
    """E.g. 50000 -> "50.000 ₫"."""
    return texts.FEE_AMOUNT.format(amount=f"{amount:,}".replace(",", "."))


def fee_text(proc: ProcedureSummary) -> str:
    """The fee: an amount, free, or the catalogue's wording when it varies."""
    if proc.fee_amount is None:  # its first clause; the whole text is the tooltip
        return proc.fee_text.split(";")[0].split(" (")[0].strip() or texts.NONE
    return texts.FEE_FREE if proc.fee_amount == 0 else format_money(proc.fee_amount)


def paper_name(paper: PaperSpec) -> str:
    """The paper's name, marked when only sometimes needed or only shown."""
    suffix = "" if paper.required else texts.PAPER_OPTIONAL
    return paper.name + suffix + (texts.PAPER_PRESENT_ONLY if paper.present_only else "")


PROCEDURE_COLUMNS: list[Column[ProcedureSummary]] = [
    Column(texts.CATALOG_COLUMNS[0], lambda p: p.code),
    Column(texts.CATALOG_COLUMNS[1], lambda p: p.name),
    Column(texts.CATALOG_COLUMNS[2], lambda p: p.field),
    Column(texts.CATALOG_COLUMNS[3], deadline_text),
    Column(texts.CATALOG_COLUMNS[4], fee_text, tooltip=lambda p: p.fee_text or fee_text(p)),
]


#: Widths (pixels) of the columns that must not push the name off screen: deadline, fee.
FIXED_WIDTHS = {3: 150, 4: 230}

PAPER_COLUMNS: list[Column[PaperSpec]] = [
    Column(texts.PAPER_COLUMNS[0], paper_name),
    Column(texts.PAPER_COLUMNS[1], lambda p: str(p.originals), align_right=True),
    Column(texts.PAPER_COLUMNS[2], lambda p: str(p.copies), align_right=True),
    Column(texts.PAPER_COLUMNS[3], lambda p: str(p.originals + p.copies), align_right=True),
]


class CatalogPage(Page):
    """Search the procedures; the selected one's papers show underneath."""

    title = texts.PAGE_CATALOG

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(texts.CATALOG_SEARCH_HINT)
        self.search.setClearButtonEnabled(True)
        self.field = QComboBox()
        self.field.setMinimumContentsLength(18)
        self.field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.count = QLabel()
        self.count.setProperty("role", "subtle")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.field, 2)
        bar.addWidget(self.count)
        self.model: RowTableModel[ProcedureSummary] = RowTableModel(PROCEDURE_COLUMNS, self)
        self.table = make_table(self.model, 1)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        for column, width in FIXED_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.papers_model: RowTableModel[PaperSpec] = RowTableModel(PAPER_COLUMNS, self)
        self.papers = make_table(self.papers_model, 0)
        self.papers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.papers_title = QLabel(texts.CATALOG_PICK)
        self.papers_title.setWordWrap(True)
        self.papers_title.setTextFormat(Qt.TextFormat.PlainText)
        self.papers_title.setProperty("role", "subtle")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        caption = QLabel(f"<b>{texts.CATALOG_PAPERS}</b>")
        lower_layout.addWidget(caption)
        lower_layout.addWidget(self.papers_title)
        lower_layout.addWidget(self.papers, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.field.currentIndexChanged.connect(lambda _: self.run_search())
        self.table.selectionModel().selectionChanged.connect(self._show_papers)

    def refresh(self) -> None:
        """Reload the field list and the results."""
        fields = errors.guarded(self, self.ctx.catalog.fields) or []
        chosen = self.field.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem(texts.CATALOG_ALL_FIELDS, None)
        for name in fields:
            self.field.addItem(name, name)
        self.field.setCurrentIndex(max(0, self.field.findData(chosen)))
        self.field.blockSignals(False)
        self.run_search()

    def run_search(self) -> None:
        """Search the catalogue with the typed text and the chosen field."""
        self._timer.stop()
        query, field = self.search.text(), self.field.currentData()
        found = errors.guarded(
            self, lambda: self.ctx.catalog.search(query, field=field, limit=SEARCH_LIMIT)
        )
        self.model.set_rows(found or [])
        shown = self.model.rowCount()
        empty = shown == 0 and not query and field is None
        self.count.setText(
            texts.CATALOG_EMPTY if empty else texts.CATALOG_COUNT.format(shown=shown)
        )
        self.papers_model.set_rows([])
        self.papers_title.setText(texts.CATALOG_PICK)
        if shown:
            self.table.selectRow(0)

    def _show_papers(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        summary = self.model.row(rows[0].row())
        detail = errors.guarded(self, lambda: self.ctx.catalog.get(summary.code))
        if detail is None:
            return
        self.papers_title.setText(f"{detail.code} — {detail.name}")
        self.papers_model.set_rows(list(detail.papers))
        self.papers.resizeRowsToContents()
