"""The queue report: period picker, tables per area × hour, area, counter and clerk, exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal
from counter_app.services.queue_report_models import (
    HOURS,
    HourRow,
    Period,
    QueueReport,
    QueueRow,
    minutes_text,
)
from counter_app.ui import errors, texts
from counter_app.ui.ratings import exports
from counter_app.ui.table_model import Column, RowTableModel, make_table
from counter_app.ui.widgets.period_picker import PeriodPicker
from counter_app.ui.widgets.periods import quick_period
from counter_app.ui.workers import Pool, TaskSignals, run_task


def group_columns(title: str) -> list[Column[QueueRow]]:
    """The group's name, then counts and minutes."""
    c = texts.QREPORT_COLUMNS
    values = (
        lambda r: str(r.tickets),
        lambda r: str(r.served),
        lambda r: str(r.no_shows),
        lambda r: minutes_text(r.wait.average),
        lambda r: minutes_text(r.wait.p90),
        lambda r: minutes_text(r.service.average),
        lambda r: minutes_text(r.service.p90),
    )
    return [Column(title, lambda r: r.label)] + [
        Column(head, fn, align_right=True) for head, fn in zip(c, values, strict=True)
    ]


def hour_columns() -> list[Column[HourRow]]:
    """The area, one column per hour, the total."""
    columns: list[Column[HourRow]] = [Column(texts.QREPORT_GROUP_AREA, lambda r: r.label)]
    for i, hour in enumerate(HOURS):
        columns.append(
            Column(texts.QREPORT_HOUR.format(h=hour), lambda r, i=i: str(r.counts[i]), True)
        )
    return [*columns, Column(texts.QREPORT_TOTAL, lambda r: str(r.total), align_right=True)]


class QueueReportView(QWidget):
    """Reads the report off the GUI thread when the period changes; exports with a busy bar."""

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
        self.progress: QProgressDialog | None = None
        self._tasks: set[TaskSignals] = set()
        self._generation = 0
        self.picker = PeriodPicker(ctx.clock().date(), texts.RATINGS_QUICK, quick_period, self)
        self.quick, self.date_from, self.date_to = (
            self.picker.quick,
            self.picker.date_from,
            self.picker.date_to,
        )
        self.picker.changed.connect(self.refresh)
        self.xlsx_button = QPushButton(texts.RATINGS_EXPORT_XLSX)
        self.pdf_button = QPushButton(texts.RATINGS_EXPORT_PDF)
        self.pdf_button.setProperty("primary", True)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        for widget in (
            QLabel(texts.RATINGS_PERIOD),
            self.quick,
            QLabel(texts.RATINGS_FROM),
            self.date_from,
            QLabel(texts.RATINGS_TO),
            self.date_to,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
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
        note = QLabel(texts.QREPORT_NOTE)
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)

    def period(self) -> Period | None:
        """The chosen days, or None when the range is backwards."""
        days = self.picker.days()
        return Period(*days) if days else None

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
        """Read the report for the chosen period; stale answers are dropped."""
        period = self.period()
        if period is None:
            self.headline.setText(texts.PERIOD_BAD_RANGE)
            return
        self._generation += 1
        generation, who = self._generation, self.principal
        self.headline.setText(texts.RATINGS_LOADING)
        self._start(
            lambda: self.ctx.queue_reports.report(who, period),
            lambda r: self._loaded(generation, r),
            self._failed,
        )

    def _loaded(self, generation: int, report: QueueReport) -> None:
        if generation != self._generation:
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
            else texts.QREPORT_EMPTY
        )
        self.hour_model.set_rows([*report.hours, report.hour_total] if report.hours else [])
        for title, rows in (
            (texts.QREPORT_GROUP_AREA, report.by_area),
            (texts.QREPORT_GROUP_COUNTER, report.by_counter),
            (texts.QREPORT_GROUP_CLERK, report.by_clerk),
        ):
            self.models[title].set_rows([*rows, total] if rows else [])

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.headline.setText("")
        if isinstance(exc, exports.ExportFailed):
            errors.present(self, texts.ERROR_TITLE, str(exc))
        else:
            errors.show_error(self, exc)

    def ask_save_path(self, kind: str) -> Path | None:
        """Where to save the report; None when cancelled (tests replace this)."""
        period = self.period()
        if period is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = texts.QREPORT_FILE_NAME.format(start=period.start, end=period.end)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            texts.RATINGS_SAVE_TITLE,
            str(Path(folder) / (name + exports.SUFFIXES[kind])),
            exports.FILTERS[kind],
        )
        if not chosen:
            return None
        path = Path(chosen)
        suffix = exports.SUFFIXES[kind]
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export(self, kind: str) -> None:
        """Ask where, then render and write the file on a worker behind a busy bar."""
        period = self.period()
        path = self.ask_save_path(kind) if period else None
        if period is None or path is None:
            return
        who = self.principal
        self.progress = QProgressDialog(texts.QREPORT_EXPORTING, "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._start(
            lambda: exports.write_file(
                path, self.ctx.queue_reports.export(who, period, None, kind)
            ),
            self._exported,
            self._failed,
        )

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _exported(self, path: Path) -> None:
        self._close_progress()
        errors.show_info(self, texts.RATINGS_EXPORTED.format(path=path))
