"""Rating at the kiosk, step one: the receipt's QR code to the scanner, or its code by touch.

A USB scanner types like a keyboard and ends with Enter; the page takes those keys itself
(there is no text field at the kiosk a keyboard could wander into) and only printable
ASCII, which is all a dossier code or a link to it holds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.ui import texts
from counter_app.ui.kiosk.style import px
from counter_app.ui.kiosk.widgets import label
from counter_app.ui.widgets.vi_keyboard import CODE, VietKeyboard

MAX_SCAN = 200
_ENTER = (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter))


class ScanPage(QWidget):
    """`scanned` carries what was scanned or typed; `cancelled` goes back to the start."""

    scanned = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.busy = False
        self.title = label(texts.RATING_SCAN_TITLE, "title")
        self.instruction = label(texts.RATING_SCAN_INSTRUCTION, "prompt")
        self.or_type = label(texts.RATING_SCAN_OR_TYPE, "subtle")
        self.code = label("", "codeEntry", wrap=False)
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.message = label("", "notice")
        self.keyboard = VietKeyboard(CODE, max_length=MAX_SCAN)
        self.keyboard.set_target(self.code)
        self.keyboard.typed.connect(lambda _text: self.message.setText(""))
        self.find = self._button(texts.RATING_SCAN_FIND, "done", self.submit)
        self.back = self._button(texts.RATING_SCAN_BACK, "skip", self._back)
        actions = QHBoxLayout()
        actions.addWidget(self.back)
        actions.addStretch(1)
        actions.addWidget(self.find)
        self.box = QVBoxLayout(self)
        for widget in (self.title, self.instruction, self.or_type, self.code, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.box.addWidget(widget)
        self.box.addStretch(1)
        self.box.addWidget(self.keyboard)
        self.box.addLayout(actions)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page keeps the scanner's keys
        button.clicked.connect(slot)
        return button

    def reset(self) -> None:
        """Empty, ready for a scan, with the keyboard focus."""
        self.code.setText("")
        self.message.setText("")
        self.set_busy(False)
        self.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While a code is looked up, nothing else is taken."""
        self.busy = busy
        for widget in (self.find, self.back, self.keyboard):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(texts.RATING_SCAN_LOOKING)

    def show_problem(self, message: str) -> None:
        """Not found, already rated…: say so and wait for the next scan."""
        self.set_busy(False)
        self.code.setText("")
        self.message.setText(message)
        self.setFocus()

    def submit(self) -> None:
        """Look up what was scanned or typed."""
        if self.busy:
            return
        text = self.code.text().strip()
        if not text:
            self.message.setText(texts.RATING_SCAN_EMPTY)
            return
        self.set_busy(True)
        self.scanned.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The scanner's keys: characters of the code, then Enter (Qt API)."""
        if self.busy:
            event.accept()
            return
        if event.key() in _ENTER:
            self.submit()
        elif event.key() == int(Qt.Key.Key_Backspace):
            self.code.setText(self.code.text()[:-1])
        elif event.text().isascii() and event.text().isprintable() and event.text():
            self.code.setText((self.code.text() + event.text())[:MAX_SCAN])
            self.message.setText("")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _back(self) -> None:
        if not self.busy:
            self.cancelled.emit()

    def apply_scale(self, scale: float) -> None:
        """Margins and spacing for the screen."""
        self.box.setContentsMargins(px(48, scale), px(18, scale), px(48, scale), px(18, scale))
        self.box.setSpacing(px(10, scale))
        self.code.setMinimumHeight(px(64, scale))
        self.keyboard.apply_scale(scale)
