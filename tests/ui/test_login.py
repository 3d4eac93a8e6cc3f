"""Sign-in: inline messages, lock-out, and the required password change."""

from __future__ import annotations

import pytest
from helpers import PASSWORD, type_text
from PySide6.QtCore import Qt

from counter_app.services import audit
from counter_app.ui.change_password_dialog import ChangePasswordDialog
from counter_app.ui.login_dialog import LoginDialog


@pytest.fixture
def login(office, qtbot) -> LoginDialog:
    dialog = LoginDialog(office.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    dialog.password.clear()
    type_text(dialog.username, username)
    type_text(dialog.password, password)
    dialog.sign_in_button.click()


def test_shows_the_office_name(login: LoginDialog, office) -> None:
    assert login.heading.text() == "Trung tâm Phục vụ hành chính công xã Thử Nghiệm"


def test_wrong_password_is_explained_inline(login: LoginDialog, messages) -> None:
    attempt(login, "canbo", "SaiMatKhau1")
    assert login.error.isVisible()
    assert login.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert login.result() != LoginDialog.DialogCode.Accepted
    assert login.principal is None
    assert login.password.text() == ""  # cleared for the next try
    assert messages.shown == []  # inline, never a pop-up


def test_empty_fields_are_asked_for(login: LoginDialog) -> None:
    login.sign_in_button.click()
    assert login.error.text() == "Hãy nhập tên đăng nhập và mật khẩu."


def test_lock_out_after_the_configured_number_of_failures(login: LoginDialog, office) -> None:
    limit = office.ctx.settings.security.max_failed_logins
    for _ in range(limit - 1):
        attempt(login, "canbo", "SaiMatKhau1")
        assert "không đúng" in login.error.text()
    attempt(login, "canbo", "SaiMatKhau1")
    assert "tạm khóa" in login.error.text()
    attempt(login, "canbo", PASSWORD)  # even the right password is refused now
    assert "tạm khóa" in login.error.text()
    assert login.principal is None
    reasons = [
        line.details.get("reason")
        for line in audit.recent(office.ctx.db, 20)
        if line.action == "auth.sign_in_failed"
    ]
    assert "locked-now" in reasons and "locked" in reasons


def test_right_password_signs_in_and_is_audited(login: LoginDialog, office) -> None:
    attempt(login, "  CanBo ", PASSWORD)
    assert login.result() == LoginDialog.DialogCode.Accepted
    assert login.principal is not None and login.principal.username == "canbo"
    assert audit.recent(office.ctx.db, 1)[0].action == "auth.sign_in"


def test_required_password_change(office, qtbot) -> None:
    ctx = office.ctx
    ctx.accounts.reset_password(office.admin, "canbo", "TamThoi2026")
    assert ctx.accounts.must_change_password(office.clerk)
    dialog = ChangePasswordDialog(ctx, office.clerk, required=True)
    qtbot.addWidget(dialog)
    type_text(dialog.old, "TamThoi2026")
    type_text(dialog.new, "MoiHon2026")
    type_text(dialog.confirm, "KhacHon2026")
    dialog.save_button.click()
    assert "Hai lần nhập mật khẩu không khớp." in dialog.problems.text()
    dialog.confirm.clear()
    type_text(dialog.confirm, "MoiHon2026")
    dialog.old.clear()
    type_text(dialog.old, "SaiCu2026")
    dialog.save_button.click()
    assert dialog.problems.text() == "Mật khẩu hiện tại không đúng."
    dialog.old.clear()
    type_text(dialog.old, "TamThoi2026")
    dialog.save_button.click()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert not ctx.accounts.must_change_password(office.clerk)
    assert ctx.accounts.sign_in("canbo", "MoiHon2026").username == "canbo"


def test_enter_signs_in(login: LoginDialog, qtbot) -> None:
    type_text(login.username, "canbo")
    type_text(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.result() == LoginDialog.DialogCode.Accepted


def test_a_device_account_is_refused_by_default(login: LoginDialog, office) -> None:
    from test_kiosk_support import add_device

    add_device(office.ctx, office.admin)
    attempt(login, "kiosk", PASSWORD)
    assert login.principal is None
    assert login.error.text() == "Tài khoản thiết bị không dùng được cửa sổ quầy tiếp nhận."
    assert login.password.text() == ""
    assert audit.recent(office.ctx.db, 1)[0].action == "auth.sign_out"


def test_allowed_roles_choose_who_may_sign_in(office, qtbot) -> None:
    from test_kiosk_support import add_device

    from counter_app.domain.roles import Role

    add_device(office.ctx, office.admin)
    dialog = LoginDialog(office.ctx, allowed_roles={Role.DEVICE}, refused="Chỉ tài khoản thiết bị.")
    qtbot.addWidget(dialog)
    attempt(dialog, "canbo", PASSWORD)
    assert dialog.principal is None and dialog.error.text() == "Chỉ tài khoản thiết bị."
    attempt(dialog, "kiosk", PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.principal is not None and dialog.principal.role == Role.DEVICE
