"""Shared by the kiosk and rating-screen hardening tests (no tests here): keys, closes, idle."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from counter_app.ui.kiosk.locked_window import LockedWindow
from counter_app.ui.kiosk.station_window import StationWindow
from counter_app.ui.login_dialog import LoginDialog

Key, Mod = Qt.Key, Qt.KeyboardModifier
NO, ALT, CTRL, META = Mod.NoModifier, Mod.AltModifier, Mod.ControlModifier, Mod.MetaModifier

#: Keys that leave or move a window on common desktops, as (name, key, modifiers).
LEAVING_KEYS = [
    ("Alt+F4", Key.Key_F4, ALT),
    ("Alt+Tab", Key.Key_Tab, ALT),
    ("Alt+Shift+Tab", Key.Key_Backtab, ALT | Mod.ShiftModifier),
    ("Ctrl+W", Key.Key_W, CTRL),
    ("Ctrl+Q", Key.Key_Q, CTRL),
    ("Ctrl+F4", Key.Key_F4, CTRL),
    ("Esc", Key.Key_Escape, NO),
    ("F11", Key.Key_F11, NO),
    ("Meta", Key.Key_Meta, META),
    ("Super", Key.Key_Super_L, NO),
    ("Meta+D", Key.Key_D, META),
    ("Alt+Space", Key.Key_Space, ALT),
    ("Ctrl+Alt+Del", Key.Key_Delete, CTRL | ALT),
    ("Menu", Key.Key_Menu, NO),
]

#: The same as key sequences, for shortcuts that would act on them.
LEAVING_SEQUENCES = ("Alt+F4", "Alt+Tab", "Ctrl+W", "Ctrl+Q", "Ctrl+F4", "Esc", "F11", "Meta+D")

NO_STATE = Qt.WindowState.WindowNoState

#: Ways a window manager or a user changes the window's state.
STATE_CHANGES: dict[str, Callable[[QWidget], None]] = {
    "showMinimized": lambda w: w.showMinimized(),
    "showNormal": lambda w: w.showNormal(),
    "showMaximized": lambda w: w.showMaximized(),
    "window manager minimises": lambda w: w.windowHandle().showMinimized(),
    "window manager restores": lambda w: w.windowHandle().setWindowState(NO_STATE),
    "window manager maximises": lambda w: w.windowHandle().showMaximized(),
}


FULL_SCREEN = Qt.WindowState.WindowFullScreen


def change_window_state(window: QWidget, change: Callable[[QWidget], None], qtbot) -> object:
    """Make the change, wait until the window is back to full screen; the state it left for."""
    handle = window.windowHandle()
    states: list[object] = []
    handle.windowStateChanged.connect(states.append)
    change(window)
    qtbot.waitUntil(lambda: bool(states) and handle.windowStates() == FULL_SCREEN, timeout=2000)
    QApplication.processEvents()
    handle.windowStateChanged.disconnect(states.append)
    return states[0]


def lock_full_screen(window: LockedWindow) -> None:
    """Full screen and active, as the real screen starts."""
    window.show_full_screen()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts need an active window
    assert window.isFullScreen()


def assert_still_locked(window: LockedWindow) -> None:
    """Shown, full screen, not minimised, not unlocked."""
    QApplication.processEvents()
    assert window.isVisible()
    assert not window.unlocked
    assert window.isFullScreen()
    assert not window.isMinimized()


def key_target(window: QWidget) -> QWidget:
    """Where a physical key would go: the focused widget, else the window."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and focus.window() is window else window


def press_leaving_keys(window: LockedWindow) -> None:
    """Every leaving key as a real key click (shortcut override first, as the system does)."""
    for _name, key, modifiers in LEAVING_KEYS:
        QTest.keyClick(key_target(window), key, modifiers)
    QApplication.processEvents()


def send_leaving_key_events(window: QWidget) -> None:
    """Every leaving key as QKeyEvents sent and posted straight to the widgets."""
    for target in {key_target(window), window}:
        for _name, key, modifiers in LEAVING_KEYS:
            for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
                QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers))
            QApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
    QApplication.processEvents()


