"""Kiosk lock-down: leaving keys and close requests do nothing, idle reset, the exit PIN."""

# ruff: noqa: F811 - the shared fixtures are imported from test_kiosk_support

from __future__ import annotations

import pytest
from helpers import PASSWORD, type_text
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit
from test_kiosk_support import areas, device, make_kiosk  # noqa: F401

from counter_app.domain.roles import Role
from counter_app.services.kiosk_lock import KioskLock
from counter_app.ui import texts
from counter_app.ui.kiosk import sign_in
from counter_app.ui.kiosk.lockdown import is_blocked_key

Key, Mod = Qt.Key, Qt.KeyboardModifier

LEAVING_KEYS = [
    (Key.Key_F4, Mod.AltModifier),
    (Key.Key_Escape, Mod.NoModifier),
    (Key.Key_W, Mod.ControlModifier),
    (Key.Key_Q, Mod.ControlModifier),
    (Key.Key_F11, Mod.NoModifier),
    (Key.Key_Tab, Mod.AltModifier),
    (Key.Key_Super_L, Mod.NoModifier),
]


@pytest.mark.parametrize(("key", "modifier"), LEAVING_KEYS)
def test_leaving_keys_do_not_close_the_kiosk(make_kiosk, qtbot, key, modifier) -> None:
    window = make_kiosk()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts need an active window
    fired: list[str] = []
    for sequence in ("Alt+F4", "Esc", "Ctrl+W", "Ctrl+Q", "F11", "Alt+Tab"):
        shortcut = QShortcut(QKeySequence(sequence), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda s=sequence: fired.append(s))
    before = window.guard.blocked
    QTest.keyClick(window, key, modifier)
    QApplication.processEvents()
    assert window.isVisible()
    assert fired == []
    assert window.guard.blocked > before


def test_shortcuts_work_again_once_the_kiosk_is_gone(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    window.unlock()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    assert QTest.qWaitForWindowActive(edit)
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("Ctrl+W"), edit)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    QTest.keyClick(edit, Key.Key_W, Mod.ControlModifier)
    assert fired == [True]  # the guard left with the kiosk


def test_plain_typing_and_altgr_letters_pass(qapp) -> None:
    assert not is_blocked_key(int(Key.Key_A), Mod.NoModifier, "a")
    assert not is_blocked_key(int(Key.Key_A), Mod.ShiftModifier, "A")
    assert not is_blocked_key(int(Key.Key_Backspace), Mod.NoModifier, "")
    assert not is_blocked_key(int(Key.Key_Q), Mod.ControlModifier | Mod.AltModifier, "@")
    assert is_blocked_key(int(Key.Key_Delete), Mod.ControlModifier | Mod.AltModifier, "")
    assert is_blocked_key(int(Key.Key_Space), Mod.AltModifier, " ")


def test_close_requests_are_ignored_until_unlocked(make_kiosk) -> None:
    window = make_kiosk()
    assert not window.close()
    QApplication.sendEvent(window, QEvent(QEvent.Type.Close))
    assert window.isVisible()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    window.unlock()
    assert not window.isVisible()


