"""A horizontal bar chart of the satisfaction rate per group, drawn with QPainter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from counter_app.domain.rating import format_rate
from counter_app.ui import texts

ROW = 26
BAR = 16
TOP = 30
BLUE = QColor("#1d5fa8")
RED = QColor("#c0392b")
GRID = QColor("#d3dae1")


@dataclass(frozen=True)
class Bar:
    """One group's bar: its name, its rate (None without ratings) and how many rated."""

    label: str
    rate: float | None
    total: int


class RateChart(QWidget):
    """Bars of the rate per group with their values; a dashed line marks the overall rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.overall: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(False)

    def set_bars(self, bars: list[Bar], overall: float | None) -> None:
        """Show these bars; the height follows their number."""
        self.bars, self.overall = bars, overall
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        """Room for every bar (Qt API)."""
        return QSize(420, TOP + ROW * max(1, len(self.bars)) + 12)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draw grid, bars and values (Qt API)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.bars:
            painter.setPen(QColor("#616e7c"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, texts.RATINGS_CHART_EMPTY)
            return
        fm = painter.fontMetrics()
        widest = max(fm.horizontalAdvance(b.label) for b in self.bars)
        label_w = min(int(self.width() * 0.38), widest + 4)
        bold = QFont(painter.font())
        bold.setBold(True)
        value_w = QFontMetrics(bold).horizontalAdvance("100,0% (99999)") + 12
        x0 = label_w + 14
        plot_w = max(40, self.width() - x0 - value_w - 8)
        bottom = TOP + ROW * len(self.bars)
        for tick in range(0, 101, 25):
            x = x0 + plot_w * tick / 100
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(x), TOP - 4, int(x), bottom)
            painter.setPen(QColor("#616e7c"))
            painter.drawText(QRectF(x - 30, 2, 60, 16), Qt.AlignmentFlag.AlignCenter, f"{tick}%")
        for i, bar in enumerate(self.bars):
            y = TOP + ROW * i
            painter.setPen(QColor("#1f2933"))
            name = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(4, y, label_w, ROW), align, name)
            rate = bar.rate or 0.0
            low = self.overall is not None and rate < self.overall
            painter.fillRect(
                QRectF(x0, y + (ROW - BAR) / 2, plot_w * rate, BAR), RED if low else BLUE
            )
            painter.setFont(bold)
            value = f"{format_rate(bar.rate)} ({bar.total})"
            left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(x0 + plot_w + 8, y, value_w, ROW), left, value)
            painter.setFont(self.font())
        if self.overall is not None:
            x = x0 + plot_w * self.overall
            painter.setPen(QPen(QColor("#1f2933"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), TOP - 4, int(x), bottom)
        painter.end()
