"""The second step for priority tickets: one big button per priority group, or none."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counter_app.domain.queue import PRIORITY_KINDS
from counter_app.ui import texts
from counter_app.ui.kiosk.style import nfc, px
from counter_app.ui.kiosk.widgets import label


class PriorityPage(QWidget):
    """Emits `chosen` with a PRIORITY_KINDS key, or "" for no priority."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label(texts.KIOSK_PRIORITY_TITLE, "title")
        self.note = label(texts.KIOSK_PRIORITY_NOTE, "subtle")
        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        for index, (key, name) in enumerate(PRIORITY_KINDS.items()):
            button = self._button(name, "kind")
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.buttons[key] = button
            self.grid.addWidget(button, index // 2, index % 2)
        self.none_button = self._button(texts.KIOSK_PRIORITY_NONE, "noKind")
        self.none_button.clicked.connect(lambda: self.chosen.emit(""))
        count = len(PRIORITY_KINDS)
        self.grid.addWidget(self.none_button, count // 2, count % 2)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.note)
        self.box.addLayout(self.grid, 1)

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(nfc(text))
        button.setObjectName(name)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return button

    def apply_scale(self, scale: float) -> None:
        """Margins and button heights for the screen."""
        self.box.setContentsMargins(px(48, scale), px(32, scale), px(48, scale), px(40, scale))
        self.box.setSpacing(px(14, scale))
        self.grid.setSpacing(px(22, scale))
