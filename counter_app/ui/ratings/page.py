"""Đánh giá hài lòng: the supervisor's rates per group, a chart, reasons, comments and exports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.rating import format_rate
from counter_app.services.principal import Principal
from counter_app.services.rating_reports import (
    MIN_RATINGS_FOR_COMMENTS,
    CommentLine,
    RatingSummary,
    ReasonCount,
    ReasonReport,
    SummaryRow,
)
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.ratings.chart import Bar, RateChart
from counter_app.ui.ratings.controls import ReportControls
from counter_app.ui.ratings.tables import (
    COMMENT_COLUMNS,
    REASON_COLUMNS,
    average_text,
    summary_columns,
)
from counter_app.ui.table_model import RowTableModel, make_table
from counter_app.ui.widgets.export_bar import ExportBar, ExportJob
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog
from counter_app.ui.widgets.problem_label import ProblemLabel
from counter_app.ui.workers import Pool, TaskSignals, run_task
from printers.progress import ignore


class RatingsPage(Page):
    """Read the report off the GUI thread whenever a choice changes; export it to files."""

    title = texts.PAGE_RATINGS

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(ctx, principal, parent)
        self.pool = pool
        self.reports = ctx.rating_reports
        self._tasks: set[TaskSignals] = set()
        self._generation = 0
        self.summary: RatingSummary | None = None
        self.reason_report: ReasonReport | None = None
        self.preview: PdfPreviewDialog | None = None
        self.controls = ReportControls(ctx.clock().date())
        self.controls.changed.connect(self.refresh)
        self.headline = QLabel()
        self.headline.setProperty("role", "subtle")
        self.status = QLabel()
        self.problem = ProblemLabel()
        self.preview_button = QPushButton(texts.RATINGS_PREVIEW)
        self.preview_button.clicked.connect(self.show_preview)
        self.exports = ExportBar(pool, texts.RATINGS_SAVE_TITLE)
        self.exports.row.insertWidget(0, self.preview_button)
        self.xlsx_button = self.exports.add_button(
            texts.RATINGS_EXPORT_XLSX, lambda: self.export_job("xlsx")
        )
        self.pdf_button = self.exports.add_button(
            texts.RATINGS_EXPORT_PDF, lambda: self.export_job("pdf"), primary=True
        )
        bar = QHBoxLayout()
        bar.addWidget(self.headline, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.exports)
        self.summary_model: RowTableModel[SummaryRow] = RowTableModel(summary_columns(""), self)
        self.summary_table = make_table(self.summary_model, 0)
        self.chart = RateChart()
        self.reason_model: RowTableModel[ReasonCount] = RowTableModel(REASON_COLUMNS, self)
        self.comment_model: RowTableModel[CommentLine] = RowTableModel(COMMENT_COLUMNS, self)
        self.reason_note = QLabel()
        self.comment_note = QLabel()
        self.comment_note.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._summary_tab(), texts.RATINGS_TAB_SUMMARY)
        self.tabs.addTab(self._reasons_tab(), texts.RATINGS_TAB_REASONS)
        note = QLabel(texts.RATINGS_CONFIDENTIAL)
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        for widget in (self.controls, self.problem):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.tabs, 1)
        self.layout_.addWidget(note)

    def _summary_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        legend = QLabel(texts.RATINGS_CHART_NOTE)
        legend.setProperty("role", "subtle")
        legend.setWordWrap(True)
        inner.addWidget(self.chart)
        inner.addWidget(legend)
        inner.addStretch(1)
        scroll.setWidget(holder)
        # One above the other: both need the full width (long procedure names, nine columns).
        self.summary_split = QSplitter(Qt.Orientation.Vertical)
        self.summary_split.addWidget(self.summary_table)
        self.summary_split.addWidget(scroll)
        self.summary_split.setSizes([200, 200])
        return self.summary_split

    def _fit_summary(self) -> None:
        """Give the table the height of its rows (at most 60 %), the chart the rest."""
        table = self.summary_table
        wanted = (
            table.horizontalHeader().height()
            + table.verticalHeader().length()
            + 2 * table.frameWidth()
            + 2
        )
        room = sum(self.summary_split.sizes())
        if room > 0:
            top = min(wanted, int(room * 0.6))
            self.summary_split.setSizes([top, room - top])

    def _reasons_tab(self) -> QWidget:
        self.reason_table = make_table(self.reason_model, 0)
        self.comment_table = make_table(self.comment_model, 6)
        header = self.comment_table.horizontalHeader()
        for column, width in ((3, 250), (5, 230)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        top, bottom = QWidget(), QWidget()
        for box, note, table in (
            (top, self.reason_note, self.reason_table),
            (bottom, self.comment_note, self.comment_table),
        ):
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 0)
            layout.addWidget(note)
            layout.addWidget(table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([230, 200])
        return split

    # --- reading --------------------------------------------------------------------------

    def _start(self, work: Any, done: Any, failed: Any) -> None:
        """Run work on the pool; keep its signals alive until it reports."""
        running: list[TaskSignals] = []
        finished = False

        def settle(handler: Any) -> Any:
            def call(result: Any) -> None:
                nonlocal finished
                finished = True
                for signals in running:
                    self._tasks.discard(signals)
                handler(result)

            return call

        signals = run_task(self.pool, work, settle(done), settle(failed))
        if not finished:
            running.append(signals)
            self._tasks.add(signals)

    def refresh(self) -> None:
        """Read the report for the current choices on a worker; stale answers are dropped."""
        period = self.controls.period()
        if period is None:
            self.problem.set_problems([texts.PERIOD_BAD_RANGE])
            return
        self.problem.set_problems([])
        self._generation += 1
        generation = self._generation
        group_by, filters, who = self.controls.group_by(), self.controls.filters(), self.principal
        self.status.setText(texts.RATINGS_LOADING)

        def load() -> tuple[Any, ...]:
            return (
                self.reports.summary(who, period, group_by, filters),
                self.reports.reasons(who, period, filters),
                self.reports.choices(who),
            )

        self._start(load, lambda r: self._loaded(generation, r), self._failed)

    def _loaded(self, generation: int, result: tuple[Any, ...]) -> None:
        if generation != self._generation:
            return
        summary, reasons, choices = result
        self.summary, self.reason_report = summary, reasons
        self.status.setText("")
        self.controls.set_choices(choices)
        self.summary_model.columns = summary_columns(summary.group_by.label)
        self.summary_model.set_rows([*summary.rows, summary.total] if summary.rows else [])
        total = summary.total
        self.headline.setText(
            texts.RATINGS_HEADLINE.format(
                total=total.total, rate=format_rate(total.rate), average=average_text(total.average)
            )
            if total.total
            else texts.RATINGS_EMPTY
        )
        self.chart.set_bars([Bar(r.label, r.rate, r.total) for r in summary.rows], total.rate)
        self._fit_summary()
        self.reason_model.set_rows(list(reasons.reasons))
        self.comment_model.set_rows(list(reasons.comments))
        self.reason_note.setText(
            texts.RATINGS_DISSATISFIED.format(
                count=reasons.dissatisfied, blank=reasons.without_reason
            )
        )
        note = ""
        if reasons.comments_withheld:
            note = texts.RATINGS_COMMENTS_WITHHELD.format(min=MIN_RATINGS_FOR_COMMENTS)
        elif reasons.comments_cut:
            note = texts.RATINGS_COMMENTS_CUT.format(count=len(reasons.comments))
        self.comment_note.setText(note or texts.RATINGS_COMMENTS_TITLE)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        errors.show_error(self, exc)

    # --- files ----------------------------------------------------------------------------

    def export_job(self, kind: str) -> ExportJob | None:
        """The report as chosen, to export as PDF or Excel; None when the period is bad."""
        period = self.controls.period()
        if period is None:
            self.problem.set_problems([texts.PERIOD_BAD_RANGE])
            return None
        group_by, filters, who = self.controls.group_by(), self.controls.filters(), self.principal
        name = texts.RATINGS_FILE_NAME.format(start=period.start, end=period.end)
        return ExportJob(
            name,
            kind,
            lambda progress: self.reports.export(who, period, group_by, filters, kind, progress),  # type: ignore[arg-type]
        )

    def show_preview(self) -> None:
        """Render the PDF on a worker, then show it to print or save."""
        job = self.export_job("pdf")
        if job is None:
            return
        self.status.setText(texts.RATINGS_EXPORTING)
        self._start(lambda: job.render(ignore), self._preview_ready, self._failed)

    def _preview_ready(self, data: bytes) -> None:
        self.status.setText("")
        period = self.controls.period()
        title = (
            texts.RATINGS_PREVIEW_TITLE.format(start=period.start, end=period.end) if period else ""
        )
        self.preview = PdfPreviewDialog(data, title, paper="A4", parent=self)
        self.preview.open()
