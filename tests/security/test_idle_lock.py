"""The clerk window locks after idle time; work stays behind the lock; who may open it."""

from __future__ import annotations

import pytest
from helpers import PASSWORD, type_text
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from security_office import DEVICE_PASSWORD, Office

from counter_app.services import audit
from counter_app.settings import parse_settings
from counter_app.ui import clerk_app, texts
from counter_app.ui.idle_lock import LockScreen
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.main_window import MainWindow


@pytest.fixture
def window(office: Office, qtbot) -> MainWindow:
    """The clerk's main window, shown at 1366x768."""
    shown = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def lock_now(window: MainWindow, qtbot) -> LockScreen:
    """Let the idle timer run out (a few milliseconds instead of minutes)."""
    window.idle_lock.timer.start(5)
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=3000)
    screen = window.idle_lock.screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    return screen


def unlock(screen: LockScreen, username: str, password: str) -> None:
    if username != screen.username.text():
        screen.username.clear()
        type_text(screen.username, username)
    type_text(screen.password, password)
    screen.unlock_button.click()


def actions(office: Office, count: int = 5) -> list[str]:
    return [line.action for line in audit.recent(office.ctx.db, count)]


def test_the_timer_comes_from_the_settings(office: Office, qtbot) -> None:
    window = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(window)
    assert office.ctx.settings.security.idle_lock_minutes == 15
    assert window.idle_lock.timer.interval() == 15 * 60_000
    assert not window.idle_lock.timer.isActive()  # counting starts when the window is shown
    window.show()
    assert window.idle_lock.timer.isActive()
    five = parse_settings({"security": {"idle_lock_minutes": 5}}, "motcua.toml", environ={})
    assert five.security.idle_lock_minutes == 5


def test_work_in_progress_is_kept_behind_the_lock(office: Office, window: MainWindow, qtbot):
    intake = window.show_page(texts.PAGE_INTAKE)
    assert isinstance(intake, IntakePage)
    type_text(intake.applicant.full_name, "Nguyễn Thị Ánh")
    screen = lock_now(window, qtbot)
    assert screen.geometry() == window.geometry()  # nothing of the window shows
    assert screen.username.text() == "canbo"
    assert "auth.session_locked" in actions(office)
    unlock(screen, "canbo", "SaiMatKhau1")
    assert screen.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert window.idle_lock.is_locked and screen.password.text() == ""
    unlock(screen, "canbo", PASSWORD)
    assert not window.idle_lock.is_locked and not screen.isVisible()
    assert window.isVisible() and window.idle_lock.timer.isActive()
    assert window.stack.currentWidget() is intake
    assert intake.applicant.full_name.text() == "Nguyễn Thị Ánh"
    assert actions(office, 1) == ["auth.sign_in"]


def test_input_anywhere_restarts_the_count(window: MainWindow, qtbot) -> None:
    timer = window.idle_lock.timer
    timer.start(10_000)
    qtbot.wait(400)
    before = timer.remainingTime()
    assert before < 9_700
    QTest.keyClick(window.navigation, Qt.Key.Key_Down)
    assert timer.remainingTime() > before + 300
    qtbot.wait(400)
    before = timer.remainingTime()
    point = QPointF(20, 20)
    move = QMouseEvent(
        QEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window.windowHandle(), move)
    assert timer.remainingTime() > before + 300
    assert not window.idle_lock.is_locked


def test_while_locked_nothing_reaches_the_window(office: Office, window: MainWindow, qtbot):
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    screen = lock_now(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # sign-out keys
    QTest.keyClick(window.navigation, Qt.Key.Key_Down)
    QTest.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton)
    assert window.navigation.currentRow() == 0
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    screen.close()
    assert not signed_out and window.isVisible()
    assert window.idle_lock.is_locked and screen.isVisible()
    assert screen.isModal()


def test_a_device_account_cannot_open_the_lock(office: Office, window: MainWindow, qtbot):
    screen = lock_now(window, qtbot)
    unlock(screen, "kiosk", DEVICE_PASSWORD)
    assert screen.error.text() == texts.LOGIN_ROLE_NOT_ALLOWED
    assert window.idle_lock.is_locked and window.isVisible()


def test_signing_out_from_the_lock_returns_to_the_login(office: Office, window, qtbot):
    closed: list[bool] = []
    window.closed.connect(closed.append)
    screen = lock_now(window, qtbot)
    screen.sign_out_button.click()
    assert closed == [True] and not window.isVisible()
    assert actions(office, 1) == ["auth.sign_out"]


def test_another_person_signing_in_takes_over_the_station(office: Office, qtbot, monkeypatch):
    class SignedIn:  # the login dialog, already answered by the clerk
        def __init__(self, _ctx) -> None:
            self.principal = office.clerk

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(clerk_app, "LoginDialog", SignedIn)
    session = clerk_app.ClerkSession(office.ctx, app=None)  # type: ignore[arg-type]
    assert session.sign_in()
    first = session.window
    assert first is not None
    screen = lock_now(first, qtbot)
    type_text(screen.username, "x")  # editing the name warns that this session ends
    assert screen.other_user.isVisibleTo(screen)
    unlock(screen, "giamsat", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None and session.window is not first)
    second = session.window
    assert second.principal.username == "giamsat" and second.isVisible()
    assert "auth.sign_out" in actions(office, 2) and "auth.sign_in" in actions(office, 2)
    second.closed.disconnect()
    second.close()


def test_an_open_menu_is_closed_by_the_lock(window: MainWindow, qtbot) -> None:
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    screen = lock_now(window, qtbot)
    assert QApplication.activePopupWidget() is None and not menu.isVisible()
    unlock(screen, "canbo", PASSWORD)
    assert not window.idle_lock.is_locked
