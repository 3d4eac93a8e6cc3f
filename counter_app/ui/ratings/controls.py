"""The report's choices: period (quick or custom), grouping, and the filters."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.rating_reports import FilterChoices, GroupBy, Period, RatingFilters
from counter_app.ui import texts
from counter_app.ui.ratings.periods import CUSTOM, MONTH, quick_period


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _combo(items: list[tuple[str, Any]], width: int = 0) -> QComboBox:
    box = QComboBox()
    for label, data in items:
        box.addItem(label, data)
    if width:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(width)
    return box


def _refill(box: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace a filter's items after "Tất cả", keeping the choice when it is still there."""
    chosen = box.currentData()
    box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(1)
    for label, data in items:
        box.addItem(label, data)
        box.setItemData(box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)  # long names
    index = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(0, index))
    box.blockSignals(False)


class ReportControls(QWidget):
    """Two rows of choices; `changed` fires whenever the report must be read again."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.quick = _combo([(label, code) for code, label in texts.RATINGS_QUICK])
        start, end = quick_period(MONTH, today)
        self.date_from, self.date_to = self._date_edit(start), self._date_edit(end)
        self.group = _combo([(group.label, group.value) for group in GroupBy])
        all_ = [(texts.RATINGS_ALL, None)]
        self.counter = _combo(all_, 6)
        self.clerk = _combo(all_, 14)
        self.area = _combo(all_, 12)
        self.procedure = _combo(all_, 16)
        self.channel = _combo(all_ + [(label, code) for code, label in texts.RATINGS_CHANNELS])
        self.quick.setCurrentIndex(self.quick.findData(MONTH))
        first = QHBoxLayout()
        for label, widget in (
            (texts.RATINGS_PERIOD, self.quick),
            (texts.RATINGS_FROM, self.date_from),
            (texts.RATINGS_TO, self.date_to),
            (texts.RATINGS_GROUP, self.group),
            (texts.RATINGS_FILTER_CHANNEL, self.channel),
        ):
            first.addWidget(QLabel(label))
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        for label, widget in (
            (texts.RATINGS_FILTER_COUNTER, self.counter),
            (texts.RATINGS_FILTER_CLERK, self.clerk),
            (texts.RATINGS_FILTER_AREA, self.area),
            (texts.RATINGS_FILTER_PROCEDURE, self.procedure),
        ):
            second.addWidget(QLabel(label))
            second.addWidget(widget, 1 if widget is self.procedure else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)
        for box in (self.group, self.counter, self.clerk, self.area, self.procedure, self.channel):
            box.currentIndexChanged.connect(self.changed)

    @staticmethod
    def _date_edit(initial: date) -> QDateEdit:
        edit = QDateEdit(_qdate(initial))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _quick_chosen(self) -> None:
        choice = self.quick.currentData()
        if choice != CUSTOM:
            start, end = quick_period(choice, self.today)
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

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer the counters, clerks, areas and procedures that have ratings."""
        _refill(
            self.counter, [(texts.RATINGS_COUNTER_ITEM.format(n=n), n) for n in choices.counters]
        )
        _refill(self.clerk, [(name, key) for key, name in choices.clerks])
        _refill(self.area, [(name, key) for key, name in choices.areas])
        _refill(self.procedure, [(name, code) for code, name in choices.procedures])

    def period(self) -> Period | None:
        """The chosen days, or None when the range is backwards."""
        start, end = _date(self.date_from.date()), _date(self.date_to.date())
        return Period(start, end) if start <= end else None

    def group_by(self) -> GroupBy:
        """What the rows are."""
        return GroupBy(self.group.currentData())

    def filters(self) -> RatingFilters:
        """The chosen filters."""
        return RatingFilters(
            counter=self.counter.currentData(),
            clerk_id=self.clerk.currentData(),
            area_id=self.area.currentData(),
            procedure_code=self.procedure.currentData(),
            channel=self.channel.currentData(),
        )
