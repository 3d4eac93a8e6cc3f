"""Staff sign-in at the kiosk: the device account to open it, a supervisor's to leave it."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.login_dialog import LoginDialog

#: Accounts that may open the kiosk (a device account is the usual one).
OPEN_ROLES = frozenset({Role.DEVICE, Role.SUPERVISOR, Role.ADMIN})
#: Accounts that may leave the kiosk when no exit PIN is set.
EXIT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


class KioskLoginDialog(LoginDialog):
    """The clerk sign-in dialog, taking a citizen screen's roles, not the clerk window's."""

    def __init__(
        self,
        ctx: AppContext,
        roles: Collection[Role],
        heading: str,
        refused: str,
        parent: QWidget | None = None,
        *,
        title: str = texts.KIOSK_TITLE,
    ) -> None:
        super().__init__(ctx, parent, allowed_roles=roles, refused=refused)
        self.setWindowTitle(f"{texts.LOGIN_TITLE} — {title}")
        self.heading.setText(f"{self.heading.text()}\n{heading}")
        if parent is not None:  # above the full-screen kiosk, which stays on top
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)


def ask_device_sign_in(ctx: AppContext) -> Principal | None:
    """The account the kiosk issues tickets as, or None when the user gave up."""
    dialog = KioskLoginDialog(
        ctx, OPEN_ROLES, texts.KIOSK_SIGN_IN_HEADING, texts.KIOSK_ROLE_NOT_ALLOWED
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.principal if accepted else None


def _ask_supervisor(ctx: AppContext, parent: QWidget | None) -> Principal | None:
    dialog = KioskLoginDialog(
        ctx, EXIT_ROLES, texts.KIOSK_EXIT_SIGN_IN_HEADING, texts.KIOSK_EXIT_ROLE_NOT_ALLOWED, parent
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # what was typed does not stay behind in the citizen screen
    return dialog.principal if accepted else None


#: Asks a supervisor or admin to sign in to leave the kiosk; tests replace it.
ask_supervisor: Callable[[AppContext, QWidget | None], Principal | None] = _ask_supervisor
