"""A frameless, full-screen, always-on-top window that only closes once unlocked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.ui.kiosk.lockdown import CornerHold, KeyGuard


class LockedWindow(QWidget):
    """Swallows close requests and leaving keys while shown; `corner` is the exit gesture."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        flags = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        self.setWindowFlags(self.windowFlags() | flags)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.unlocked = False
        self.guard = KeyGuard(self)
        self.corner = CornerHold(self)

    def show_full_screen(self) -> None:
        """Cover the whole screen, also where no window manager runs (a bare X kiosk)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Only an unlocked window closes (Qt API)."""
        if self.unlocked:
            event.accept()
        else:
            event.ignore()

    def showEvent(self, event: QShowEvent) -> None:
        """The key guard works while the window shows (Qt API)."""
        super().showEvent(event)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.guard)
        self.corner.raise_()

    def hideEvent(self, event: QHideEvent) -> None:
        """Other windows get their keys back once this one is gone (Qt API)."""
        super().hideEvent(event)
        app = QApplication.instance()
        # A window manager iconifying the window also sends a hide event; it is still shown.
        if app is not None and not self.isVisible():
            app.removeEventFilter(self.guard)

    def out_of_full_screen(self) -> bool:
        """Minimised, maximised or restored to a normal window while still locked."""
        state = self.windowState()
        minimised = bool(state & Qt.WindowState.WindowMinimized)
        return not self.unlocked and (minimised or not state & Qt.WindowState.WindowFullScreen)

    def changeEvent(self, event: QEvent) -> None:
        """Minimised, maximised or restored by someone: back to full screen (Qt API)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.out_of_full_screen():
            QTimer.singleShot(0, self, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if self.isVisible() and self.out_of_full_screen():
            self.show_full_screen()
