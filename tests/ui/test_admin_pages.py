"""Admin pages: accounts, audit log, backups (run off the GUI thread)."""

from __future__ import annotations

import pytest
from helpers import PASSWORD, type_text
from PySide6.QtCore import QThreadPool

from counter_app.domain.roles import Role
from counter_app.ui.clerk.accounts_page import AccountsPage
from counter_app.ui.clerk.audit_page import AuditPage
from counter_app.ui.clerk.backup_page import BackupPage, human_size
from counter_app.ui.clerk.user_dialogs import CreateUserDialog, ResetPasswordDialog
from counter_app.ui.workers import InlinePool


@pytest.fixture
def accounts_page(office, qtbot) -> AccountsPage:
    page = AccountsPage(office.ctx, office.admin)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_accounts_are_listed_with_roles(accounts_page: AccountsPage) -> None:
    rows = {u.username: u for u in accounts_page.model.rows()}
    assert set(rows) == {"quantri", "giamsat", "canbo"}
    index = accounts_page.model.index(list(rows).index("canbo"), 2)
    assert accounts_page.model.data(index) == "Công chức một cửa"
    assert accounts_page.create_button.isVisible()


def test_create_user_dialog_creates_and_reports_problems(office, qtbot) -> None:
    dialog = CreateUserDialog(office.ctx, office.admin)
    qtbot.addWidget(dialog)
    type_text(dialog.username, "canbo")  # taken
    type_text(dialog.full_name, "Đặng Văn Mới")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK.value))
    type_text(dialog.password, PASSWORD)
    type_text(dialog.confirm, PASSWORD)
    dialog.save_button.click()
    assert "đã có người dùng" in dialog.problems.text()
    dialog.username.clear()
    type_text(dialog.username, "canbo2")
    dialog.save_button.click()
    assert dialog.result() == CreateUserDialog.DialogCode.Accepted
    assert dialog.created is not None and dialog.created.full_name == "Đặng Văn Mới"
    assert dialog.created.must_change_password


def test_disable_and_enable_an_account(accounts_page: AccountsPage, office, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        AccountsPage, "confirm", staticmethod(lambda _p, q: asked.append(q) or True)
    )
    accounts_page.select("canbo")
    assert accounts_page.toggle_button.text() == "Khóa tài khoản"
    accounts_page.toggle_button.click()
    assert asked == ["Khóa tài khoản canbo? Người này sẽ không đăng nhập được nữa."]
    user = accounts_page.selected()
    assert user is not None and not user.active
    assert accounts_page.toggle_button.text() == "Mở khóa tài khoản"
    accounts_page.toggle_button.click()
    user = accounts_page.selected()
    assert user is not None and user.active


def test_admin_cannot_disable_themselves(accounts_page: AccountsPage) -> None:
    accounts_page.select("quantri")
    assert not accounts_page.toggle_button.isEnabled()


def test_reset_password_dialog(office, qtbot) -> None:
    dialog = ResetPasswordDialog(office.ctx, office.admin, "canbo")
    qtbot.addWidget(dialog)
    type_text(dialog.password, "ngan")
    type_text(dialog.confirm, "ngan")
    dialog.save_button.click()
    assert "ít nhất 8 ký tự" in dialog.problems.text()
    dialog.password.clear()
    dialog.confirm.clear()
    type_text(dialog.password, "DatLai2026")
    type_text(dialog.confirm, "DatLai2026")
    dialog.save_button.click()
    assert dialog.result() == ResetPasswordDialog.DialogCode.Accepted
    assert office.ctx.accounts.must_change_password(office.clerk)


def test_audit_page_lists_recent_lines_in_vietnamese(office, qtbot) -> None:
    office.ctx.accounts.sign_in("canbo", PASSWORD)
    page = AuditPage(office.ctx, office.supervisor)
    qtbot.addWidget(page)
    page.refresh()
    actions = [page.model.data(page.model.index(r, 3)) for r in range(page.model.rowCount())]
    assert actions[0] == "Đăng nhập"
    assert "Tạo tài khoản" in actions and "Thiết lập cơ quan" in actions
    assert page.count.text() == f"{page.model.rowCount()} dòng gần nhất"
    users = {page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())}
    assert "Hệ thống" in users and "system" not in users
    targets = {page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())}
    assert "Cơ quan #1" in targets


def test_backup_now_inline_pool(office, qtbot) -> None:
    page = BackupPage(office.ctx, office.admin, pool=InlinePool())
    qtbot.addWidget(page)
    page.refresh()
    assert page.last.text() == "Chưa có bản sao lưu nào."
    page.button.click()
    assert page.model.rowCount() == 1
    assert page.status.text().startswith("Đã sao lưu vào sao-luu-")
    assert page.last.text().startswith("Lần sao lưu gần nhất:")
    assert page.button.isEnabled()


def test_backup_now_runs_on_a_worker_thread(office, qtbot) -> None:
    import threading

    threads: list[str] = []
    real = office.ctx.backups.backup_now

    def tracked():
        threads.append(threading.current_thread().name)
        return real()

    office.ctx.backups.backup_now = tracked
    page = BackupPage(office.ctx, office.admin, pool=QThreadPool.globalInstance())
    qtbot.addWidget(page)
    page.button.click()
    assert not page.button.isEnabled()
    assert page.status.text() == "Đang sao lưu…"
    qtbot.waitUntil(lambda: page.button.isEnabled(), timeout=10000)
    assert threads and threads[0] != threading.main_thread().name
    assert page.model.rowCount() == 1


def test_backup_failure_is_shown(office, qtbot, messages) -> None:
    from counter_app.services.errors import ServiceError

    def failing():
        raise ServiceError("Sao lưu không thành công: ổ đĩa đầy")

    office.ctx.backups.backup_now = failing
    page = BackupPage(office.ctx, office.admin, pool=InlinePool())
    qtbot.addWidget(page)
    page.button.click()
    assert messages.texts() == ["Sao lưu không thành công: ổ đĩa đầy"]
    assert page.button.isEnabled()


def test_human_size() -> None:
    assert human_size(512) == "512 B"
    assert human_size(1536) == "1,5 KB"