#: Where a shortcut may live: one kind at a time, so no two share a sequence (ambiguous).
TRAP_KINDS = {
    "application shortcut": Qt.ShortcutContext.ApplicationShortcut,
    "window shortcut": Qt.ShortcutContext.WindowShortcut,
    "widget shortcut": Qt.ShortcutContext.WidgetWithChildrenShortcut,
    "window action": None,
}


def add_shortcut_traps(window: QWidget, on: QWidget, kind: str, fired: list[str]) -> list[QObject]:
    """Shortcuts on `on` or actions on the window, on the leaving sequences; they record firing."""
    made: list[QObject] = []
    for sequence in (*LEAVING_SEQUENCES, "Ctrl+Alt+T"):
        context = TRAP_KINDS[kind]
        note = f"{kind} {sequence}"
        if context is None:
            action = QAction(sequence, window)
            action.setShortcut(QKeySequence(sequence))
            action.triggered.connect(lambda _=False, n=note: fired.append(n))
            window.addAction(action)
            made.append(action)
            continue
        shortcut = QShortcut(QKeySequence(sequence), on)
        shortcut.setContext(context)
        shortcut.activated.connect(lambda n=note: fired.append(n))
        shortcut.activatedAmbiguously.connect(lambda n=note: fired.append(f"{n} (ambiguous)"))
        made.append(shortcut)
    return made


def remove_traps(window: QWidget, traps: list[QObject]) -> None:
    """Take the shortcuts and actions away again."""
    for trap in traps:
        if isinstance(trap, QAction):
            window.removeAction(trap)
        trap.setParent(None)
        trap.deleteLater()
    QApplication.processEvents()


def quit_is_refused(app: QApplication) -> bool:
    """Ask the running application to quit (as a session ending does); True if it kept running."""
    QTimer.singleShot(0, app.quit)
    QTimer.singleShot(400, lambda: app.exit(7))
    return app.exec() == 7


class HeldPool:
    """Runs tasks at once, or holds them while `hold` is set until `release()` (a slow database)."""

    def __init__(self) -> None:
        self.hold = False
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        """Run the runnable now, or keep it for later."""
        if self.hold:
            self.held.append(runnable)
        else:
            runnable.run()

    def release(self) -> None:
        """Run what was held, in order, and stop holding."""
        self.hold = False
        held, self.held = self.held, []
        for runnable in held:
            runnable.run()


#: Ways a window is asked to close, as (name, request); each returns the request's answer.
CLOSE_REQUESTS: dict[str, Callable[[QWidget], object]] = {
    "close()": lambda w: w.close(),
    "close event": lambda w: _send_close_event(w),
    "window manager closes": lambda w: w.windowHandle().close(),
    "close all windows": lambda w: QApplication.closeAllWindows(),
}


def _send_close_event(window: QWidget) -> bool:
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def close_was_refused(window: QWidget, request: Callable[[QWidget], object]) -> bool:
    """Make the request; True when the window said no and is still there."""
    answer = request(window)
    QApplication.processEvents()
    return answer is not True and window.isVisible()


def leave_sign_in_open(window: StationWindow, fill: Callable[[LoginDialog], None]) -> list[bool]:
    """Open the supervisor's sign-in (no PIN set), type into it and walk away.

    Returns [whether the dialog showed, whether the idle timer closed it]; a safety timer
    closes it otherwise, so a failing test ends instead of hanging.
    """
    seen: list[bool] = []

    def type_and_walk_away() -> None:
        dialogs = [d for d in window.findChildren(LoginDialog) if d.isVisible()]
        seen.append(bool(dialogs))
        for dialog in dialogs:
            fill(dialog)
        window.idle.setInterval(100)
        window.idle.start()

    def give_up() -> None:
        for dialog in window.findChildren(QDialog):
            dialog.reject()

    QTimer.singleShot(50, type_and_walk_away)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(give_up)
    safety.start(5000)
    window.open_exit()  # blocks until the dialog is closed
    closed_by_idle = safety.isActive()
    safety.stop()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [*seen, closed_by_idle]
