"""Chip-card QR scans typed by a 2-D scanner into any field, and Enter moving to the next field.

A scanner types the QR text like a keyboard and ends it with Enter. Watched fields record every
typed character with the field's text as it was just before; on Enter, text containing "|" is a
scan: the field gets back its text from before the scan began and `scanned` carries the QR text.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from counter_app.domain.citizen_id import InvalidCardQR, parse_card_qr

SEPARATOR = "|"
#: Keys closer together than this (seconds) belong to one burst: a scanner, not a person.
BURST_GAP_S = 0.06
MAX_BUFFER = 1000
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOVING_KEYS = frozenset(
    {
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Escape,
    }
)


@dataclass(frozen=True)
class _Typed:
    """One typed character, when, and the field's text just before it."""

    char: str
    at: float
    text_before: str


def field_text(widget: QWidget) -> str | None:
    """The editable text of a field, or None for fields without one."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.currentText()
    return None


def set_field_text(widget: QWidget, text: str) -> None:
    """Put text back into a field."""
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setEditText(text)


def scan_start(typed: list[_Typed]) -> int:
    """Where the scan begins in the typed characters: the longest tail that parses as a card QR,
    else the start of the burst of fast keys that holds the first separator."""
    chars = "".join(t.char for t in typed)
    for i in range(len(chars)):
        if SEPARATOR not in chars[i:]:
            break
        try:
            parse_card_qr(chars[i:])
        except InvalidCardQR:
            continue
        return i
    start = chars.find(SEPARATOR)
    while start > 0 and typed[start].at - typed[start - 1].at <= BURST_GAP_S:
        start -= 1
    return max(start, 0)


class ScanCatcher(QObject):
    """Event filter on the fields of a form: detects scans, and makes Enter move on."""

    scanned = Signal(str, object)  # the scanned text, the field it was typed into

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typed: dict[QObject, list[_Typed]] = {}
        self._moves_on: set[QObject] = set()

    def watch(self, *widgets: QWidget, move_on: bool = True) -> None:
        """Watch these fields; with move_on, Enter in them goes to the next field."""
        for widget in widgets:
            widget.installEventFilter(self)
            if move_on:
                self._moves_on.add(widget)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Record typed characters; on Enter take a scan or move on (Qt API)."""
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._typed.pop(obj, None)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(obj, event)
        return False

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if event.key() in _ENTER_KEYS and plain:
            typed = self._typed.pop(obj, [])
            if any(t.char == SEPARATOR for t in typed) and isinstance(obj, QWidget):
                self._take(obj, typed)
                return True
            if obj in self._moves_on and isinstance(obj, QWidget):
                tab = QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier
                )
                QApplication.sendEvent(obj, tab)
                return True
            return False
        if event.key() in _MOVING_KEYS:
            self._typed.pop(obj, None)  # a person moving about, not a scanner (Shift is kept)
            return False
        text = event.text()
        if not (text and text.isprintable() and isinstance(obj, QWidget)):
            return False
        before = field_text(obj)
        typed = self._typed.setdefault(obj, [])
        now = time.monotonic()
        in_burst = bool(typed) and now - typed[-1].at <= BURST_GAP_S
        typed.extend(_Typed(ch, now, before or "") for ch in text)
        del typed[:-MAX_BUFFER]
        # Without text to restore (buttons, lists, plain combos) a scanner's keys would press
        # buttons (space) or pick items: inside a burst they are only recorded.
        return before is None and in_burst

    def _take(self, widget: QWidget, typed: list[_Typed]) -> None:
        start = scan_start(typed)
        raw = "".join(t.char for t in typed[start:])
        if field_text(widget) is not None:
            set_field_text(widget, typed[start].text_before)
        self.scanned.emit(raw, widget)
