"""Báo cáo hồ sơ: dossiers per group (table, chart), the province report, exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.dossier_exports import ExportKind
from counter_app.services.dossier_report_choices import DossierChoices
from counter_app.services.dossier_report_models import DossierFilters, DossierRow, DossierSummary
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.reports.chart import DossierChart
from counter_app.ui.reports.controls import DossierReportControls
from counter_app.ui.reports.tables import (
    ProvinceRow,
    province_columns,
    province_rows,
    province_table,
    summary_columns,
)
from counter_app.ui.table_model import RowTableModel, make_table
from counter_app.ui.widgets.export_bar import ExportBar, ExportJob
from counter_app.ui.widgets.problem_label import ProblemLabel
from counter_app.ui.workers import Pool, TaskSignals, run_task
from printers.reports.dossier_report_data import ProvinceReportData

Period = tuple[date, date]
Loaded = tuple[DossierSummary, ProvinceReportData, DossierChoices]


class DossierReportsPage(Page):
    """Read both reports off the GUI thread whenever a choice changes; export them to files."""

    title = texts.PAGE_DOSSIER_REPORTS

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(ctx, principal, parent)
        self.pool = pool
        self.reports = ctx.dossier_reports
        self._tasks: set[TaskSignals] = set()
        self._generation = 0
        self._busy = 0
        self.summary: DossierSummary | None = None
        self.province: ProvinceReportData | None = None
        self.controls = DossierReportControls(ctx.clock().date())
        self.controls.changed.connect(self.refresh)
        self.problem = ProblemLabel()
        self.headline = QLabel()
        self.headline.setProperty("role", "subtle")
        self.headline.setWordWrap(True)
        self.status = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy mode: a moving bar, no percentage
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(120)
        self.busy.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.headline, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.busy)
        self.summary_model: RowTableModel[DossierRow] = RowTableModel(summary_columns(""), self)
        self.summary_table = make_table(self.summary_model, 0)
        self.province_model: RowTableModel[ProvinceRow] = RowTableModel(province_columns(), self)
        self.province_table = province_table(self.province_model)
        self.chart = DossierChart()
        self.exports = ExportBar(pool, texts.DREPORT_SAVE_TITLE)
        self.xlsx_button = self.exports.add_button(
            texts.DREPORT_EXPORT_XLSX, lambda: self.export_job("xlsx")
        )
        self.pdf_button = self.exports.add_button(
            texts.DREPORT_EXPORT_PDF, lambda: self.export_job("pdf"), primary=True
        )
        self.province_exports = ExportBar(pool, texts.DREPORT_SAVE_TITLE)
        self.province_xlsx_button = self.province_exports.add_button(
            texts.DREPORT_PROVINCE_XLSX, lambda: self.province_job("xlsx")
        )
        self.province_pdf_button = self.province_exports.add_button(
            texts.DREPORT_PROVINCE_PDF, lambda: self.province_job("pdf"), primary=True
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._tab(self.summary_table, None, self.exports),
            texts.DREPORT_TAB_SUMMARY,
        )
        self.tabs.addTab(self.chart, texts.DREPORT_TAB_CHART)
        note = QLabel(texts.DREPORT_PROVINCE_SCOPE)
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        self.tabs.addTab(
            self._tab(self.province_table, note, self.province_exports),
            texts.DREPORT_TAB_PROVINCE,
        )
        self.layout_.addWidget(self.controls)
        self.layout_.addWidget(self.problem)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.tabs, 1)

    @staticmethod
    def _tab(table: QWidget, note: QLabel | None, exports: ExportBar) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 8, 6, 6)
        row = QHBoxLayout()
        if note is not None:
            row.addWidget(note, 1)
        row.addWidget(exports, 0 if note is not None else 1)
        layout.addLayout(row)
        layout.addWidget(table, 1)
        return box

    # --- running work -------------------------------------------------------------------

    def _set_busy(self, change: int, message: str = "") -> None:
        self._busy = max(0, self._busy + change)
        self.busy.setVisible(self._busy > 0)
        self.status.setText(message if self._busy else "")

    def _start(self, work: Callable[[], Any], done: Any, failed: Any, message: str) -> None:
        """Run work on the pool behind the busy bar; keep its signals alive until it reports."""
        running: list[TaskSignals] = []
        finished = False
        self._set_busy(+1, message)

        def settle(handler: Any) -> Any:
            def call(result: Any) -> None:
                nonlocal finished
                finished = True
                for signals in running:
                    self._tasks.discard(signals)
                self._set_busy(-1, self.status.text())
                handler(result)

            return call

        signals = run_task(self.pool, work, settle(done), settle(failed))
        if not finished:
            running.append(signals)
            self._tasks.add(signals)

    def _period(self) -> Period | None:
        period = self.controls.period()
        self.problem.set_problems([] if period else [texts.PERIOD_BAD_RANGE])
        return period

    # --- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read both reports for the current choices on a worker; stale answers are dropped."""
        period = self._period()
        if period is None:
            return
        self._generation += 1
        generation = self._generation
        (start, end), group_by, who = period, self.controls.group_by(), self.principal
        filters = self.controls.filters()

        def load() -> Loaded:
            return (
                self.reports.summary(who, start, end, group_by, filters),
                self.reports.province_report(who, start, end),
                self.reports.choices(who),
            )

        self._start(
            load, lambda r: self._loaded(generation, r), self._failed, texts.DREPORT_LOADING
        )

    def _loaded(self, generation: int, result: Loaded) -> None:
        if generation != self._generation:
            return
        self.summary, self.province, choices = result
        summary = self.summary
        self.controls.set_choices(choices)
        if self.controls.filters() != summary.filters:  # a chosen value is no longer offered
            self.refresh()
            return
        self.summary_model.columns = summary_columns(summary.group_by.label)
        self.summary_model.set_rows([*summary.rows, summary.total] if summary.rows else [])
        self.province_model.set_rows(province_rows(self.province))
        self.chart.set_summary(summary)
        total = summary.total.counts
        self.headline.setText(
            texts.DREPORT_HEADLINE.format(
                received=total.received,
                carried=total.carried_over,
                resolved=total.resolved,
                late=total.resolved_late,
                open=total.open,
            )
            if summary.rows
            else texts.DREPORT_EMPTY_FILTERED
            if summary.filters != DossierFilters()
            else texts.DREPORT_EMPTY
        )

    def _failed(self, exc: BaseException) -> None:
        errors.show_error(self, exc)

    # --- files --------------------------------------------------------------------------

    def export_job(self, kind: ExportKind) -> ExportJob | None:
        """The summary table as it is chosen (grouping and filters), to PDF or Excel."""
        period = self._period()
        if period is None:
            return None
        (start, end), group_by, who = period, self.controls.group_by(), self.principal
        filters, reports = self.controls.filters(), self.reports
        return ExportJob(
            texts.DREPORT_FILE_NAME.format(start=start, end=end),
            kind,
            lambda progress: reports.export(who, start, end, group_by, filters, kind, progress),
        )

    def province_job(self, kind: ExportKind) -> ExportJob | None:
        """The report to the province (one row per field), to PDF or Excel."""
        period = self._period()
        if period is None:
            return None
        (start, end), who, reports = period, self.principal, self.reports
        return ExportJob(
            texts.DREPORT_PROVINCE_FILE_NAME.format(start=start, end=end),
            kind,
            lambda progress: reports.export_province(who, start, end, kind, progress),
        )
