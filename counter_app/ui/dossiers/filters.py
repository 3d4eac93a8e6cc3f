"""The dossier list's filters: status, procedure, received dates, overdue / due soon."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.domain.dossier_status import DossierStatus
from counter_app.services.dossier_queries import DossierFilter
from counter_app.ui import texts
from counter_app.ui.dossiers.formatting import FINISHED, IN_PROGRESS
from counter_app.ui.widgets.search_combo import SearchCombo

#: The status choices: a label and the statuses it stands for (empty: all).
STATUS_CHOICES: tuple[tuple[str, tuple[DossierStatus, ...]], ...] = (
    (texts.FILTER_ALL_STATUSES, ()),
    (texts.FILTER_IN_PROGRESS, IN_PROGRESS),
    (texts.FILTER_FINISHED, FINISHED),
    *((s.label, (s,)) for s in DossierStatus),
)

DEFAULT_DAYS_BACK = 30


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class FilterBar(QWidget):
    """The filter widgets in a row; `changed` fires whenever one of them changes."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        for label, statuses in STATUS_CHOICES:
            self.status.addItem(label, [int(s) for s in statuses])
        self.status.setMinimumContentsLength(14)
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.procedure = SearchCombo(texts.FILTER_ALL_PROCEDURES)
        self.procedure.setMinimumContentsLength(22)
        self.procedure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dated = QCheckBox(texts.FILTER_RECEIVED)
        self.date_from, self.date_to = _date_edit(), _date_edit()
        self.today = today
        self.date_from.setDate(_qdate(date.fromordinal(today.toordinal() - DEFAULT_DAYS_BACK)))
        self.date_to.setDate(_qdate(today))
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.overdue = QCheckBox(texts.FILTER_OVERDUE)
        self.due_soon = QCheckBox(texts.FILTER_DUE_SOON)
        self.clear_button = QPushButton(texts.FILTER_CLEAR)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 2)
        layout.addWidget(self.procedure, 3)
        layout.addSpacing(6)
        layout.addWidget(self.dated)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(texts.FILTER_RECEIVED_TO))
        layout.addWidget(self.date_to)
        layout.addSpacing(6)
        layout.addWidget(self.overdue)
        layout.addWidget(self.due_soon)
        layout.addWidget(self.clear_button)
        # Signals are never blocked (SearchCombo remembers what it announced): `_quiet`
        # silences `changed` while several widgets are set at once.
        self._quiet = False
        self.status.currentIndexChanged.connect(self._announce)
        self.procedure.picked.connect(self._announce)
        self.dated.toggled.connect(self._toggle_dates)
        self.date_from.dateChanged.connect(lambda _: self._dates_changed(self.date_from))
        self.date_to.dateChanged.connect(lambda _: self._dates_changed(self.date_to))
        self.overdue.toggled.connect(self._announce)
        self.due_soon.toggled.connect(self._announce)
        self.clear_button.clicked.connect(self.clear)

    def _announce(self, *_: object) -> None:
        if not self._quiet:
            self.changed.emit()

    def set_procedures(self, items: Iterable[tuple[str, str]]) -> None:
        """Offer these (name, code) procedures, keeping the chosen one when still there."""
        chosen = self.procedure.selected_code()
        self._quiet = True
        try:
            self.procedure.set_items(items)
            if chosen:
                self.procedure.select_code(chosen)
        finally:
            self._quiet = False
        if chosen and self.procedure.selected_code() != chosen:
            self.changed.emit()  # the procedure left the catalogue: the filter changed

    def set_statuses(self, statuses: tuple[DossierStatus, ...]) -> None:
        """Choose the status entry standing for exactly these statuses."""
        wanted = sorted(int(s) for s in statuses)
        for i in range(self.status.count()):
            if sorted(self.status.itemData(i)) == wanted:
                self.status.setCurrentIndex(i)
                return

    def current(self, query: str = "") -> DossierFilter:
        """The filter the widgets describe, with the search text."""
        dated = self.dated.isChecked()
        return DossierFilter(
            query=query,
            statuses=tuple(DossierStatus(s) for s in self.status.currentData() or []),
            procedure_code=self.procedure.selected_code() or "",
            received_from=_date(self.date_from.date()) if dated else None,
            received_to=_date(self.date_to.date()) if dated else None,
            overdue_only=self.overdue.isChecked(),
            due_soon_only=self.due_soon.isChecked(),
        )

    def clear(self) -> None:
        """Back to every dossier (one `changed` signal)."""
        self._quiet = True
        try:
            self.status.setCurrentIndex(0)
            self.procedure.setCurrentIndex(-1)
            self.procedure.setEditText("")
            self.dated.setChecked(False)
            self.overdue.setChecked(False)
            self.due_soon.setChecked(False)
        finally:
            self._quiet = False
        self.changed.emit()

    def _toggle_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._announce()

    def _dates_changed(self, edited: QDateEdit) -> None:
        if self.date_to.date() < self.date_from.date():  # keep the range the right way round
            other = self.date_to if edited is self.date_from else self.date_from
            other.blockSignals(True)
            other.setDate(edited.date())
            other.blockSignals(False)
        if self.dated.isChecked():
            self._announce()
