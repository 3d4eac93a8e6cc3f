"""The on-screen numeric pad that asks staff for the kiosk's exit PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.ui import texts
from counter_app.ui.kiosk.style import px
from counter_app.ui.kiosk.widgets import label

MAX_DIGITS = 8
#: Wrong PINs in a row before the pad rests for LOCK_SECONDS.
MAX_FAILURES = 5
LOCK_SECONDS = 30


class PinPad(QWidget):
    """Digits typed on screen; `submitted` carries the PIN, `cancelled` goes back."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits = ""
        self.failures = 0
        self.title = label(texts.KIOSK_PIN_TITLE, "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label("", "pinDots", wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("", "notice")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        for index, key in enumerate("123456789"):
            self.grid.addWidget(self._key(key), index // 3, index % 3)
        self.delete = self._button(texts.KIOSK_PIN_DELETE, "digit", self.backspace)
        self.grid.addWidget(self.delete, 3, 0)
        self.grid.addWidget(self._key("0"), 3, 1)
        self.exit = self._button(texts.KIOSK_PIN_EXIT, "pinExit", self.submit)
        self.grid.addWidget(self.exit, 3, 2)
        self.cancel = self._button(texts.CANCEL, "back", self.cancelled.emit)
        self.rest = QTimer(self)
        self.rest.setSingleShot(True)
        self.rest.timeout.connect(self._unlock)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addLayout(self.grid)
        column.addWidget(self.cancel)
        column.addStretch(1)
        self.column = column
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)
        self.clear()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _key(self, digit: str) -> QPushButton:
        button = self._button(digit, "digit", lambda _=False, d=digit: self.press(digit=d))
        self.keys[digit] = button
        return button

    def press(self, digit: str) -> None:
        """Add a digit (ignored past MAX_DIGITS)."""
        if len(self.digits) < MAX_DIGITS:
            self.digits += digit
        self.message.setText("")
        self._show()

    def backspace(self) -> None:
        """Remove the last digit."""
        self.digits = self.digits[:-1]
        self._show()

    def submit(self) -> None:
        """Hand the typed PIN over to be checked."""
        if self.digits:
            self.set_checking(True)
            self.submitted.emit(self.digits)

    def clear(self) -> None:
        """Forget the digits and any message."""
        self.digits = ""
        self.message.setText("")
        self._show()

    def set_checking(self, checking: bool) -> None:
        """Keys rest while the PIN is checked (or while the pad is locked)."""
        locked = checking or self.rest.isActive()
        for button in (*self.keys.values(), self.delete, self.exit):
            button.setEnabled(not locked)
        if checking:
            self.message.setText(texts.KIOSK_PIN_CHECKING)

    def show_wrong(self) -> None:
        """The PIN was wrong: clear it; after too many, rest for a while."""
        self.failures += 1
        self.digits = ""
        self._show()
        if self.failures >= MAX_FAILURES:
            self.failures = 0
            self.rest.start(LOCK_SECONDS * 1000)
            self.message.setText(texts.KIOSK_PIN_LOCKED.format(seconds=LOCK_SECONDS))
        else:
            self.message.setText(texts.KIOSK_PIN_WRONG)
        self.set_checking(False)

    def _unlock(self) -> None:
        self.message.setText("")
        self.set_checking(False)

    def _show(self) -> None:
        self.dots.setText("●" * len(self.digits) or " ")

    def apply_scale(self, scale: float) -> None:
        """Key sizes for the screen."""
        self.column.setContentsMargins(0, px(16, scale), 0, px(16, scale))
        self.column.setSpacing(px(10, scale))
        self.grid.setSpacing(px(12, scale))
        self.dots.setFixedHeight(px(70, scale))
        self.message.setFixedHeight(px(36, scale))
