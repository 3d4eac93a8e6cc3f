"""The report's choices: period (quick or custom), grouping, and the filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.rating_reports import FilterChoices, GroupBy, Period, RatingFilters
from counter_app.ui import texts
from counter_app.ui.widgets.filter_combos import combo, refill
from counter_app.ui.widgets.period_picker import PeriodPicker
from counter_app.ui.widgets.periods import quick_period


class ReportControls(QWidget):
    """Two rows of choices; `changed` fires whenever the report must be read again."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.picker = PeriodPicker(today, texts.RATINGS_QUICK, quick_period, self)
        self.quick, self.date_from, self.date_to = (
            self.picker.quick,
            self.picker.date_from,
            self.picker.date_to,
        )
        self.group = combo([(group.label, group.value) for group in GroupBy])
        all_ = [(texts.RATINGS_ALL, None)]
        self.counter = combo(all_, 6)
        self.clerk = combo(all_, 14)
        self.area = combo(all_, 12)
        self.procedure = combo(all_, 16)
        self.channel = combo(all_ + [(label, code) for code, label in texts.RATINGS_CHANNELS])
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
        self.picker.changed.connect(self.changed)
        for box in (self.group, self.counter, self.clerk, self.area, self.procedure, self.channel):
            box.currentIndexChanged.connect(self.changed)

    def set_period(self, start: date, end: date) -> None:
        """Choose a custom period."""
        self.picker.set_period(start, end)

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer the counters, clerks, areas and procedures that have ratings."""
        refill(
            self.counter, [(texts.RATINGS_COUNTER_ITEM.format(n=n), n) for n in choices.counters]
        )
        refill(self.clerk, [(name, key) for key, name in choices.clerks])
        refill(self.area, [(name, key) for key, name in choices.areas])
        refill(self.procedure, [(name, code) for code, name in choices.procedures])

    def period(self) -> Period | None:
        """The chosen days, or None when the range is backwards."""
        days = self.picker.days()
        return Period(*days) if days else None

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
