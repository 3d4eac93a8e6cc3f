"""A report's period: a quick choice (this month, this quarter…) and the two days it gives.

Choosing a quick period fills the days; editing a day switches the choice to "custom".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit

from counter_app.ui.widgets.periods import CUSTOM, MONTH

PeriodRule = Callable[[str, date], tuple[date, date]]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _date_edit(initial: date) -> QDateEdit:
    edit = QDateEdit(_qdate(initial))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class PeriodPicker(QObject):
    """Owns the quick-choice box and the two date boxes; `changed` fires on any change."""

    changed = Signal()

    def __init__(
        self,
        today: date,
        choices: Sequence[tuple[str, str]],
        rule: PeriodRule,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.today, self.rule = today, rule
        self.quick = QComboBox()
        for code, label in choices:
            self.quick.addItem(label, code)
        start, end = rule(MONTH, today)
        self.date_from, self.date_to = _date_edit(start), _date_edit(end)
        self.quick.setCurrentIndex(self.quick.findData(MONTH))
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)

    def _quick_chosen(self) -> None:
        choice = self.quick.currentData()
        if choice != CUSTOM:
            start, end = self.rule(choice, self.today)
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

    def days(self) -> tuple[date, date] | None:
        """The chosen days, or None when the range is backwards."""
        start, end = _date(self.date_from.date()), _date(self.date_to.date())
        return (start, end) if start <= end else None
