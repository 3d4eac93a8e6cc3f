"""The first admin's required password change cannot be skipped on the way to the main window."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

import pytest
from helpers import PASSWORD, Step, drive, sign_in_step, type_text, visible
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from security_office import Office

from counter_app.services import audit
from counter_app.ui.change_password_dialog import ChangePasswordDialog
from counter_app.ui.clerk_app import run_clerk
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow

NEW_PASSWORD = "RiengToi2026"


@pytest.fixture(autouse=True)
def _restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def on_change_dialog(action: Callable[[ChangePasswordDialog], None]) -> Step:
    def step() -> bool:
        dialog = visible(ChangePasswordDialog)
        if not isinstance(dialog, ChangePasswordDialog):
            return False
        assert visible(MainWindow) is None  # nothing of the main window before the change
        action(dialog)
        return True

    return step


def change(dialog: ChangePasswordDialog) -> None:
    type_text(dialog.old, PASSWORD)
    type_text(dialog.new, NEW_PASSWORD)
    type_text(dialog.confirm, NEW_PASSWORD)
    dialog.save_button.click()


def test_escape_or_closing_the_change_goes_back_to_the_login(office: Office, qapp) -> None:
    ctx = office.ctx
    assert ctx.accounts.must_change_password(office.admin)
    failures: list[BaseException] = []
    seen: list[str] = []
    sign_in = sign_in_step(LoginDialog, "quantri", PASSWORD)
    steps: list[Step] = [
        sign_in,
        on_change_dialog(lambda d: QTest.keyClick(d, Qt.Key.Key_Escape)),
        sign_in,
        on_change_dialog(lambda d: d.close()),  # the window's close button
        sign_in,
        on_change_dialog(change),
        lambda: _in_main_window(seen),
    ]
    timer = drive(steps, failures)
    code = run_clerk(ctx.dirs, ctx.settings)
    timer.stop()
    assert not failures, failures
    assert code == 0 and seen == ["quantri"]
    assert not ctx.accounts.must_change_password(office.admin)
    assert ctx.accounts.sign_in("quantri", NEW_PASSWORD).username == "quantri"
    actions = [line.action for line in reversed(audit.recent(ctx.db, 9))]
    assert actions[-8:] == [
        "auth.sign_in",
        "auth.sign_out",  # Escape
        "auth.sign_in",
        "auth.sign_out",  # closed
        "auth.sign_in",
        "user.change_password",
        "auth.sign_out",  # the main window closed at the end
        "auth.sign_in",  # the check above
    ]


def _in_main_window(seen: list[str]) -> bool:
    window = visible(MainWindow)
    if not isinstance(window, MainWindow):
        return False
    seen.append(window.principal.username)
    window.close()
    return True
