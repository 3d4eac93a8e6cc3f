"""The sign-in dialog: the office's name, username and password, inline error messages."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
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
from counter_app.domain.roles import PEOPLE_ROLES, Role
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel


class LoginDialog(QDialog):
    """Asks for a username and password; `principal` is set once an allowed account signed in."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        allowed_roles: Collection[Role] = PEOPLE_ROLES,
        refused: str = texts.LOGIN_ROLE_NOT_ALLOWED,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.allowed_roles = frozenset(allowed_roles)
        self.refused = refused
        self.principal: Principal | None = None
        self.setWindowTitle(f"{texts.LOGIN_TITLE} — {texts.APP_TITLE}")
        self.setMinimumWidth(500)
        office, _ = attempt(ctx.office.get)
        self.heading = heading = QLabel(office.name if office else texts.LOGIN_HEADING)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        subtitle = QLabel(
            f"{texts.LOGIN_HEADING} · {texts.STATION}: {ctx.station}"
            if office
            else f"{texts.STATION}: {ctx.station}"
        )
        subtitle.setProperty("role", "subtle")
        subtitle.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ProblemLabel()
        form = QFormLayout()
        form.addRow(texts.USERNAME, self.username)
        form.addRow(texts.PASSWORD, self.password)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            texts.LOGIN_BUTTON, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        buttons.addButton(
            texts.ACTION_QUIT.replace("&", ""), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.username.textEdited.connect(lambda _: self.error.set_problems([]))
        self.password.textEdited.connect(lambda _: self.error.set_problems([]))
        self.username.setFocus()

    def try_sign_in(self) -> None:
        """Check the username, password and role; accept on success, else say why inline."""
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.set_problems([texts.LOGIN_NEED_BOTH])
            (self.password if username else self.username).setFocus()
            return
        principal, message = attempt(lambda: self.ctx.accounts.sign_in(username, password))
        if principal is None:
            self.error.set_problems([message or texts.UNEXPECTED_ERROR])
            self.password.clear()
            self.password.setFocus()
            return
        if principal.role not in self.allowed_roles:
            attempt(lambda: self.ctx.accounts.sign_out(principal))
            self.error.set_problems([self.refused])
            self.password.clear()
            return
        self.principal = principal
        self.accept()
