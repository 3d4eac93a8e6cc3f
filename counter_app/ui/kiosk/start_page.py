"""The start screen: the office, a greeting, one big tile per service area, the priority bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.queue import PRIORITY_KINDS
from counter_app.services.queue_models import AreaInfo
from counter_app.ui import texts
from counter_app.ui.kiosk.style import nfc, px
from counter_app.ui.kiosk.widgets import AreaTile, TextButton, label, restyle


class StartPage(QWidget):
    """Tiles emit `area_chosen`; the priority bar asks for or clears a priority group."""

    area_chosen = Signal(int)
    priority_requested = Signal()
    priority_cleared = Signal()
    rating_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = 1.0
        self.tiles: list[AreaTile] = []
        self.priority = ""
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.office = label("", "office")
        self.greeting = label(texts.KIOSK_GREETING, "greeting")
        self.header_box = QVBoxLayout(header)
        self.header_box.addWidget(self.office)
        self.header_box.addWidget(self.greeting)
        self.prompt = label(texts.KIOSK_CHOOSE_AREA, "prompt")
        self.notice = label("", "notice")
        self.notice.setVisible(False)
        self.grid = QGridLayout()
        kinds = ", ".join(PRIORITY_KINDS.values())
        self.offer_text = texts.KIOSK_PRIORITY_OFFER.format(kinds=kinds)
        self.priority_button = TextButton("priority")
        self.priority_button.set_lines(self.offer_text, texts.KIOSK_PRIORITY_HINT)
        self.priority_button.clicked.connect(self._priority_tapped)
        self.clear_button = QPushButton(texts.KIOSK_PRIORITY_CLEAR)
        self.clear_button.setObjectName("clearPriority")
        self.clear_button.setVisible(False)
        self.clear_button.clicked.connect(self.priority_cleared)
        self.rating_button = TextButton("rateEntry")
        self.rating_button.set_lines(texts.RATING_KIOSK_BUTTON, texts.RATING_KIOSK_BUTTON_HINT)
        self.rating_button.clicked.connect(self.rating_requested)
        self.rating_button.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.priority_button, 3)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.rating_button, 2)
        self.body = QVBoxLayout()
        self.body.addWidget(self.prompt)
        self.body.addWidget(self.notice)
        self.body.addLayout(self.grid, 1)
        self.body.addLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(self.body, 1)

    def set_office(self, name: str) -> None:
        """Show the office's name in the header."""
        self.office.setText(nfc(name))

    def set_areas(self, areas: Sequence[AreaInfo]) -> None:
        """One tile per active area, three or four to a row, in kiosk order."""
        active = [a for a in areas if a.active]
        if active and active == [t.area for t in self.tiles]:
            self.set_busy(False)
            return  # nothing changed: no flicker, no churn every idle reset
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = [AreaTile(a) for a in active]
        columns = 3 if len(self.tiles) <= 6 else 4
        for index, tile in enumerate(self.tiles):
            tile.apply_scale(self.scale)
            tile.clicked.connect(lambda _=False, t=tile: self._tile_tapped(t))
            self.grid.addWidget(tile, index // columns, index % columns)
        rows = max(1, (len(self.tiles) + columns - 1) // columns)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        if not self.tiles:
            self.show_notice(texts.KIOSK_NO_AREAS)
        elif self.notice.text() == texts.KIOSK_NO_AREAS:
            self.show_notice("")
        self.set_busy(False)

    def set_rating_offered(self, offered: bool) -> None:
        """Show the way to rate a dossier's service (only where ratings can be saved)."""
        self.rating_button.setVisible(offered)

    def show_notice(self, text: str) -> None:
        """A line in red above the tiles (an area that closed, no areas at all)."""
        self.notice.setText(nfc(text))
        self.notice.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While a number is being taken, no tile or priority button answers."""
        for tile in self.tiles:
            tile.setEnabled(not busy)
        self.priority_button.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)
        self.rating_button.setEnabled(not busy)
        self.prompt.setText(texts.KIOSK_ISSUING if busy else texts.KIOSK_CHOOSE_AREA)

    def set_priority(self, kind: str) -> None:
        """Show the chosen priority group ("" for none) in the bar."""
        self.priority = kind
        if kind:
            text = texts.KIOSK_PRIORITY_CHOSEN.format(kind=PRIORITY_KINDS[kind])
            self.priority_button.set_lines(f"✓ {text}", texts.KIOSK_PRIORITY_CHOSEN_HINT)
            restyle(self.priority_button, "priorityChosen")
        else:
            self.priority_button.set_lines(self.offer_text, texts.KIOSK_PRIORITY_HINT)
            restyle(self.priority_button, "priority")
        self.clear_button.setVisible(bool(kind))

    def apply_scale(self, scale: float) -> None:
        """Margins, spacing and fixed heights for the screen."""
        self.scale = scale
        self.header_box.setContentsMargins(
            px(36, scale), px(16, scale), px(36, scale), px(16, scale)
        )
        self.header_box.setSpacing(px(4, scale))
        self.body.setContentsMargins(px(36, scale), px(18, scale), px(36, scale), px(22, scale))
        self.body.setSpacing(px(16, scale))
        self.grid.setSpacing(px(20, scale))
        self.priority_button.apply_scale(scale)
        self.rating_button.apply_scale(scale)
        for tile in self.tiles:
            tile.apply_scale(scale)

    def _tile_tapped(self, tile: AreaTile) -> None:
        if not tile.isEnabled():
            return
        self.set_busy(True)  # at once: a second tap finds every tile disabled
        self.area_chosen.emit(tile.area.id)

    def _priority_tapped(self) -> None:
        self.priority_requested.emit()
