"""Hồ sơ: every dossier, searched as you type, filtered, late ones tinted; scan a receipt to
open its dossier at once."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.dossiers.detail_dialog import DossierDetailDialog
from counter_app.ui.dossiers.filters import FilterBar
from counter_app.ui.dossiers.list_model import DossierListModel, FilterSource, IdsSource
from counter_app.ui.dossiers.period_prints import PeriodPrintsDialog
from counter_app.ui.widgets.problem_label import ProblemLabel

SEARCH_DELAY_MS = 250
PROCEDURE_LIMIT = 500
#: Something shaped like a dossier code (agency-YYMMDD-NNNN) typed or scanned into the search.
CODE_SHAPE = re.compile(r"-\d{6}-\d{4,}")
#: Widths (pixels) of every column but the procedure's: code, applicant, dates, status.
COLUMN_WIDTHS = {0: 205, 1: 175, 3: 128, 4: 128, 5: 215}
PROCEDURE_COLUMN = 2
BANNER_STYLE = (
    "QPushButton { background: #fff4d6; border: 1px solid #e0b84a; border-radius: 4px;"
    " color: #6b4e00; font-weight: bold; padding: 6px 10px; text-align: left; }"
    "QPushButton:hover { background: #ffeab0; }"
)


class DossiersPage(Page):
    """Search, filter and open dossiers; banner for dossiers that need an apology letter."""

    title = texts.PAGE_DOSSIERS

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.detail_dialog: DossierDetailDialog | None = None
        self.period_dialog: PeriodPrintsDialog | None = None
        self.apology_ids: list[int] = []
        self.showing_apology = False
        self.banner = QPushButton()
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(texts.DOSSIER_SEARCH_HINT)
        self.search.setClearButtonEnabled(True)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(texts.DOSSIER_SCAN_HINT)
        self.scan_problem = ProblemLabel()
        scan_label = QLabel(texts.DOSSIER_SCAN)
        scan_label.setProperty("role", "fieldname")
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addSpacing(12)
        top.addWidget(scan_label)
        top.addWidget(self.scan, 2)
        self.filters = FilterBar(ctx.clock().date())
        sync = ctx.sync_status.for_dossiers if ctx.settings.sync.url else None
        self.model = DossierListModel(self._show_load_error, self, sync)
        self.table = self._make_table()
        self.count = QLabel()
        self.count.setProperty("role", "subtle")
        self.open_button = QPushButton(texts.DOSSIER_OPEN)
        self.refresh_button = QPushButton(texts.DOSSIER_REFRESH)
        self.period_button = QPushButton(texts.DOSSIER_PERIOD_PRINTS)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.period_button)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.open_button)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.scan_problem)
        self.layout_.addWidget(self.filters)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.scan.returnPressed.connect(lambda: self.open_scanned(self.scan.text()))
        self.scan.textEdited.connect(lambda _: self.scan_problem.set_problems([]))
        self.filters.changed.connect(self.run_search)
        self.banner.clicked.connect(self.show_needing_apology)
        self.table.doubleClicked.connect(self._open_index)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.period_button.clicked.connect(self.open_period_prints)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(PROCEDURE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        return table

    def refresh(self) -> None:
        """Reload the procedures offered, the banner and the list."""
        procedures = errors.guarded(
            self, lambda: self.ctx.catalog.search("", limit=PROCEDURE_LIMIT)
        )
        self.filters.set_procedures((p.name, p.code) for p in procedures or [])
        self.reload()
        self.scan.setFocus()

    def reload(self) -> None:
        """Fetch the banner and the list again, keeping the selected dossier when still listed."""
        ids, _ = errors.attempt(self.ctx.lifecycle.needing_apology)
        self.apology_ids = list(ids or [])
        self.banner.setText(texts.DOSSIER_APOLOGY_BANNER.format(count=len(self.apology_ids)))
        self.banner.setVisible(bool(self.apology_ids))
        if self.showing_apology:
            self.show_needing_apology()
        else:
            self.run_search()

    def run_search(self) -> None:
        """List the dossiers matching the search text and the filters."""
        self._timer.stop()
        self.showing_apology = False
        flt = self.filters.current(self.search.text())
        self._load(FilterSource(self.ctx.dossiers, flt))

    def show_needing_apology(self) -> None:
        """List only the dossiers that will be late and still need an apology letter."""
        self._timer.stop()
        self.showing_apology = True
        self._load(IdsSource(self.ctx.dossiers, self.apology_ids))

    def _load(self, source: FilterSource | IdsSource) -> None:
        selected = self.selected_id()
        self.model.set_source(source)
        total, shown = self.model.total, self.model.rowCount()
        if self.showing_apology:
            text = texts.DOSSIER_APOLOGY_FILTER.format(count=total)
        elif total == 0:
            text = texts.DOSSIER_EMPTY
        elif shown < total:
            text = texts.DOSSIER_COUNT_PARTIAL.format(total=total, shown=shown)
        else:
            text = texts.DOSSIER_COUNT.format(total=total)
        self.count.setText(text)
        row = self.model.row_of(selected) if selected is not None else -1
        if row >= 0:
            self.table.selectRow(row)

    def _show_load_error(self, message: str) -> None:
        errors.present(self, texts.ERROR_TITLE, message)

    def selected_id(self) -> int | None:
        """The id of the selected dossier, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0].row()).id if rows else None

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_dossier(self.model.row(index.row()).id)

    def open_selected(self) -> None:
        """Open the selected dossier."""
        dossier_id = self.selected_id()
        if dossier_id is None:
            errors.show_info(self, texts.DOSSIER_PICK_FIRST)
            return
        self.open_dossier(dossier_id)

    def open_dossier(self, dossier_id: int) -> DossierDetailDialog | None:
        """Fetch a dossier and show its detail."""
        detail = errors.guarded(self, lambda: self.ctx.dossiers.get(dossier_id))
        return self.show_detail(detail) if detail else None

    def show_detail(self, detail: DossierDetail) -> DossierDetailDialog:
        """Show a dossier's detail in a window-modal dialog (one at a time)."""
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog.deleteLater()
        dialog = DossierDetailDialog(self.ctx, self.principal, detail, self)
        dialog.changed.connect(lambda _id: self.reload())
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def open_scanned(self, scanned: str) -> DossierDetailDialog | None:
        """A receipt's barcode/QR was scanned: open its dossier, or say what was wrong."""
        if not scanned.strip():
            return None
        detail, message = errors.attempt(lambda: self.ctx.dossiers.resolve_scan(scanned))
        if detail is None:
            self.scan_problem.set_problems([message or texts.UNEXPECTED_ERROR])
            self.scan.selectAll()  # the next scan replaces the garbage
            return None
        self.scan_problem.set_problems([])
        self.scan.clear()
        return self.show_detail(detail)

    def _search_entered(self) -> None:
        text = self.search.text()
        if CODE_SHAPE.search(text):  # a scanner typed into the search box
            detail, _ = errors.attempt(lambda: self.ctx.dossiers.resolve_scan(text))
            if detail is not None:
                self.show_detail(detail)
        self.run_search()

    def open_period_prints(self) -> PeriodPrintsDialog:
        """The dialog printing the tracking book and control sheets for a date range."""
        if self.period_dialog is None:
            self.period_dialog = PeriodPrintsDialog(self.ctx, self)
        self.period_dialog.open()
        return self.period_dialog
