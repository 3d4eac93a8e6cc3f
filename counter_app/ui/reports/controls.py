"""The report's choices: the period (quick or custom) and what the rows are."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from counter_app.services.dossier_report_models import DossierGroupBy
from counter_app.ui import texts
from counter_app.ui.ratings.periods import CUSTOM, MONTH, quick_period

LAST_MONTH = "last_month"


def period_for(choice: str, today: date) -> tuple[date, date]:
    """The ratings page's quick periods, plus the whole month before today's."""
    if choice == LAST_MONTH:
        return quick_period(MONTH, today.replace(day=1) - timedelta(days=1))
    return quick_period(choice, today)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class DossierReportControls(QWidget):
    """One row of choices; `changed` fires whenever the report must be read again."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.quick = QComboBox()
        for code, label in texts.DREPORT_QUICK:
            self.quick.addItem(label, code)
        start, end = period_for(MONTH, today)
        self.date_from, self.date_to = self._date_edit(start), self._date_edit(end)
        self.group = QComboBox()
        for group in DossierGroupBy:
            self.group.addItem(group.label, group.value)
        self.group.setCurrentIndex(self.group.findData(DossierGroupBy.FIELD.value))
        self.quick.setCurrentIndex(self.quick.findData(MONTH))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (texts.DREPORT_PERIOD, self.quick),
            (texts.DREPORT_FROM, self.date_from),
            (texts.DREPORT_TO, self.date_to),
            (texts.DREPORT_GROUP, self.group),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)
        self.group.currentIndexChanged.connect(self.changed)

    @staticmethod
    def _date_edit(initial: date) -> QDateEdit:
        edit = QDateEdit(_qdate(initial))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _quick_chosen(self) -> None:
        choice = self.quick.currentData()
        if choice != CUSTOM:
            start, end = period_for(choice, self.today)
            for edit, day in ((self.date_from, start), (self.date_to, end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self.changed.emit()

    def _dates_edited(self) -> None:
        self.quick.blockSignals(True)
        self.quick.setCurrentIndex(self.quick.findData(CUSTOM))
        self.quick.blockSignals(False)
        self.changed.emit()

    def set_period(self, start: date, end: date) -> None:
        """Choose a custom period."""
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def period(self) -> tuple[date, date] | None:
        """The chosen days, or None when the range is backwards."""
        start, end = _date(self.date_from.date()), _date(self.date_to.date())
        return (start, end) if start <= end else None

    def group_by(self) -> DossierGroupBy:
        """What the rows are."""
        return DossierGroupBy(self.group.currentData())
