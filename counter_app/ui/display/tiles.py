"""One tile per counter: "QUẦY 2" and the number served there; the newest call blinks."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from counter_app.ui import texts
from counter_app.ui.display import style
from counter_app.ui.display.fit import draw_fitted, fit_font

#: Width to height of a tile the grid aims for.
TILE_ASPECT = 1.5


class CounterTile(QWidget):
    """A counter's tile, drawn to fill its cell; the number is as large as it fits."""

    def __init__(self, number: int, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.title = texts.DISPLAY_COUNTER.format(number=number)
        default = texts.DISPLAY_COUNTER_DEFAULT_NAME.format(number=number)
        self.subtitle = name if name and name.casefold() != default.casefold() else ""
        self.label = ""
        self.flash = False
        self.newest = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 80)

    def shown_number(self) -> str:
        """The text in the number's place: the label, or a dash when nobody is served."""
        return self.label or texts.NONE

    def set_label(self, label: str) -> None:
        """Show the number being served ("" for none)."""
        if label != self.label:
            self.label = label
            self.update()

    def set_flash(self, on: bool) -> None:
        """Draw in the highlight colours (toggled to blink)."""
        if on != self.flash:
            self.flash = on
            self.update()

    def set_newest(self, on: bool) -> None:
        """Outline the tile of the newest call."""
        if on != self.newest:
            self.newest = on
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Rounded box, the counter's title on top, the number below."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        border = max(2, round(min(self.width(), self.height()) * 0.02))
        pen = border * (2 if self.newest else 1)  # the newest call: a thicker outline
        box = QRectF(self.rect()).adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2)
        outline = QColor(style.FLASH if self.newest or self.flash else style.TILE_BORDER)
        painter.setPen(QPen(outline, pen))
        painter.setBrush(QColor(style.FLASH if self.flash else style.TILE))
        radius = min(box.width(), box.height()) * 0.06
        painter.drawRoundedRect(box, radius, radius)

        inner = self.rect().adjusted(border * 3, border * 2, -border * 3, -border * 2)
        title_h = round(inner.height() * (0.22 if self.subtitle else 0.26))
        sub_h = round(inner.height() * 0.12) if self.subtitle else 0
        title_box = QRect(inner.left(), inner.top(), inner.width(), title_h)
        sub_box = QRect(inner.left(), title_box.bottom() + 1, inner.width(), sub_h)
        pad = round(inner.width() * 0.04)
        number_box = QRect(
            inner.left() + pad,
            inner.top() + title_h + sub_h,
            inner.width() - 2 * pad,
            inner.height() - title_h - sub_h,
        )
        base = QFont(self.font())
        base.setBold(True)
        text_color = QColor(style.FLASH_TEXT if self.flash else style.TEXT)
        self._draw(painter, base, self.title, title_box, text_color)
        if self.subtitle:
            plain = QFont(self.font())
            muted = QColor(style.FLASH_TEXT if self.flash else style.MUTED)
            self._draw(painter, plain, self.subtitle, sub_box, muted)
        if self.flash:
            number_color = QColor(style.FLASH_TEXT)
        else:
            number_color = QColor(style.NUMBER if self.label else style.EMPTY)
        # Nobody served: a dash at half size, not a bar as heavy as a number.
        largest = number_box.height() if self.label else number_box.height() // 2
        self._draw(painter, base, self.shown_number(), number_box, number_color, largest)
        painter.end()

    @staticmethod
    def _draw(
        painter: QPainter,
        base: QFont,
        text: str,
        box: QRect,
        color: QColor,
        largest: int | None = None,
    ) -> None:
        painter.setPen(color)
        font = fit_font(base, text, box.size(), largest or box.height())
        draw_fitted(painter, font, text, box)


def grid_columns(count: int, width: int, height: int, spacing: int = 0) -> int:
    """The number of columns that makes the tiles largest at the aimed-for shape."""
    best, best_size = 1, -1.0
    if count <= 1:
        return 1
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        tile_w = (width - spacing * (cols - 1)) / cols
        tile_h = (height - spacing * (rows - 1)) / rows
        size = min(tile_w / TILE_ASPECT, tile_h)
        if size > best_size + 0.5:
            best, best_size = cols, size
    return best


class TileGrid(QWidget):
    """The tiles of the counters, arranged to be as large as the area allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[int, CounterTile] = {}
        self._names: dict[int, str] = {}
        self._columns = 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.flashing: int | None = None
        self._ticks = 0
        self.blink = QTimer(self)
        self.blink.setInterval(style.FLASH_INTERVAL_MS)
        self.blink.timeout.connect(self._toggle)

    def set_counters(self, numbers: list[int], names: dict[int, str]) -> None:
        """Show a tile for each counter (rebuilt only when the list changes)."""
        if list(self.tiles) == numbers and names == self._names:
            return
        labels = {n: t.label for n, t in self.tiles.items()}
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self._names = dict(names)
        self.tiles = {n: CounterTile(n, names.get(n, ""), self) for n in numbers}
        for number, tile in self.tiles.items():
            tile.set_label(labels.get(number, ""))
        self._columns = 0
        self._arrange()

    def set_serving(self, serving: dict[int, str]) -> None:
        """Put each counter's current number on its tile."""
        for number, tile in self.tiles.items():
            tile.set_label(serving.get(number, ""))

    def highlight(self, counter: int) -> None:
        """Blink the counter's tile for a while and outline it as the newest call."""
        for number, tile in self.tiles.items():
            tile.set_newest(number == counter)
            tile.set_flash(number == counter)
        self.flashing = counter if counter in self.tiles else None
        self._ticks = 0
        if self.flashing is not None:
            self.blink.start()

    def _toggle(self) -> None:
        tile = self.tiles.get(self.flashing) if self.flashing is not None else None
        self._ticks += 1
        if tile is None or self._ticks >= style.FLASH_SECONDS * 1000 // style.FLASH_INTERVAL_MS:
            self.blink.stop()
            self.flashing = None
            if tile is not None:
                tile.set_flash(False)
            return
        tile.set_flash(not tile.flash)

    def set_scale(self, scale: float) -> None:
        """Spacing between tiles follows the window's size."""
        self.grid.setSpacing(max(6, round(24 * scale)))
        self._columns = 0
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Choose the columns again for the new size."""
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        size: QSize = self.size()
        spacing = self.grid.spacing()
        cols = grid_columns(len(self.tiles), size.width(), size.height(), spacing)
        if cols == self._columns:
            return
        self._columns = cols
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, index // cols, index % cols)
        rows = math.ceil(len(self.tiles) / cols) if self.tiles else 0
        for i in range(max(cols, self.grid.columnCount())):
            self.grid.setColumnStretch(i, 1 if i < cols else 0)
        for i in range(max(rows, self.grid.rowCount())):
            self.grid.setRowStretch(i, 1 if i < rows else 0)
