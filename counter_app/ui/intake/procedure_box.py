"""The procedure part of intake: an accent-insensitive search of the catalogue, one pick."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.catalog import ProcedureDetail, ProcedureSummary
from counter_app.ui import errors, texts
from counter_app.ui.clerk.catalog_page import deadline_text, fee_text

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 60
LIST_ROWS = 4


def describe(proc: ProcedureSummary | ProcedureDetail) -> str:
    """Field, processing time and fee of a procedure, on one line."""
    summary = cast(ProcedureSummary, proc)  # a detail has every field a summary has
    return texts.INTAKE_PROCEDURE_FACTS.format(
        field=proc.field, time=deadline_text(summary), fee=fee_text(summary)
    )


class ProcedureBox(QGroupBox):
    """Search box, matching procedures, and the chosen one's facts."""

    picked = Signal(object)  # the ProcedureDetail chosen, or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(texts.INTAKE_PROCEDURE, parent)
        self.ctx = ctx
        self.detail: ProcedureDetail | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(texts.INTAKE_PROCEDURE_HINT)
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        row_height = self.results.fontMetrics().height() + 8
        self.results.setMinimumHeight(row_height * LIST_ROWS + 4)
        # Only what is left over: the boxes around it keep their messages whole.
        self.results.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.chosen = QLabel(texts.INTAKE_NO_PROCEDURE)
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel()
        self.facts.setProperty("role", "subtle")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.chosen)
        layout.addWidget(self.facts)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(
            lambda item: self.pick(item.data(Qt.ItemDataRole.UserRole))
        )
        self.results.currentItemChanged.connect(self._preview)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """In the search box: Enter picks the highlighted result, arrows move in the list."""
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                item = self.results.currentItem() or self.results.item(0)
                if item is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.pick(item.data(Qt.ItemDataRole.UserRole))
                    return True
            elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return False

    def run_search(self) -> None:
        """List the procedures matching the typed words (accents ignored)."""
        self._timer.stop()
        query = self.search.text()
        found = errors.guarded(self, lambda: self.ctx.catalog.search(query, limit=SEARCH_LIMIT))
        self.results.blockSignals(True)
        self.results.clear()
        for proc in found or []:
            item = QListWidgetItem(f"{proc.name}")
            item.setData(Qt.ItemDataRole.UserRole, proc.code)
            item.setToolTip(f"{proc.code} — {proc.name}\n{describe(proc)}")
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.results.blockSignals(False)
        if not found and not query.strip():
            self.facts.setText(texts.CATALOG_EMPTY)

    def _preview(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is not None and self.detail is None:
            self.facts.setText(current.toolTip().split("\n", 1)[-1])

    def pick(self, code: str) -> ProcedureDetail | None:
        """Choose the procedure with this code: its papers and fee follow."""
        detail = errors.guarded(self, lambda: self.ctx.catalog.get(code))
        if detail is None:
            return None
        self.detail = detail
        self.chosen.setText(f"{detail.name} ({detail.code})")
        self.chosen.setStyleSheet("font-weight: bold; color: #163d6b;")
        self.facts.setText(describe(detail))
        self.facts.setToolTip(detail.fee_text)
        self.picked.emit(detail)
        return detail

    def clear(self) -> None:
        """Forget the chosen procedure and the typed search."""
        self.detail = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.chosen.setText(texts.INTAKE_NO_PROCEDURE)
        self.chosen.setStyleSheet("")
        self.facts.clear()
        self.facts.setToolTip("")
        self.run_search()
        self.picked.emit(None)
