"""The report's choices: the period (quick or custom), what the rows are, and the filters."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.dossier_report_choices import DossierChoices
from counter_app.services.dossier_report_models import DossierFilters, DossierGroupBy
from counter_app.ui import texts
from counter_app.ui.widgets.filter_combos import combo, refill
from counter_app.ui.widgets.period_picker import PeriodPicker
from counter_app.ui.widgets.periods import MONTH, quick_period

LAST_MONTH = "last_month"


def period_for(choice: str, today: date) -> tuple[date, date]:
    """The ratings page's quick periods, plus the whole month before today's."""
    if choice == LAST_MONTH:
        return quick_period(MONTH, today.replace(day=1) - timedelta(days=1))
    return quick_period(choice, today)


class DossierReportControls(QWidget):
    """Two rows of choices; `changed` fires whenever the report must be read again."""

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
        all_ = [(texts.DREPORT_ALL, None)]
        self.procedure = combo(all_, 18)
        self.field = combo(all_, 12)
        self.counter = combo(all_, 6)
        self.clerk = combo(all_, 12)
        self.channel = combo(all_, 10)
        first = QHBoxLayout()
        for label, widget in (
            (texts.DREPORT_PERIOD, self.quick),
            (texts.DREPORT_FROM, self.date_from),
            (texts.DREPORT_TO, self.date_to),
            (texts.DREPORT_GROUP, self.group),
            (texts.DREPORT_FILTER_CHANNEL, self.channel),
        ):
            first.addWidget(QLabel(label))
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        for label, widget in (
            (texts.DREPORT_FILTER_PROCEDURE, self.procedure),
            (texts.DREPORT_FILTER_FIELD, self.field),
            (texts.DREPORT_FILTER_COUNTER, self.counter),
            (texts.DREPORT_FILTER_CLERK, self.clerk),
        ):
            second.addWidget(QLabel(label))
            second.addWidget(widget, 1 if widget is self.procedure else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        self.picker.changed.connect(self.changed)
        for box in (
            self.group,
            self.procedure,
            self.field,
            self.counter,
            self.clerk,
            self.channel,
        ):
            box.currentIndexChanged.connect(self.changed)

    def set_choices(self, choices: DossierChoices) -> None:
        """Offer the procedures, fields, counters, clerks and channels the dossiers hold."""
        refill(self.procedure, [(name, code) for code, name in choices.procedures])
        refill(self.field, [(name, name) for name in choices.fields])
        refill(
            self.counter, [(texts.DREPORT_COUNTER_ITEM.format(n=n), n) for n in choices.counters]
        )
        refill(self.clerk, [(name, key) for key, name in choices.clerks])
        refill(self.channel, [(name, code) for code, name in choices.channels])

    def filters(self) -> DossierFilters:
        """The chosen filters (None where "Tất cả")."""
        return DossierFilters(
            procedure_code=self.procedure.currentData(),
            field=self.field.currentData(),
            counter=self.counter.currentData(),
            clerk_id=self.clerk.currentData(),
            channel=self.channel.currentData(),
        )

    def set_period(self, start: date, end: date) -> None:
        """Choose a custom period."""
        self.picker.set_period(start, end)

    def period(self) -> tuple[date, date] | None:
        """The chosen days, or None when the range is backwards."""
        return self.picker.days()

    def group_by(self) -> DossierGroupBy:
        """What the rows are."""
        return DossierGroupBy(self.group.currentData())
