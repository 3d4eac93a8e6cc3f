"""Lock-down: keys that would leave or move the kiosk are swallowed, a hidden exit gesture."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

Key = Qt.Key
Mod = Qt.KeyboardModifier

#: Keys swallowed whatever the modifiers: escape, window-manager and system keys.
ALWAYS_BLOCKED = frozenset(
    int(k)
    for k in {
        Key.Key_Escape,
        Key.Key_Meta,
        Key.Key_Super_L,
        Key.Key_Super_R,
        Key.Key_Menu,
        Key.Key_Hyper_L,
        Key.Key_Hyper_R,
        Key.Key_Close,
        Key.Key_Back,
        Key.Key_Forward,
        Key.Key_Launch0,
        Key.Key_Explorer,
        Key.Key_PowerOff,
        Key.Key_Sleep,
        Key.Key_Suspend,
    }
)

#: Events that are dropped outright: context menus and multi-finger gestures.
DROPPED_EVENTS = frozenset(
    {QEvent.Type.ContextMenu, QEvent.Type.Gesture, QEvent.Type.NativeGesture, QEvent.Type.Wheel}
)

KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})

ACTIVITY_EVENTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
)


def is_blocked_key(key: int, modifiers: Qt.KeyboardModifier, text: str) -> bool:
    """Esc, F-keys, system keys and any Ctrl/Alt/Meta combination (AltGr letters still type)."""
    if key in ALWAYS_BLOCKED or int(Key.Key_F1) <= key <= int(Key.Key_F35):
        return True
    ctrl, alt = bool(modifiers & Mod.ControlModifier), bool(modifiers & Mod.AltModifier)
    if modifiers & Mod.MetaModifier:
        return True
    if ctrl and alt and text.isprintable() and text.strip():
        return False  # AltGr on European layouts: a letter being typed
    return ctrl or alt


class KeyGuard(QObject):
    """An application event filter: blocked keys and shortcuts never reach any window.

    Reports every touch, click and key as `activity` (for the idle timer). Keys the window
    manager takes for itself (Alt+Tab on most desktops) never reach the application: the
    operating system's kiosk mode has to stop those.
    """

    activity = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked = 0  # how many key events were swallowed, for tests and the log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swallow what would leave the kiosk (Qt API)."""
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self.activity.emit()
        if kind in DROPPED_EVENTS:
            return True
        if (
            kind in KEY_EVENTS
            and isinstance(event, QKeyEvent)
            and is_blocked_key(event.key(), event.modifiers(), event.text())
        ):
            self.blocked += 1
            event.accept()  # an accepted ShortcutOverride keeps shortcuts from firing
            return True
        if kind == QEvent.Type.Shortcut:
            self.blocked += 1
            return True  # the kiosk has no shortcuts; anything that slipped in is dropped
        return False


class CornerHold(QWidget):
    """An invisible corner: held down for `hold_ms`, or tapped `taps` times quickly, it fires."""

    triggered = Signal()

    def __init__(
        self, parent: QWidget, hold_ms: int = 3000, taps: int = 5, window_s: float = 4.0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("corner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.taps_needed, self.tap_window = taps, window_s
        self.tap_times: list[float] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(hold_ms)
        self.timer.timeout.connect(self.triggered)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start the hold and count the tap (Qt API)."""
        event.accept()
        self.timer.start()
        now = time.monotonic()
        self.tap_times = [t for t in self.tap_times if now - t < self.tap_window] + [now]
        if len(self.tap_times) >= self.taps_needed:
            self.tap_times.clear()
            self.timer.stop()
            self.triggered.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Letting go early cancels the hold (Qt API)."""
        event.accept()
        self.timer.stop()
