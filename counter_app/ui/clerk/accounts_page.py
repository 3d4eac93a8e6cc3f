"""Tài khoản: admins manage accounts; supervisors see the list read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.accounts import UserInfo
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.clerk.user_dialogs import CreateUserDialog, ResetPasswordDialog
from counter_app.ui.table_model import Column, RowTableModel

#: Asks the user to confirm; tests replace it.
Confirm = Callable[[QWidget, str], bool]


def _ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, texts.INFO_TITLE, question)
    return answer == QMessageBox.StandardButton.Yes


def account_state(user: UserInfo) -> str:
    """Active, disabled or locked, and whether the password must be changed."""
    if not user.active:
        state = texts.ACCOUNT_DISABLED
    elif user.locked_until is not None:
        state = texts.ACCOUNT_LOCKED.format(until=user.locked_until)
    else:
        state = texts.ACCOUNT_ACTIVE
    return state + (texts.ACCOUNT_MUST_CHANGE if user.must_change_password else "")


USER_COLUMNS: list[Column[UserInfo]] = [
    Column(texts.ACCOUNTS_COLUMNS[0], lambda u: u.username),
    Column(texts.ACCOUNTS_COLUMNS[1], lambda u: u.full_name),
    Column(texts.ACCOUNTS_COLUMNS[2], lambda u: u.role.label),
    Column(texts.ACCOUNTS_COLUMNS[3], account_state),
    Column(
        texts.ACCOUNTS_COLUMNS[4],
        lambda u: u.last_login_at.strftime("%H:%M %d/%m/%Y") if u.last_login_at else texts.NONE,
    ),
]


class AccountsPage(Page):
    """The account list; create, reset password, enable or disable for admins."""

    title = texts.PAGE_ACCOUNTS
    confirm: Confirm = staticmethod(_ask)

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.editable = principal.role == Role.ADMIN
        self.model: RowTableModel[UserInfo] = RowTableModel(USER_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(texts.ACCOUNT_CREATE)
        self.reset_button = QPushButton(texts.ACCOUNT_RESET)
        self.toggle_button = QPushButton(texts.ACCOUNT_DISABLE)
        refresh = QPushButton(texts.ACCOUNT_REFRESH)
        self.create_button.clicked.connect(self.create_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_active)
        refresh.clicked.connect(self.refresh)
        for button in (self.create_button, self.reset_button, self.toggle_button):
            button.setVisible(self.editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        if not self.editable:
            note = QLabel(texts.ACCOUNTS_READ_ONLY)
            note.setProperty("role", "subtle")
            self.layout_.addWidget(note)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the account list, keeping the selected account selected."""
        chosen = self.selected()
        users = errors.guarded(self, lambda: self.ctx.accounts.list_users(self.principal))
        self.model.set_rows(users or [])
        if chosen is not None:
            self.select(chosen.username)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        """The selected account, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select(self, username: str) -> None:
        """Select the row of an account."""
        for i, user in enumerate(self.model.rows()):
            if user.username == username:
                self.table.selectRow(i)

    def _update_buttons(self, *_: object) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setEnabled(user is not None and user.id != self.principal.user_id)
        active = user is None or user.active
        self.toggle_button.setText(texts.ACCOUNT_DISABLE if active else texts.ACCOUNT_ENABLE)

    def create_user(self) -> None:
        """Open the create-account dialog."""
        dialog = CreateUserDialog(self.ctx, self.principal, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created:
            self.refresh()
            self.select(dialog.created.username)

    def reset_password(self) -> None:
        """Open the reset-password dialog for the selected account."""
        user = self.selected()
        if user is None:
            errors.show_info(self, texts.ACCOUNT_PICK_FIRST)
            return
        dialog = ResetPasswordDialog(self.ctx, self.principal, user.username, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            errors.show_info(self, texts.PASSWORD_RESET_DONE.format(username=user.username))
            self.refresh()

    def toggle_active(self) -> None:
        """Disable the selected account (after confirmation) or enable it again."""
        user = self.selected()
        if user is None:
            return
        question = texts.CONFIRM_DISABLE.format(username=user.username)
        if user.active and not self.confirm(self, question):
            return
        errors.guarded(
            self,
            lambda: self.ctx.accounts.set_active(self.principal, user.username, not user.active),
        )
        self.refresh()
