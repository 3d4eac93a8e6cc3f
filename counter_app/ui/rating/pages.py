"""The quiet pages of the rating screen: waiting at a counter, and the thanks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counter_app.domain.rating import VERY_SATISFIED
from counter_app.ui import texts
from counter_app.ui.kiosk.style import nfc, px
from counter_app.ui.kiosk.widgets import label
from counter_app.ui.rating.faces import Face
from counter_app.ui.rating.style import LEVEL_COLOURS

CENTER = Qt.AlignmentFlag.AlignCenter


class IdlePage(QWidget):
    """Between citizens: the office, the counter's number, an invitation."""

    def __init__(self, counter: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.office = label("", "office")
        self.office.setAlignment(CENTER)
        self.header_box = QVBoxLayout(header)
        self.header_box.addWidget(self.office)
        self.counter = label(texts.RATING_COUNTER.format(counter=counter), "counterHuge")
        self.invite = label(texts.RATING_IDLE_INVITE, "invite")
        self.hint = label(texts.RATING_IDLE_HINT, "note")
        self.body = QVBoxLayout()
        self.body.addStretch(2)
        for widget in (self.counter, self.invite, self.hint):
            widget.setAlignment(CENTER)
            self.body.addWidget(widget)
        self.body.addStretch(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(self.body, 1)

    def set_office(self, name: str) -> None:
        """The office's name in the header."""
        self.office.setText(nfc(name))

    def apply_scale(self, scale: float) -> None:
        """Margins for the screen."""
        self.header_box.setContentsMargins(
            px(36, scale), px(16, scale), px(36, scale), px(16, scale)
        )
        self.body.setContentsMargins(px(60, scale), px(20, scale), px(60, scale), px(20, scale))
        self.body.setSpacing(px(18, scale))


class ThanksPage(QWidget):
    """The thanks, shown for a few seconds after every answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = Face(5, "#ffffff", fill=LEVEL_COLOURS[VERY_SATISFIED])
        self.thanks = label(texts.RATING_THANKS, "thanks")
        self.detail = label(texts.RATING_THANKS_DETAIL, "detail")
        self.box = QVBoxLayout(self)
        self.box.addStretch(2)
        self.box.addWidget(self.face)
        for widget in (self.thanks, self.detail):
            widget.setAlignment(CENTER)
            self.box.addWidget(widget)
        self.box.addStretch(3)

    def apply_scale(self, scale: float) -> None:
        """Margins and the face's size for the screen."""
        self.box.setContentsMargins(px(60, scale), px(30, scale), px(60, scale), px(30, scale))
        self.box.setSpacing(px(18, scale))
        self.face.setFixedHeight(px(180, scale))
