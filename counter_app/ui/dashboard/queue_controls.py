"""The queue report's choices: the period, then the service area, counter and clerk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.queue_report_choices import QueueChoices
from counter_app.services.queue_report_models import Period, QueueFilters
from counter_app.ui import texts
from counter_app.ui.widgets.filter_combos import combo, refill
from counter_app.ui.widgets.period_picker import PeriodPicker
from counter_app.ui.widgets.periods import quick_period


class QueueControls(QWidget):
    """Two rows of choices; `changed` fires whenever the report must be read again.

    `first_row` is left open on its right so the page can put its buttons there.
    """

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = PeriodPicker(today, texts.RATINGS_QUICK, quick_period, self)
        all_ = [(texts.RATINGS_ALL, None)]
        self.area = combo(all_, 16)
        self.counter = combo(all_, 6)
        self.clerk = combo(all_, 16)
        self.first_row = QHBoxLayout()
        for label, widget in (
            (texts.RATINGS_PERIOD, self.picker.quick),
            (texts.RATINGS_FROM, self.picker.date_from),
            (texts.RATINGS_TO, self.picker.date_to),
        ):
            self.first_row.addWidget(QLabel(label))
            self.first_row.addWidget(widget)
        self.first_row.addStretch(1)
        second = QHBoxLayout()
        for label, widget in (
            (texts.QREPORT_FILTER_AREA, self.area),
            (texts.RATINGS_FILTER_COUNTER, self.counter),
            (texts.RATINGS_FILTER_CLERK, self.clerk),
        ):
            second.addWidget(QLabel(label))
            second.addWidget(widget)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.first_row)
        layout.addLayout(second)
        self.picker.changed.connect(self.changed)
        for box in (self.area, self.counter, self.clerk):
            box.currentIndexChanged.connect(self.changed)

    def set_choices(self, choices: QueueChoices) -> None:
        """Offer the areas, counters and clerks of the queue; a choice still offered stays."""
        refill(self.area, [(name, key) for key, name in choices.areas])
        refill(
            self.counter, [(texts.RATINGS_COUNTER_ITEM.format(n=n), n) for n in choices.counters]
        )
        refill(self.clerk, [(name, key) for key, name in choices.clerks])

    def period(self) -> Period | None:
        """The chosen days, or None when the range is backwards."""
        days = self.picker.days()
        return Period(*days) if days else None

    def filters(self) -> QueueFilters:
        """The chosen filters; "Tất cả" is None."""
        return QueueFilters(
            area_id=self.area.currentData(),
            counter=self.counter.currentData(),
            clerk_id=self.clerk.currentData(),
        )
