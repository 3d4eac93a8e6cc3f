"""The dossier report's chart (Qt Charts): resolved and open dossiers per group, by timeliness."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QToolTip, QWidget

from counter_app.services.dossier_report_models import DossierRow, DossierSummary
from counter_app.ui import texts
from counter_app.ui.dashboard.queue_chart import value_axis

#: Resolved parts in solid colours, parts still in progress in lighter tints of the same sense.
PART_COLOURS = ("#2e7d32", "#1d5fa8", "#c0392b", "#8fb3dc", "#f0a59c")
#: The widest a group's name may be beside its bar; longer names are cut with "…".
LABEL_WIDTH = 280
ROW_HEIGHT = 30
MIN_HEIGHT = 320


def short_labels(labels: list[str], metrics: QFontMetrics, width: int) -> list[str]:
    """The labels elided to `width` pixels, made unique (the category axis needs that)."""
    shown: list[str] = []
    for label in labels:
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width)
        candidate, n = text, 2
        while candidate in shown:
            candidate, n = f"{text} ({n})", n + 1
        shown.append(candidate)
    return shown


def drawn_rows(summary: DossierSummary) -> list[DossierRow]:
    """The groups with something to draw, in the table's order (the total row is left out)."""
    names = [name for name, _ in texts.DREPORT_CHART_PARTS]
    return [r for r in summary.rows if any(getattr(r.counts, n) for n in names)]


class DossierChart(QStackedWidget):
    """Horizontal stacked bars, one per group, the first group on top; or a sentence if empty.

    `series` is what is drawn (None while the sentence shows); `labels` the full group names
    from top to bottom. Hovering a bar part tells its group, part and number.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: QHorizontalStackedBarSeries | None = None
        self.labels: list[str] = []
        self.chart = QChart()
        self.chart.setLocalizeNumbers(True)
        self.chart.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.chart.setMargins(QMargins(4, 4, 8, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setFont(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        self.chart.setTitleFont(bold)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.plot = QScrollArea()
        self.plot.setWidgetResizable(True)
        self.plot.setFrameShape(QScrollArea.Shape.NoFrame)
        self.plot.setWidget(self.view)
        self.message = QLabel(texts.DREPORT_CHART_EMPTY)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "subtle")
        self.addWidget(self.plot)
        self.addWidget(self.message)
        self.setCurrentWidget(self.message)

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()
        self.series, self.labels = None, []

    def set_summary(self, summary: DossierSummary) -> None:
        """Draw the summary's groups, or say there is nothing to draw."""
        self._clear()
        rows = drawn_rows(summary)
        if not rows:
            self.setCurrentWidget(self.message)
            return
        rows.reverse()  # the category axis runs bottom-up: keep the table's first row on top
        self.labels = [r.label for r in reversed(rows)]
        series = QHorizontalStackedBarSeries()
        # A few groups get slim bars rather than bands filling the whole plot.
        series.setBarWidth(min(0.7, 0.15 * len(rows)))
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsCenter)
        for (name, legend), colour in zip(texts.DREPORT_CHART_PARTS, PART_COLOURS, strict=True):
            values = [getattr(r.counts, name) for r in rows]
            bar_set = QBarSet(legend)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor("#ffffff" if colour in PART_COLOURS[:3] else "#1f2933"))
            bar_set.append(values)
            bar_set.hovered.connect(
                lambda on, i, legend=legend, values=values, rows=rows: self._tip(
                    on,
                    texts.DREPORT_CHART_TIP.format(group=rows[i].label, part=legend, n=values[i]),
                )
            )
            series.append(bar_set)
        self.chart.setTitle(texts.DREPORT_CHART_TITLE.format(group=summary.group_by.label.lower()))
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(short_labels([r.label for r in rows], QFontMetrics(self.font()), LABEL_WIDTH))
        top = max(sum(bar_set.at(i) for bar_set in series.barSets()) for i in range(len(rows)))
        counts = value_axis(top, texts.DREPORT_CHART_AXIS, whole=True)
        for axis, side in (
            (names, Qt.AlignmentFlag.AlignLeft),
            (counts, Qt.AlignmentFlag.AlignBottom),
        ):
            axis.setLabelsFont(self.font())
            self.chart.addAxis(axis, side)
            series.attachAxis(axis)
        # Many groups: keep each bar readable and let the tab scroll.
        self.view.setMinimumHeight(max(MIN_HEIGHT, 150 + ROW_HEIGHT * len(rows)))
        self.series = series
        self.setCurrentWidget(self.plot)

    def values(self) -> dict[str, list[int]]:
        """What is drawn: each part's numbers per group, from the top bar down."""
        if self.series is None:
            return {}
        return {
            s.label(): [int(s.at(i)) for i in reversed(range(s.count()))]
            for s in self.series.barSets()
        }

    def _tip(self, on: bool, text: str) -> None:
        if on:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
