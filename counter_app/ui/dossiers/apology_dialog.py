"""The apology letter with a new appointment date: a later working day, once per dossier."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.text import normalize
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.dossiers.action_dialogs import ActionDialog, note_edit

#: How far ahead the date picker marks days off.
MARKED_DAYS = 120
#: Appointment hour when the dossier had no due time.
DEFAULT_TIME = time(16, 0)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class ApologyDialog(ActionDialog):
    """New date (working days after the current due date only) and the reason for the delay."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, principal, detail, texts.APOLOGY_TITLE, texts.APOLOGY_INTRO, parent)
        calendar = ctx.calendar
        due = detail.row.due_at or ctx.clock()
        self.at_time = due.time() if detail.row.due_at else DEFAULT_TIME
        # After the current due date, and never in the past for an overdue dossier.
        after = max(due.date(), ctx.clock().date())
        first = after + timedelta(days=1)
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_date.setMinimumDate(_qdate(first))
        self.new_date.setDate(_qdate(calendar.add_working_days(after, 1)))
        self._mark_days_off(first)
        date_row = QHBoxLayout()
        date_row.addWidget(self.new_date)
        date_row.addWidget(
            QLabel(texts.APOLOGY_NEW_TIME.format(time=self.at_time.strftime("%H:%M")))
        )
        date_row.addStretch(1)
        self.reason = note_edit()
        current = QLabel(fmt.when(detail.row.due_at))
        current.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(texts.APOLOGY_CURRENT_DUE, current)
        self.form.addRow(texts.APOLOGY_NEW_DATE, date_row)
        self.form.addRow(texts.APOLOGY_REASON, self.reason)
        self.new_date.dateChanged.connect(self._check_date)
        self._check_date()
        self.reason.setFocus()

    def _mark_days_off(self, first: date) -> None:
        off = QTextCharFormat()
        off.setForeground(QColor("#a0a8b0"))
        off.setBackground(QColor("#eceff2"))
        widget = self.new_date.calendarWidget()
        for offset in range(MARKED_DAYS):
            d = first + timedelta(days=offset)
            if not self.ctx.calendar.is_working_day(d):
                widget.setDateTextFormat(_qdate(d), off)

    def new_due(self) -> datetime:
        """The new appointment: the chosen day at the old appointment's time."""
        return datetime.combine(_date(self.new_date.date()), self.at_time)

    def date_problems(self) -> list[str]:
        """The chosen day must be a working day after the current due date."""
        chosen = _date(self.new_date.date())
        if self.detail.row.due_at and self.new_due() <= self.detail.row.due_at:
            return [texts.APOLOGY_NOT_LATER]
        if not self.ctx.calendar.is_working_day(chosen):
            return [texts.APOLOGY_NOT_WORKING_DAY.format(d=chosen)]
        return []

    def _check_date(self, *_: object) -> None:
        problems = self.date_problems()
        self.problem.set_problems(problems)
        self.ok_button.setEnabled(not problems)

    def problems(self) -> list[str]:
        """A valid date and a reason."""
        problems = self.date_problems()
        if not normalize(self.reason.toPlainText()):
            problems.append(texts.DOSSIER_NEED_REASON)
        return problems

    def perform(self) -> DossierDetail:
        """Record the apology and the new date."""
        reason = normalize(self.reason.toPlainText())
        return self.lifecycle.apologise(self.principal, self.detail.id, self.new_due(), reason)
