"""Text that always fits its box: the largest size up to a maximum, never clipped."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_PIXELS = 8


def _overhang(metrics: QFontMetrics, text: str) -> int:
    """How far stacked marks (Ố, Ầ, Ỹ) reach above the font's ascent, in pixels."""
    return max(0, -metrics.boundingRect(text).top() - metrics.ascent())


def _extent(font: QFont, text: str, width: int, wrap: bool) -> QSize:
    """The room the text needs, marks above the first line included."""
    metrics = QFontMetrics(font)
    if wrap:
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(bounds.width(), bounds.height() + _overhang(metrics, text))
    ink = metrics.boundingRect(text)
    below = max(metrics.descent(), ink.bottom() + 1)
    return QSize(
        max(metrics.horizontalAdvance(text), ink.right() + 1),
        metrics.ascent() + _overhang(metrics, text) + below,
    )


def fit_font(base: QFont, text: str, box: QSize, max_pixels: int, wrap: bool = False) -> QFont:
    """The base font at the largest pixel size (≤ max_pixels) at which text fits in box."""
    font = QFont(base)
    low, high = MIN_PIXELS, max(MIN_PIXELS, max_pixels)
    while low < high:  # binary search for the largest size that fits
        mid = (low + high + 1) // 2
        font.setPixelSize(mid)
        need = _extent(font, text or " ", box.width(), wrap)
        if need.width() <= box.width() and need.height() <= box.height():
            low = mid
        else:
            high = mid - 1
    font.setPixelSize(low)
    return font


def draw_fitted(
    painter: QPainter,
    font: QFont,
    text: str,
    box: QRect,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    wrap: bool = False,
) -> None:
    """Draw text (already fitted) in box, centred vertically with room for stacked marks."""
    painter.setFont(font)
    metrics = QFontMetrics(font)
    need = _extent(font, text, box.width(), wrap)
    top = box.top() + (box.height() - need.height()) // 2
    if wrap:
        room = QRect(box.left(), top + _overhang(metrics, text), box.width(), need.height())
        horizontal = align & Qt.AlignmentFlag.AlignHorizontal_Mask
        flags = int(horizontal | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(room, flags, text)
        return
    baseline = top + _overhang(metrics, text) + metrics.ascent()
    if align & Qt.AlignmentFlag.AlignRight:
        x = box.right() + 1 - need.width()
    elif align & Qt.AlignmentFlag.AlignHCenter:
        x = box.left() + (box.width() - need.width()) // 2
    else:
        x = box.left()
    painter.drawText(QPoint(x, baseline), text)


class FitLabel(QWidget):
    """A label drawn as large as its box allows, up to `max_pixels` (scaled by the window)."""

    def __init__(
        self,
        text: str = "",
        *,
        max_pixels: int = 40,
        bold: bool = False,
        color: str = "#ffffff",
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        self.base_pixels = max_pixels
        self.max_pixels = max_pixels
        self.bold = bold
        self.color = QColor(color)
        self.align = align
        self.wrap = wrap
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self._cache: tuple[tuple[object, ...], QFont] | None = None

    def text(self) -> str:
        """The text shown."""
        return self._text

    def setText(self, text: str) -> None:
        """Change the text."""
        if text != self._text:
            self._text = text
            self.update()

    def set_color(self, color: str) -> None:
        """Change the colour of the text."""
        self.color = QColor(color)
        self.update()

    def set_scale(self, scale: float) -> None:
        """Scale the largest size (the window is designed for 1920×1080)."""
        self.max_pixels = max(MIN_PIXELS, round(self.base_pixels * scale))
        # Small minimum: on a short screen the layout shrinks the line and the text with it.
        self.setMinimumHeight(max(MIN_PIXELS, round(self.max_pixels * 0.6)))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """About one line at the largest size."""
        return QSize(self.max_pixels * 4, round(self.max_pixels * 1.3))

    def drawn_font(self) -> QFont:
        """The font the text is drawn with at the current size."""
        box = self.contentsRect().size()
        key = (self._text, box, self.max_pixels, self.font().family(), self.bold, self.wrap)
        if self._cache is None or self._cache[0] != key:
            base = QFont(self.font())
            base.setBold(self.bold)
            self._cache = (key, fit_font(base, self._text, box, self.max_pixels, self.wrap))
        return self._cache[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text at the size that fits."""
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setPen(self.color)
        draw_fitted(
            painter, self.drawn_font(), self._text, self.contentsRect(), self.align, self.wrap
        )
        painter.end()
