"""Kiosk building blocks: styled labels, two-line wrapping buttons, area tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counter_app.services.queue_models import AreaInfo
from counter_app.ui.kiosk.style import nfc, px


def label(text: str, name: str, wrap: bool = True) -> QLabel:
    """A plain-text label styled by object name."""
    widget = QLabel(nfc(text))
    widget.setObjectName(name)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    return widget


def restyle(widget: QWidget, name: str) -> None:
    """Give a widget another object name and let the style sheet see it (children too)."""
    if widget.objectName() != name:
        widget.setObjectName(name)
        for each in (widget, *widget.findChildren(QLabel)):
            each.style().unpolish(each)
            each.style().polish(each)


class TextButton(QPushButton):
    """A button whose two lines of text wrap (a QPushButton's own text never does)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title = label("", "buttonTitle")
        self.hint = label("", "buttonHint")
        for child in (self.title, self.hint):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.hint)

    def set_lines(self, title: str, hint: str) -> None:
        """The bold first line and the smaller second one."""
        self.title.setText(nfc(title))
        self.hint.setText(nfc(hint))
        self.setAccessibleName(nfc(f"{title}. {hint}"))

    def apply_scale(self, scale: float) -> None:
        """Margins for the screen; the height follows the wrapped text."""
        self.box.setContentsMargins(px(24, scale), px(10, scale), px(24, scale), px(10, scale))
        self.box.setSpacing(px(2, scale))


class AreaTile(QPushButton):
    """A service area as a big touch target: its letter in a badge, its name beside it."""

    def __init__(self, area: AreaInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setObjectName("tile")
        self.setAccessibleName(nfc(area.name))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.letter = label(area.prefix, "tileLetter", wrap=False)
        self.letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = label(area.name, "tileName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        for child in (self.letter, self.name):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.letter)
        self.row.addWidget(self.name, 1)

    def apply_scale(self, scale: float) -> None:
        """Size the badge and the margins for the screen."""
        self.letter.setFixedSize(px(104, scale), px(104, scale))
        self.row.setContentsMargins(px(22, scale), px(12, scale), px(18, scale), px(12, scale))
        self.row.setSpacing(px(22, scale))