def test_no_context_menu_reaches_the_tiles(make_kiosk) -> None:
    window = make_kiosk()
    tile = window.start_page.tiles[0]
    shown: list[bool] = []
    tile.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tile.customContextMenuRequested.connect(lambda _p: shown.append(True))
    point = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, tile.mapToGlobal(point))
    QApplication.sendEvent(tile, event)
    assert shown == []
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_no_text_field_a_citizen_can_reach(make_kiosk) -> None:
    """Only the on-screen keys write text: no editable field that a system keyboard could use."""
    window = make_kiosk()
    assert window.findChildren(QLineEdit) == []
    for box in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        assert box.isReadOnly()
        assert box.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_idle_clears_the_priority_and_the_pin(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    window.start_page.priority_button.click()
    window.priority_page.buttons["disabled"].click()
    assert window.priority == "disabled"
    window.pin_pad.press("1")
    window.pin_pad.press("2")
    window.idle.setInterval(60)
    window.idle.start()
    qtbot.waitUntil(lambda: window.priority == "", timeout=2000)
    assert window.start_page.priority == ""
    assert not window.start_page.clear_button.isVisibleTo(window.start_page)
    assert window.pin_pad.digits == ""
    assert window.stack.currentWidget() is window.start_page


def test_idle_from_the_priority_page_goes_back_to_the_tiles(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    window.start_page.priority_button.click()
    window.idle.setInterval(60)
    window.idle.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=2000)


def test_touching_the_screen_restarts_the_idle_timer(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    window.idle.setInterval(400)
    window.idle.start()
    qtbot.wait(250)
    QTest.mouseClick(window.start_page.prompt, Qt.MouseButton.LeftButton)
    assert window.idle.remainingTime() > 300


def set_pin(office, pin: str = "2468") -> None:
    KioskLock(office.ctx.db).set_pin(office.admin, pin)


def type_pin(window, pin: str) -> None:
    for digit in pin:
        window.pin_pad.keys[digit].click()
    window.pin_pad.exit.click()


def test_five_taps_on_the_corner_open_the_pin_pad(make_kiosk, office) -> None:
    set_pin(office)
    window = make_kiosk()
    for _ in range(4):
        QTest.mouseClick(window.corner, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.start_page
    QTest.mouseClick(window.corner, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pin_pad


def test_holding_the_corner_opens_the_pin_pad(make_kiosk, office, qtbot) -> None:
    set_pin(office)
    window = make_kiosk()
    assert window.corner.geometry().topLeft() == QPoint(0, 0)
    assert window.corner.timer.interval() == 3000
    window.corner.timer.setInterval(80)
    QTest.mousePress(window.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pin_pad, timeout=2000)
    QTest.mouseRelease(window.corner, Qt.MouseButton.LeftButton)


def test_a_short_press_on_the_corner_does_nothing(make_kiosk, office, qtbot) -> None:
    set_pin(office)
    window = make_kiosk()
    window.corner.timer.setInterval(150)
    QTest.mousePress(window.corner, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(window.corner, Qt.MouseButton.LeftButton)
    qtbot.wait(250)
    assert window.stack.currentWidget() is window.start_page


def test_wrong_pin_stays_right_pin_quits(make_kiosk, office, qtbot) -> None:
    set_pin(office, "2468")
    window = make_kiosk()
    window.open_exit()
    type_pin(window, "1111")
    assert window.isVisible()
    assert window.pin_pad.message.text() == texts.KIOSK_PIN_WRONG
    assert window.pin_pad.digits == ""
    window.pin_pad.cancel.click()
    assert window.stack.currentWidget() is window.start_page
    window.open_exit()
    with qtbot.waitSignal(window.exit_requested, timeout=2000):
        type_pin(window, "2468")
    assert not window.isVisible()


def test_too_many_wrong_pins_rest_the_pad(make_kiosk, office) -> None:
    set_pin(office, "2468")
    window = make_kiosk()
    window.open_exit()
    for _ in range(5):
        type_pin(window, "0000")
    assert not window.pin_pad.keys["2"].isEnabled()
    assert "Xin thử lại sau" in window.pin_pad.message.text()
    window.pin_pad.rest.stop()
    window.pin_pad.rest.timeout.emit()
    assert window.pin_pad.keys["2"].isEnabled()


def test_without_a_pin_a_supervisor_sign_in_unlocks(make_kiosk, office, monkeypatch) -> None:
    window = make_kiosk()
    asked: list[object] = []

    def refuse(ctx, parent):
        asked.append(parent)

    monkeypatch.setattr(sign_in, "ask_supervisor", refuse)
    window.open_exit()
    assert asked == [window] and window.isVisible()
    monkeypatch.setattr(sign_in, "ask_supervisor", lambda ctx, parent: office.supervisor)
    window.open_exit()
    assert not window.isVisible() and window.unlocked


@pytest.mark.parametrize(
    ("roles", "username", "accepted"),
    [
        (sign_in.OPEN_ROLES, "kiosk", True),
        (sign_in.OPEN_ROLES, "canbo", False),
        (sign_in.EXIT_ROLES, "kiosk", False),
        (sign_in.EXIT_ROLES, "giamsat", True),
    ],
)
def test_sign_in_dialog_roles(office, device, qtbot, roles, username, accepted) -> None:
    dialog = sign_in.KioskLoginDialog(office.ctx, roles, "Tiêu đề", "Không được")
    qtbot.addWidget(dialog)
    type_text(dialog.username, username)
    type_text(dialog.password, PASSWORD)
    dialog.sign_in_button.click()
    assert (dialog.principal is not None) == accepted
    if accepted:
        assert dialog.principal.role in roles
        assert dialog.principal.role in (Role.DEVICE, Role.SUPERVISOR)
    else:
        assert dialog.error.problems() == ["Không được"]


def test_pin_attempts_are_audited_right_and_wrong(make_kiosk, office, device, qtbot) -> None:
    from counter_app.services import audit

    set_pin(office, "2468")
    window = make_kiosk()
    window.open_exit()
    type_pin(window, "1357")
    assert window.pin_pad.message.text() == texts.KIOSK_PIN_WRONG
    with qtbot.waitSignal(window.exit_requested, timeout=2000):
        type_pin(window, "2468")
    lines = audit.recent(office.ctx.db, 2)
    assert [(a.action, a.station, a.details) for a in lines] == [
        ("kiosk.exit", device.station, {"ok": True}),
        ("kiosk.exit_pin_wrong", device.station, {"ok": False}),
    ]
    assert texts.AUDIT_ACTIONS["kiosk.exit_pin_wrong"] == "Nhập sai mã PIN thoát kiosk"


def test_the_kiosk_sign_in_is_the_shared_dialog(office, device, qtbot) -> None:
    from counter_app.ui.login_dialog import LoginDialog

    assert sign_in.KioskLoginDialog.try_sign_in is LoginDialog.try_sign_in
    dialog = sign_in.KioskLoginDialog(office.ctx, sign_in.EXIT_ROLES, "Tiêu đề", "Không được")
    qtbot.addWidget(dialog)
    assert dialog.allowed_roles == sign_in.EXIT_ROLES
    type_text(dialog.username, "kiosk")
    type_text(dialog.password, PASSWORD)
    dialog.sign_in_button.click()
    assert dialog.principal is None and dialog.error.problems() == ["Không được"]
    assert dialog.password.text() == ""
