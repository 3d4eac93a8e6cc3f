"""The screen shown while the database does not answer; the kiosk keeps retrying by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counter_app.ui import texts
from counter_app.ui.kiosk.style import px
from counter_app.ui.kiosk.widgets import label


class OutagePage(QWidget):
    """A full-screen apology and the promise that it comes back on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = label("", "prompt")
        self.message = label(texts.KIOSK_OUTAGE, "outage")
        self.retrying = label(texts.KIOSK_RETRYING, "subtle")
        self.box = QVBoxLayout(self)
        self.box.addStretch(2)
        for widget in (self.office, self.message, self.retrying):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.box.addWidget(widget)
        self.box.addStretch(3)

    def set_office(self, name: str) -> None:
        """The office's name above the message, when it is known."""
        self.office.setText(name)

    def apply_scale(self, scale: float) -> None:
        """Margins for the screen."""
        self.box.setContentsMargins(px(96, scale), px(40, scale), px(96, scale), px(40, scale))
        self.box.setSpacing(px(28, scale))
