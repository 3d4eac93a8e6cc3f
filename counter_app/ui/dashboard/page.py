"""Tổng quan: today's figures in big tiles, live; the queue report in a second tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.queue import describe_wait
from counter_app.domain.rating import format_rate
from counter_app.services.dashboard import OPEN_WINDOW_MINUTES, TodayFigures
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.dashboard.report_view import QueueReportView
from counter_app.ui.dashboard.tiles import HourChart, Tile
from counter_app.ui.workers import Pool, TaskSignals, run_task

REFRESH_MS = 30_000
#: A wait longer than this shows in red.
LONG_WAIT_MINUTES = 30


def _minutes(seconds: float) -> str:
    return texts.DASH_MINUTES.format(n=round(seconds / 60))


class DashboardPage(Page):
    """Tiles refreshed on queue events and every 30 s, read off the GUI thread."""

    title = texts.PAGE_DASHBOARD

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(ctx, principal, parent)
        self.pool = pool
        self.figures: TodayFigures | None = None
        self._task: TaskSignals | None = None
        self._busy = False
        self._again = False  # an event came while reading: read once more after
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        captions = (
            texts.DASH_WAITING,
            texts.DASH_SERVING,
            texts.DASH_SERVED,
            texts.DASH_NO_SHOWS,
            texts.DASH_LONGEST_WAIT,
            texts.DASH_NEW_WAIT,
            texts.DASH_COUNTERS,
            texts.DASH_SATISFACTION,
            texts.DASH_RECEIVED,
            texts.DASH_DUE_TODAY,
            texts.DASH_OVERDUE,
        )
        for i, caption in enumerate(captions):
            self.tiles[caption] = Tile(caption)
            grid.addWidget(self.tiles[caption], i // 4, i % 4)
        self.chart = HourChart()
        self.updated = QLabel()
        self.updated.setProperty("role", "subtle")
        today = QWidget()
        box = QVBoxLayout(today)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(grid)
        box.addWidget(self.chart, 1)
        box.addWidget(self.updated)
        self.report = QueueReportView(ctx, principal, pool=pool)
        self.tabs = QTabWidget()
        self.tabs.addTab(today, texts.DASH_TAB_TODAY)
        self.tabs.addTab(self.report, texts.DASH_TAB_REPORT)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout_.addWidget(self.tabs, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def follow(self, bridge: QObject | None) -> None:
        """Refresh whenever the queue bridge reports events (the calling panel's own bridge)."""
        events = getattr(bridge, "events", None)
        if events is not None:
            events.connect(self.on_queue_events)

    def on_queue_events(self, _events: Any) -> None:
        """Something happened in the queue: read the figures again."""
        if self.isVisible() or self.figures is None:
            self.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.report.refresh()

    def refresh(self) -> None:
        """Read today's figures on a worker; events during a read cause one more read."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.updated.setText(texts.DASH_LOADING)
        who, today = self.principal, self.ctx.clock().date()

        def load() -> tuple[TodayFigures, tuple[int, ...]]:
            return (
                self.ctx.dashboard.today(who),
                self.ctx.queue_reports.day_hours(who, today),
            )

        signals = run_task(self.pool, load, self._loaded, self._failed)
        if self._busy:  # still running: keep its signals alive until it reports
            self._task = signals

    def _settle(self) -> None:
        self._busy, self._task = False, None
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.updated.setText("")
        self._again = False
        self._settle()
        errors.show_error(self, exc)

    def _loaded(self, result: tuple[TodayFigures, tuple[int, ...]]) -> None:
        figures, hours = result
        self.figures = figures
        self.show_figures(figures)
        self.chart.set_counts(hours)
        self.updated.setText(texts.DASH_UPDATED.format(at=figures.at))
        self._settle()

    def show_figures(self, f: TodayFigures) -> None:
        """Put the figures in the tiles."""
        t = self.tiles
        t[texts.DASH_WAITING].show_value(
            str(f.waiting), texts.DASH_ISSUED_HINT.format(issued=f.issued)
        )
        t[texts.DASH_SERVING].show_value(str(f.serving))
        t[texts.DASH_SERVED].show_value(str(f.served))
        t[texts.DASH_NO_SHOWS].show_value(str(f.no_shows))
        if f.longest_wait is None:
            t[texts.DASH_LONGEST_WAIT].show_value(texts.DASH_NOBODY)
        else:
            seconds = f.longest_wait.total_seconds()
            t[texts.DASH_LONGEST_WAIT].show_value(
                _minutes(seconds), alert=seconds > LONG_WAIT_MINUTES * 60
            )
        t[texts.DASH_NEW_WAIT].show_value(
            _minutes(f.new_ticket_wait.total_seconds()), describe_wait(f.new_ticket_wait)
        )
        t[texts.DASH_COUNTERS].show_value(
            texts.DASH_COUNTERS_VALUE.format(open=f.counters_open, total=f.counters_total),
            texts.DASH_COUNTERS_HINT.format(minutes=OPEN_WINDOW_MINUTES),
        )
        t[texts.DASH_SATISFACTION].show_value(
            format_rate(f.satisfaction),
            texts.DASH_RATINGS_HINT.format(count=f.ratings)
            if f.ratings
            else texts.DASH_RATINGS_NONE,
        )
        t[texts.DASH_RECEIVED].show_value(str(f.dossiers_received))
        t[texts.DASH_DUE_TODAY].show_value(str(f.dossiers_due_today))
        t[texts.DASH_OVERDUE].show_value(str(f.dossiers_overdue), alert=f.dossiers_overdue > 0)
