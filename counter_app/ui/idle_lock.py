"""Locking the clerk window after idle time: an application event filter resets a timer.

When no key or mouse input reaches the application for `[security] idle_lock_minutes`, a lock
screen covers the window. It asks for the signed-in account's password; the window and every
form behind it stay as they were. Another person may sign in instead, which ends the first
session (`switch_user`), or the session may be signed out from the lock screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.roles import PEOPLE_ROLES
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel

log = logging.getLogger(__name__)

E = QEvent.Type
#: Input that shows someone is at the station: each restarts the idle timer.
ACTIVITY = frozenset(
    {
        E.KeyPress,
        E.MouseButtonPress,
        E.MouseButtonDblClick,
        E.MouseMove,
        E.Wheel,
        E.InputMethod,
        E.TouchBegin,
        E.TouchUpdate,
        E.TabletPress,
    }
)
#: Input kept from every window but the lock screen while locked (shortcuts included).
BLOCKED = frozenset(
    {
        E.KeyPress,
        E.KeyRelease,
        E.ShortcutOverride,
        E.Shortcut,
        E.MouseButtonPress,
        E.MouseButtonRelease,
        E.MouseButtonDblClick,
        E.Wheel,
        E.InputMethod,
        E.ContextMenu,
        E.TouchBegin,
        E.TabletPress,
    }
)


def _app() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "the clerk window runs inside a QApplication"
    return app


class LockScreen(QDialog):
    """Covers the window; opens again with the same account's password, or another's sign-in."""

    unlocked = Signal()
    switch_user = Signal(object)  # the Principal of another account that signed in here
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, principal: Principal, minutes: int, window: QWidget):
        super().__init__(window)
        self.ctx, self.principal = ctx, principal
        self._finished = False
        self.setObjectName("lockScreen")
        self.setWindowTitle(texts.IDLE_LOCK_TITLE)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet("#lockScreen { background: #1f2933; } #lockCard { background: white; }")
        if window.isVisible():
            self.setGeometry(window.geometry())  # hides what was on screen
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        heading = QLabel(texts.IDLE_LOCK_TITLE)
        heading.setProperty("role", "heading")
        note = QLabel(texts.IDLE_LOCK_MESSAGE.format(minutes=minutes))
        prompt = QLabel(texts.IDLE_LOCK_PROMPT.format(name=principal.full_name))
        for label in (note, prompt):
            label.setWordWrap(True)
            label.setMinimumWidth(card.width() - 48)  # wrapped to the card's width, not clipped
        self.username = QLineEdit(principal.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.other_user = QLabel(texts.IDLE_LOCK_OTHER_USER.format(name=principal.full_name))
        self.other_user.setWordWrap(True)
        self.other_user.setProperty("role", "subtle")
        self.other_user.setVisible(False)
        self.error = ProblemLabel()
        form = QFormLayout()
        form.addRow(texts.USERNAME, self.username)
        form.addRow(texts.PASSWORD, self.password)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            texts.IDLE_LOCK_UNLOCK, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        self.sign_out_button = buttons.addButton(
            texts.ACTION_SIGN_OUT.replace("&", ""), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self._sign_out)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 18)
        inner.setSpacing(12)
        for label in (heading, note, prompt):
            inner.addWidget(label)
        inner.addLayout(form)
        for part in (self.other_user, self.error, buttons):
            inner.addWidget(part)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.username.textEdited.connect(self._username_edited)
        self.password.textEdited.connect(lambda _: self.error.set_problems([]))
        self.password.setFocus()

    def _username_edited(self, text: str) -> None:
        self.error.set_problems([])
        self.other_user.setVisible(text.strip().lower() != self.principal.username)

    def try_unlock(self) -> None:
        """Check the password: the same account unlocks, another person takes over the station."""
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.set_problems([texts.LOGIN_NEED_BOTH])
            return
        signed, message = attempt(lambda: self.ctx.accounts.sign_in(username, password))
        self.password.clear()
        if signed is None:
            self.error.set_problems([message or texts.UNEXPECTED_ERROR])
            return
        if signed.role not in PEOPLE_ROLES:
            attempt(lambda: self.ctx.accounts.sign_out(signed))
            self.error.set_problems([texts.LOGIN_ROLE_NOT_ALLOWED])
            return
        self._finish()
        if signed.user_id == self.principal.user_id:
            log.info("session of %s unlocked", signed.username)
            self.unlocked.emit()
        else:
            log.info("station taken over at the lock screen by %s", signed.username)
            self.switch_user.emit(signed)

    def _sign_out(self) -> None:
        self._finish()
        self.sign_out_requested.emit()

    def _finish(self) -> None:
        self._finished = True
        self.accept()

    def reject(self) -> None:
        """Escape does not open the lock (Qt API)."""

    def closeEvent(self, event: QCloseEvent) -> None:
        """Only unlocking, taking over or signing out closes the lock (Qt API)."""
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLock(QObject):
    """Locks `window` after `minutes` without input anywhere in the application."""

    locked = Signal()
    unlocked = Signal()
    switch_user = Signal(object)  # Principal
    sign_out_requested = Signal()

    def __init__(
        self, window: QWidget, ctx: AppContext, principal: Principal, minutes: int
    ) -> None:
        super().__init__(window)
        self.window, self.ctx, self.principal, self.minutes = window, ctx, principal, minutes
        self.screen: LockScreen | None = None
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # its remaining time is exact
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        window.installEventFilter(self)  # starts watching once the window is shown

    @property
    def is_locked(self) -> bool:
        """True while the lock screen is up."""
        return self.screen is not None

    def start(self) -> None:
        """Watch the whole application's input and start counting."""
        if not self._watching:
            self._watching = True
            _app().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        """Stop watching (the window is closing); a lock screen still up goes away."""
        self.timer.stop()
        if self._watching:
            self._watching = False
            _app().removeEventFilter(self)
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen._finish()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the timer on input; while locked, keep input from everything but the lock."""
        kind = event.type()
        if watched is self.window and kind == E.Show and not self._watching:
            self.start()
        if self.screen is not None:
            return kind in BLOCKED and not self._on_screen(watched)
        if kind in ACTIVITY and self._watching:
            self.timer.start()
        return False

    def _on_screen(self, watched: QObject) -> bool:
        screen = self.screen
        assert screen is not None
        if isinstance(watched, QWidget):
            return watched is screen or screen.isAncestorOf(watched)
        if isinstance(watched, QWindow):
            return watched is screen.windowHandle()
        return False  # shortcuts and actions of the locked window

    def lock(self) -> None:
        """Put up the lock screen now (the idle timer calls this)."""
        if self.screen is not None or not self._watching:
            return
        self.timer.stop()
        log.info("session of %s locked after idle time", self.principal.username)
        attempt(lambda: self.ctx.accounts.lock_session(self.principal))
        screen = LockScreen(self.ctx, self.principal, self.minutes, self.window)
        screen.unlocked.connect(self._on_unlocked)
        screen.switch_user.connect(self._hand_over)
        screen.sign_out_requested.connect(self._signed_out)
        self.screen = screen
        screen.open()
        screen.raise_()
        screen.activateWindow()
        self.locked.emit()

    def _on_unlocked(self) -> None:
        self.screen = None
        self.timer.start()
        self.unlocked.emit()

    def _hand_over(self, principal: Principal) -> None:
        self.screen = None
        self.switch_user.emit(principal)

    def _signed_out(self) -> None:
        self.screen = None
        self.sign_out_requested.emit()
