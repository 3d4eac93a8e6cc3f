"""The queue report: period and filters, tables per area × hour, area, counter, clerk, a chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal
from counter_app.services.queue_report_choices import QueueChoices
from counter_app.services.queue_report_models import (
    HourRow,
    Period,
    QueueFilters,
    QueueReport,
    QueueRow,
    minutes_text,
)
from counter_app.ui import errors, texts
from counter_app.ui.dashboard.queue_chart import QueueChart
from counter_app.ui.dashboard.queue_controls import QueueControls
from counter_app.ui.dashboard.queue_tables import group_columns, hour_columns
from counter_app.ui.table_model import RowTableModel, make_table
from counter_app.ui.widgets.export_bar import ExportBar, ExportJob
from counter_app.ui.workers import Pool, TaskSignals, run_task


class QueueReportView(QWidget):
    """Reads the report off the GUI thread when a choice changes; exports with a progress bar."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal, self.pool = ctx, principal, pool
        self.report: QueueReport | None = None
        self._tasks: set[TaskSignals] = set()
        self._generation = 0
        self.controls = QueueControls(ctx.clock().date(), self)
        self.picker = self.controls.picker
        self.quick, self.date_from, self.date_to = (
            self.picker.quick,
            self.picker.date_from,
            self.picker.date_to,
        )
        self.controls.changed.connect(self.refresh)
        self.exports = ExportBar(pool, texts.QREPORT_SAVE_TITLE)
        self.xlsx_button = self.exports.add_button(
            texts.RATINGS_EXPORT_XLSX, lambda: self.export_job("xlsx")
        )
        self.pdf_button = self.exports.add_button(
            texts.RATINGS_EXPORT_PDF, lambda: self.export_job("pdf"), primary=True
        )
        self.controls.first_row.addWidget(self.exports)
        self.headline = QLabel()
        self.hour_model: RowTableModel[HourRow] = RowTableModel(hour_columns(), self)
        self.models: dict[str, RowTableModel[QueueRow]] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(make_table(self.hour_model, 0), texts.QREPORT_HOURS_TITLE)
        for title in (
            texts.QREPORT_GROUP_AREA,
            texts.QREPORT_GROUP_COUNTER,
            texts.QREPORT_GROUP_CLERK,
        ):
            self.models[title] = RowTableModel(group_columns(title), self)
            self.tabs.addTab(make_table(self.models[title], 0), title)
        self.chart = QueueChart()
        self.tabs.addTab(self.chart, texts.QREPORT_CHART_TAB)
        note = QLabel(texts.QREPORT_NOTE)
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)

    def period(self) -> Period | None:
        """The chosen days, or None when the range is backwards."""
        return self.controls.period()

    def _start(self, work: Any, done: Any, failed: Any) -> None:
        box: list[TaskSignals] = []
        finished = False

        def settle(handler: Any) -> Any:
            def call(result: Any) -> None:
                nonlocal finished
                finished = True
                self._tasks.difference_update(box)
                handler(result)

            return call

        signals = run_task(self.pool, work, settle(done), settle(failed))
        if not finished:
            box.append(signals)
            self._tasks.add(signals)

    def refresh(self) -> None:
        """Read the report and the filters' choices; stale answers are dropped."""
        period = self.period()
        if period is None:
            self.headline.setText(texts.PERIOD_BAD_RANGE)
            return
        self._generation += 1
        generation, who, filters = self._generation, self.principal, self.controls.filters()
        reports = self.ctx.queue_reports
        self.headline.setText(texts.RATINGS_LOADING)
        self._start(
            lambda: (reports.report(who, period, filters), reports.choices(who)),
            lambda r: self._loaded(generation, r),
            self._failed,
        )

    def _loaded(self, generation: int, result: tuple[QueueReport, QueueChoices]) -> None:
        if generation != self._generation:
            return
        report, choices = result
        self.controls.set_choices(choices)
        if self.controls.filters() != report.filters:
            self.refresh()  # a chosen clerk or counter is no longer offered: read all
            return
        self.report = report
        total = report.total
        self.headline.setText(
            texts.QREPORT_HEADLINE.format(
                tickets=total.tickets,
                served=total.served,
                no_shows=total.no_shows,
                wait=minutes_text(total.wait.average),
                p90=minutes_text(total.wait.p90),
            )
            if total.tickets
            else texts.QREPORT_EMPTY_FILTERED
            if report.filters != QueueFilters()
            else texts.QREPORT_EMPTY
        )
        self.hour_model.set_rows([*report.hours, report.hour_total] if report.hours else [])
        for title, rows in (
            (texts.QREPORT_GROUP_AREA, report.by_area),
            (texts.QREPORT_GROUP_COUNTER, report.by_counter),
            (texts.QREPORT_GROUP_CLERK, report.by_clerk),
        ):
            self.models[title].set_rows([*rows, total] if rows else [])
        self.chart.set_report(report)

    def _failed(self, exc: BaseException) -> None:
        self.headline.setText("")
        errors.show_error(self, exc)

    def export_job(self, kind: str) -> ExportJob | None:
        """The report as chosen, to export as PDF or Excel; None when the period is bad."""
        period = self.period()
        if period is None:
            return None
        who, filters, reports = self.principal, self.controls.filters(), self.ctx.queue_reports
        name = texts.QREPORT_FILE_NAME.format(start=period.start, end=period.end)
        return ExportJob(
            name, kind, lambda progress: reports.export(who, period, filters, kind, progress)
        )
