"""The report's choices: the period (quick or custom) and what the rows are."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from counter_app.services.dossier_report_models import DossierGroupBy
from counter_app.ui import texts
from counter_app.ui.widgets.period_picker import PeriodPicker
from counter_app.ui.widgets.periods import MONTH, quick_period

LAST_MONTH = "last_month"


def period_for(choice: str, today: date) -> tuple[date, date]:
    """The ratings page's quick periods, plus the whole month before today's."""
    if choice == LAST_MONTH:
        return quick_period(MONTH, today.replace(day=1) - timedelta(days=1))
    return quick_period(choice, today)


class DossierReportControls(QWidget):
    """One row of choices; `changed` fires whenever the report must be read again."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.picker = PeriodPicker(today, texts.DREPORT_QUICK, period_for, self)
        self.quick, self.date_from, self.date_to = (
            self.picker.quick,
            self.picker.date_from,
            self.picker.date_to,
        )
        self.group = QComboBox()
        for group in DossierGroupBy:
            self.group.addItem(group.label, group.value)
        self.group.setCurrentIndex(self.group.findData(DossierGroupBy.FIELD.value))
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
        self.picker.changed.connect(self.changed)
        self.group.currentIndexChanged.connect(self.changed)

    def set_period(self, start: date, end: date) -> None:
        """Choose a custom period."""
        self.picker.set_period(start, end)

    def period(self) -> tuple[date, date] | None:
        """The chosen days, or None when the range is backwards."""
        return self.picker.days()

    def group_by(self) -> DossierGroupBy:
        """What the rows are."""
        return DossierGroupBy(self.group.currentData())
