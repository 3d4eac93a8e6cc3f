"""Báo cáo hồ sơ: dossiers received and resolved per group, the province report, exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.dossier_exports import ExportKind
from counter_app.services.dossier_report_models import DossierRow, DossierSummary
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.ratings import exports
from counter_app.ui.reports.controls import DossierReportControls
from counter_app.ui.reports.tables import (
    ProvinceRow,
    province_columns,
    province_rows,
    summary_columns,
)
from counter_app.ui.table_model import RowTableModel, make_table
from counter_app.ui.widgets.problem_label import ProblemLabel
from counter_app.ui.workers import Pool, TaskSignals, run_task
from printers.reports.dossier_report_data import ProvinceReportData

Period = tuple[date, date]


def ask_save_path(parent: QWidget, name: str, kind: str) -> Path | None:
    """The system save dialog in Documents, suggesting `name`; None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suffix = exports.SUFFIXES[kind]
    chosen, _ = QFileDialog.getSaveFileName(
        parent, texts.DREPORT_SAVE_TITLE, str(Path(folder) / (name + suffix)), exports.FILTERS[kind]
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


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
        self.province_table = make_table(self.province_model, 1)
        self.xlsx_button = QPushButton(texts.DREPORT_EXPORT_XLSX)
        self.pdf_button = QPushButton(texts.DREPORT_EXPORT_PDF)
        self.province_pdf_button = QPushButton(texts.DREPORT_PROVINCE_PDF)
        self.province_xlsx_button = QPushButton(texts.DREPORT_PROVINCE_XLSX)
        self.pdf_button.setProperty("primary", True)
        self.province_pdf_button.setProperty("primary", True)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.province_pdf_button.clicked.connect(lambda: self.export_province("pdf"))
        self.province_xlsx_button.clicked.connect(lambda: self.export_province("xlsx"))
        self.buttons = (
            self.xlsx_button,
            self.pdf_button,
            self.province_pdf_button,
            self.province_xlsx_button,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._tab(self.summary_table, None, (self.xlsx_button, self.pdf_button)),
            texts.DREPORT_TAB_SUMMARY,
        )
        note = QLabel(texts.DREPORT_PROVINCE_NOTE)
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        self.tabs.addTab(
            self._tab(
                self.province_table, note, (self.province_xlsx_button, self.province_pdf_button)
            ),
            texts.DREPORT_TAB_PROVINCE,
        )
        self.layout_.addWidget(self.controls)
        self.layout_.addWidget(self.problem)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.tabs, 1)

    @staticmethod
    def _tab(table: QWidget, note: QLabel | None, buttons: tuple[QPushButton, ...]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 8, 6, 6)
        row = QHBoxLayout()
        if note is not None:
            row.addWidget(note, 1)
        else:
            row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
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

        def load() -> tuple[DossierSummary, ProvinceReportData]:
            return (
                self.reports.summary(who, start, end, group_by),
                self.reports.province_report(who, start, end),
            )

        self._start(
            load, lambda r: self._loaded(generation, r), self._failed, texts.DREPORT_LOADING
        )

    def _loaded(self, generation: int, result: tuple[DossierSummary, ProvinceReportData]) -> None:
        if generation != self._generation:
            return
        self.summary, self.province = result
        summary = self.summary
        self.summary_model.columns = summary_columns(summary.group_by.label)
        self.summary_model.set_rows([*summary.rows, summary.total] if summary.rows else [])
        self.province_model.set_rows(province_rows(self.province))
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
            else texts.DREPORT_EMPTY
        )

    def _failed(self, exc: BaseException) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        if isinstance(exc, exports.ExportFailed):
            errors.present(self, texts.ERROR_TITLE, str(exc))
        else:
            errors.show_error(self, exc)

    # --- files --------------------------------------------------------------------------

    def ask_save_path(self, name: str, kind: str) -> Path | None:
        """Where to save a report; None when cancelled."""
        return ask_save_path(self, name, kind)

    def export(self, kind: ExportKind) -> None:
        """The summary table as it is chosen, to PDF or Excel."""
        period = self._period()
        if period is None:
            return
        (start, end), group_by, who = period, self.controls.group_by(), self.principal
        name = texts.DREPORT_FILE_NAME.format(start=start, end=end)
        self._save(
            name,
            kind,
            lambda: self.reports.export(who, start, end, group_by, None, kind),
        )

    def export_province(self, kind: ExportKind) -> None:
        """The report to the province (one row per field), to PDF or Excel."""
        period = self._period()
        if period is None:
            return
        (start, end), who = period, self.principal
        name = texts.DREPORT_PROVINCE_FILE_NAME.format(start=start, end=end)
        self._save(name, kind, lambda: self.reports.export_province(who, start, end, kind))

    def _save(self, name: str, kind: str, render: Callable[[], bytes]) -> None:
        """Ask where, then render and write on a worker; say where the file went."""
        path = self.ask_save_path(name, kind)
        if path is None:
            return
        for button in self.buttons:
            button.setEnabled(False)
        self._start(
            lambda: exports.write_file(path, render()),
            self._exported,
            self._failed,
            texts.DREPORT_EXPORTING,
        )

    def _exported(self, path: Path) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.status.setText(texts.DREPORT_EXPORTED.format(path=path))
        errors.show_info(self, texts.DREPORT_EXPORTED.format(path=path))
