"""The queue report's charts (Qt Charts): tickets per hour by area, waits per counter."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolTip, QWidget

from counter_app.services.queue_report_models import HOURS, QueueReport, minutes_text
from counter_app.ui import texts

#: Distinct, print-safe colours for the areas, in hall order.
AREA_COLOURS = (
    "#1d5fa8",
    "#e67e22",
    "#27ae60",
    "#8e44ad",
    "#c0392b",
    "#16a085",
    "#7f8c8d",
    "#b7950b",
)
AVERAGE_COLOUR = "#7fa7d6"
#: The least share of the axis a stacked segment needs to show its count.
LABEL_ROOM = 0.06
P90_COLOUR = "#1d5fa8"


def nice_step(top: float, ticks: int = 6) -> float:
    """A round tick step (1, 2 or 5 × 10ⁿ) that covers `top` in about `ticks` steps."""
    raw = max(top, 1.0) / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def value_axis(top: float, title: str, whole: bool) -> QValueAxis:
    """A value axis from 0 with round ticks; `whole` counts never show decimals."""
    step = max(1.0, nice_step(top)) if whole else nice_step(top)
    axis = QValueAxis()
    axis.setRange(0, step * max(1, math.ceil(top * 1.08 / step)))  # room over the tallest
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    # Localized labels take only floating formats ("%d" draws nothing).
    axis.setLabelFormat("%.0f" if whole or step >= 1 else "%.1f")
    axis.setTitleText(title)
    return axis


class _Panel(QStackedWidget):
    """A chart, or a sentence in its place when it has nothing to draw."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setLocalizeNumbers(True)
        self.chart.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bold = QFont(self.font())
        bold.setBold(True)
        self.chart.setTitleFont(bold)
        self.chart.legend().setFont(self.font())
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "subtle")
        self.addWidget(self.view)
        self.addWidget(self.message)

    def clear(self) -> None:
        """Take the series and axes off the chart (and free them)."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()

    def show_empty(self, text: str) -> None:
        """Show this sentence instead of the chart."""
        self.clear()
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def draw(
        self,
        series: QAbstractBarSeries,
        categories: list[str],
        values: QValueAxis,
        across: bool = False,
    ) -> None:
        """Put this series on the chart: categories along the bottom, or down the left side."""
        self.clear()
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        bottom, left = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        for axis, side in (
            (names, left if across else bottom),
            (values, bottom if across else left),
        ):
            axis.setLabelsFont(self.font())
            self.chart.addAxis(axis, side)
            series.attachAxis(axis)
        self.setCurrentWidget(self.view)


def _bar_set(label: str, colour: str, values: list[float]) -> QBarSet:
    bar_set = QBarSet(label)
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.append(values)
    return bar_set


class QueueChart(QWidget):
    """Side by side: stacked bars of tickets per hour and area; average and P90 wait per counter.

    `hour_series` and `wait_series` hold what is drawn (None while a panel shows a sentence).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = _Panel(texts.QCHART_HOURS_TITLE)
        self.waits = _Panel(texts.QCHART_WAITS_TITLE)
        self.waits.chart.legend().setReverseMarkers(True)
        self.hour_series: QStackedBarSeries | None = None
        self.wait_series: QHorizontalBarSeries | None = None
        self.empty = QLabel(texts.RATINGS_LOADING)  # until the first report arrives
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "subtle")
        self.charts = QWidget()
        row = QHBoxLayout(self.charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hours, 3)
        row.addWidget(self.waits, 2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.charts)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def set_report(self, report: QueueReport) -> None:
        """Draw this report, or say there is nothing to draw."""
        if not report.total.tickets:
            self.hour_series = self.wait_series = None
            self.hours.clear()
            self.waits.clear()
            self.empty.setText(texts.QCHART_EMPTY)
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.charts)
        self._draw_hours(report)
        self._draw_waits(report)

    def _draw_hours(self, report: QueueReport) -> None:
        series = QStackedBarSeries()
        for i, row in enumerate(report.hours):
            bar_set = _bar_set(row.label, AREA_COLOURS[i % len(AREA_COLOURS)], list(row.counts))
            bar_set.hovered.connect(
                lambda on, index, label=row.label, counts=row.counts: self._tip(
                    on, texts.QCHART_HOUR_TIP.format(area=label, h=HOURS[index], n=counts[index])
                )
            )
            series.append(bar_set)
        categories = [texts.QREPORT_HOUR.format(h=h) for h in HOURS]
        y = value_axis(max(report.hour_total.counts, default=0), texts.QCHART_TICKETS, True)
        # Counts inside the segments only while every segment is tall enough to hold one.
        smallest = min((n for r in report.hours for n in r.counts if n), default=0)
        series.setLabelsVisible(smallest >= y.max() * LABEL_ROOM)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsCenter)
        self.hours.draw(series, categories, y)
        self.hour_series = series

    def _draw_waits(self, report: QueueReport) -> None:
        # Bottom-up on a horizontal chart: reversed, so counter 1 is on top.
        rows = [r for r in report.by_counter if r.key and r.wait.count][::-1]
        if not rows:
            self.wait_series = None
            self.waits.show_empty(texts.QCHART_WAITS_EMPTY)
            return
        series = QHorizontalBarSeries()
        # A row's bars go bottom-up: P90 first puts the average above it, as in the tables
        # (the legend is reversed to match).
        for label, colour, minutes in (
            (texts.QCHART_P90, P90_COLOUR, [r.wait.p90 for r in rows]),
            (texts.QCHART_AVERAGE, AVERAGE_COLOUR, [r.wait.average for r in rows]),
        ):
            values = [round(m or 0.0, 1) for m in minutes]
            bar_set = _bar_set(label, colour, values)
            bar_set.setLabelColor(QColor("#1f2933"))
            bar_set.hovered.connect(
                lambda on, index, label=label, values=values: self._tip(
                    on,
                    texts.QCHART_WAIT_TIP.format(
                        counter=rows[index].label, what=label, m=minutes_text(values[index])
                    ),
                )
            )
            series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(4)
        top = max(r.wait.p90 or 0.0 for r in rows) * 1.1  # room for the values beside the bars
        axis = value_axis(top, texts.QCHART_MINUTES, whole=False)
        self.waits.draw(series, [r.label for r in rows], axis, across=True)
        self.wait_series = series

    def _tip(self, on: bool, text: str) -> None:
        if on:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
