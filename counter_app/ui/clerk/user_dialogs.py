"""Dialogs of the accounts page: create an account, reset a password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.accounts import UserInfo
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel

CREATABLE_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN, Role.DEVICE)


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _FormDialog(QDialog):
    """A form, an inline problem list, and Save / Cancel."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.problems = ProblemLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(texts.SAVE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(texts.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 16)
        self.body.setSpacing(10)
        self.body.addLayout(self.form)
        self.body.addWidget(self.problems)
        self.body.addWidget(buttons)

    def save(self) -> None:
        """Carry out the change (subclasses)."""


class CreateUserDialog(_FormDialog):
    """Create an account: username, full name, role, password twice."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None):
        super().__init__(texts.CREATE_USER_TITLE, parent)
        self.ctx, self.actor = ctx, actor
        self.created: UserInfo | None = None
        self.username = QLineEdit()
        self.username.setPlaceholderText(texts.USERNAME_HINT)
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in CREATABLE_ROLES:
            self.role.addItem(role.label, role.value)
        self.password = _password_edit()
        self.confirm = _password_edit()
        self.must_change = QCheckBox(texts.MUST_CHANGE)
        self.must_change.setChecked(True)
        self.form.addRow(texts.USERNAME, self.username)
        self.form.addRow(texts.FULL_NAME, self.full_name)
        self.form.addRow(texts.ROLE, self.role)
        self.form.addRow(texts.PASSWORD, self.password)
        self.form.addRow(texts.PASSWORD_CONFIRM, self.confirm)
        self.form.addRow("", self.must_change)

    def save(self) -> None:
        """Create the account, or list the problems inline."""
        if self.password.text() != self.confirm.text():
            self.problems.set_problems([texts.PASSWORDS_DIFFER])
            return
        created, message = attempt(
            lambda: self.ctx.accounts.create_user(
                self.actor,
                self.username.text(),
                self.full_name.text(),
                Role(self.role.currentData()),
                self.password.text(),
                self.must_change.isChecked(),
            )
        )
        if created is None:
            self.problems.set_problems((message or texts.UNEXPECTED_ERROR).split("\n"))
            return
        self.created = created
        self.accept()


class ResetPasswordDialog(_FormDialog):
    """An admin gives an account a new password that must be changed at next sign-in."""

    def __init__(
        self, ctx: AppContext, actor: Principal, username: str, parent: QWidget | None = None
    ):
        super().__init__(texts.RESET_TITLE.format(username=username), parent)
        self.ctx, self.actor, self.username = ctx, actor, username
        note = QLabel(texts.RESET_NOTE)
        note.setWordWrap(True)
        note.setProperty("role", "subtle")
        self.body.insertWidget(0, note)
        self.password = _password_edit()
        self.confirm = _password_edit()
        self.form.addRow(texts.NEW_PASSWORD, self.password)
        self.form.addRow(texts.NEW_PASSWORD_CONFIRM, self.confirm)

    def save(self) -> None:
        """Reset the password, or list the problems inline."""
        if self.password.text() != self.confirm.text():
            self.problems.set_problems([texts.PASSWORDS_DIFFER])
            return
        _, message = attempt(
            lambda: self.ctx.accounts.reset_password(
                self.actor, self.username, self.password.text()
            )
        )
        if message:
            self.problems.set_problems(message.split("\n"))
            return
        self.accept()
