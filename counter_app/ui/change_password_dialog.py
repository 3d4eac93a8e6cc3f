"""Changing one's own password; required after an admin reset or for a new account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.passwords import MIN_LENGTH_FLOOR, password_problems
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(QDialog):
    """Current password, new password twice; problems inline; accepted once changed."""

    def __init__(
        self, ctx: AppContext, principal: Principal, required: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.setWindowTitle(texts.CHANGE_PASSWORD_TITLE)
        self.setMinimumWidth(440)
        minimum = max(ctx.settings.security.min_password_length, MIN_LENGTH_FLOOR)
        intro = QLabel(
            (texts.CHANGE_PASSWORD_REQUIRED if required else texts.CHANGE_PASSWORD_OPTIONAL)
            + "\n"
            + texts.PASSWORD_RULE.format(minimum=minimum)
        )
        intro.setWordWrap(True)
        self.old = _password_edit()
        self.new = _password_edit()
        self.confirm = _password_edit()
        self.problems = ProblemLabel()
        form = QFormLayout()
        form.addRow(texts.OLD_PASSWORD, self.old)
        form.addRow(texts.NEW_PASSWORD, self.new)
        form.addRow(texts.NEW_PASSWORD_CONFIRM, self.confirm)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(texts.SAVE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        cancel_text = texts.ACTION_SIGN_OUT if required else texts.CANCEL
        buttons.addButton(cancel_text.replace("&", ""), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def try_change(self) -> None:
        """Change the password, or list the problems inline."""
        old, new = self.old.text(), self.new.text()
        problems = password_problems(new, self.ctx.settings.security.min_password_length)
        if new != self.confirm.text():
            problems.append(texts.PASSWORDS_DIFFER)
        if problems:
            self.problems.set_problems(problems)
            return
        _, message = attempt(lambda: self.ctx.accounts.change_password(self.principal, old, new))
        if message:
            self.problems.set_problems(message.split("\n"))
            return
        self.accept()
