"""Drawn faces for the rating levels: a wide smile for the best, a frown for the worst."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class Face(QWidget):
    """A face filled with `fill` whose mouth, in `colour`, curves with the score (5 … 1)."""

    def __init__(
        self, score: int, colour: str, fill: str = "#ffffff", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.score = score
        self.colour, self.fill = QColor(colour), QColor(fill)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the face in the largest centred square (Qt API)."""
        side = min(self.width(), self.height()) - 4
        if side <= 8:
            return
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.fill)
        painter.drawEllipse(box)
        painter.setBrush(self.colour)
        eye = side * 0.11
        for x in (0.34, 0.66):
            centre = QPointF(box.left() + side * x, box.top() + side * 0.38)
            painter.drawEllipse(centre, eye / 2, eye * 0.62)
        pen = QPen(self.colour, max(2.0, side * 0.075))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        bend = (self.score - 3) * side * 0.075  # the lips' middle moves down (smile) or up
        y = box.top() + side * (0.62 if bend >= 0 else 0.72)
        mouth = QPainterPath(QPointF(box.left() + side * 0.28, y))
        mouth.quadTo(QPointF(box.center().x(), y + 2 * bend), QPointF(box.left() + side * 0.72, y))
        painter.drawPath(mouth)
        painter.end()
