"""The notice line at the bottom of the board, scrolling from right to left; hidden when empty."""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from counter_app.ui.display import style

FRAME_MS = 16
#: Scrolling speed at 1920×1080, in pixels per second.
SPEED = 150


class NoticeTicker(QWidget):
    """Draws the notice moving left; it comes back from the right edge when it has passed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = ""
        self.offset = 0.0  # x of the text's start, in pixels from the left edge
        self.pixels = style.NOTICE_PX
        self.speed = float(SPEED)
        self._last = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.step)
        self.setVisible(False)

    def set_notice(self, notice: str) -> None:
        """Show a new notice from the right edge, or hide the line when there is none."""
        notice = " ".join(notice.split())
        if notice == self.notice:
            return
        self.notice = notice
        self.offset = float(self.width())
        self._last = time.monotonic()
        self.setVisible(bool(notice))
        if notice:
            self.timer.start()
        else:
            self.timer.stop()
        self.update()

    def set_scale(self, scale: float) -> None:
        """Sizes and speed follow the window."""
        self.pixels = max(12, round(style.NOTICE_PX * scale))
        self.speed = SPEED * scale
        self.setFixedHeight(round(self.pixels * 1.8))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A notice set before the window had its size starts at the new right edge."""
        super().resizeEvent(event)
        if self.offset > self.width():
            self.offset = float(self.width())

    def text_font(self) -> QFont:
        """The font of the notice."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(self.pixels)
        return font

    def step(self) -> None:
        """Move the text by the time passed since the last frame."""
        now = time.monotonic()
        elapsed, self._last = min(now - self._last, 0.25), now
        self.offset -= self.speed * elapsed
        width = QFontMetrics(self.text_font()).horizontalAdvance(self.notice)
        if self.offset < -width:
            self.offset = float(self.width())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A band in the accent colour with the notice on it."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.ACCENT))
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(self.text_font())
        painter.setPen(QColor(style.TEXT))
        width = QFontMetrics(self.text_font()).horizontalAdvance(self.notice)
        box = QRect(round(self.offset), 0, width + 2, self.height())
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.notice
        )
        painter.end()
