"""Big figure tiles and the small tickets-per-hour chart of the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from counter_app.services.queue_report_models import HOURS
from counter_app.ui import texts

BLUE = QColor("#1d5fa8")
ALERT = "#c0392b"


class Tile(QFrame):
    """A caption, a big value and a small hint under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dashboardTile { background: #ffffff; border: 1px solid #d3dae1; border-radius: 6px; }"
        )
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #52606d;")
        self.value = QLabel(texts.DASH_NOBODY)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #616e7c;")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.caption, self.value, self.hint):
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_value(self, value: str, hint: str = "", alert: bool = False) -> None:
        """Show a figure; `alert` draws it in red (overdue dossiers, long waits)."""
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {ALERT};" if alert else "color: #1f2933;")
        self.hint.setText(hint)


class HourChart(QWidget):
    """Vertical bars of tickets taken per hour (HOURS), each with its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: tuple[int, ...] = ()
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_counts(self, counts: tuple[int, ...]) -> None:
        """Show these counts, one per hour column."""
        self.counts = counts
        self.update()

    def sizeHint(self) -> QSize:
        """A strip under the tiles (Qt API)."""
        return QSize(600, 180)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draw the bars, their counts and the hours (Qt API)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#1f2933"))
        title = QRectF(8, 4, self.width() - 16, 20)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft, texts.DASH_CHART_TITLE)
        if not any(self.counts):
            painter.setPen(QColor("#616e7c"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, texts.DASH_CHART_EMPTY)
            painter.end()
            return
        top, bottom = 44, self.height() - 22
        slot = (self.width() - 16) / len(HOURS)
        most = max(self.counts)
        for i, (hour, n) in enumerate(zip(HOURS, self.counts, strict=True)):
            x = 8 + i * slot
            height = (bottom - top) * n / most
            painter.fillRect(QRectF(x + slot * 0.18, bottom - height, slot * 0.64, height), BLUE)
            painter.setPen(QColor("#1f2933"))
            centre = Qt.AlignmentFlag.AlignCenter
            painter.drawText(QRectF(x, bottom - height - 18, slot, 16), centre, str(n))
            painter.setPen(QColor("#616e7c"))
            painter.drawText(
                QRectF(x, bottom + 2, slot, 18), centre, texts.QREPORT_HOUR.format(h=hour)
            )
        painter.end()
