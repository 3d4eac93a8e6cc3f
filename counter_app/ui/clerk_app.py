"""Entry point of the clerk window: start-up, first-run wizard, sign-in and the main window."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy.exc import SQLAlchemyError

from counter_app.app_context import AppContext
from counter_app.paths import AppDirs
from counter_app.services.errors import ServiceError
from counter_app.services.principal import Principal
from counter_app.settings import Settings
from counter_app.ui import errors, texts
from counter_app.ui.backup_watch import install_backup_watch
from counter_app.ui.change_password_dialog import ChangePasswordDialog
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.setup_wizard import SetupWizard
from counter_app.ui.startup import run_station
from counter_app.ui.sync.bridge import SyncBridge

log = logging.getLogger(__name__)


class ClerkSession(QObject):
    """Sign-in, then the main window; after signing out, sign-in again; quits when closed."""

    def __init__(self, ctx: AppContext, app: QApplication, sync: SyncBridge | None = None) -> None:
        super().__init__()
        self.ctx, self.app, self.sync = ctx, app, sync
        self.window: MainWindow | None = None

    def sign_in(self) -> bool:
        """Show the login (and a required password change); open the main window on success."""
        while True:
            login = LoginDialog(self.ctx)
            if login.exec() != QDialog.DialogCode.Accepted or login.principal is None:
                return False
            if self.open_window(login.principal):
                return True

    def open_window(self, principal: Principal) -> bool:
        """The required password change first (it cannot be skipped), then the main window."""
        try:
            must_change = self.ctx.accounts.must_change_password(principal)
        except (ServiceError, SQLAlchemyError) as exc:
            errors.show_error(None, exc)
            return False
        if must_change:
            change = ChangePasswordDialog(self.ctx, principal, required=True)
            if change.exec() != QDialog.DialogCode.Accepted:
                errors.guarded(None, lambda p=principal: self.ctx.accounts.sign_out(p))
                return False
        self.window = MainWindow(self.ctx, principal, self.sync)
        install_backup_watch(self.window, self.ctx, principal)  # lives as the window's child
        self.window.closed.connect(self._on_window_closed)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.window.show()
        return True

    def _on_window_closed(self, to_login: bool) -> None:
        taken_over = self.window.next_principal if self.window is not None else None
        self.window = None
        if taken_over is not None:  # another person signed in at the lock screen
            QTimer.singleShot(0, lambda: self._take_over(taken_over))
        elif to_login:
            QTimer.singleShot(0, self._back_to_login)
        else:
            self.app.quit()

    def _take_over(self, principal: Principal) -> None:
        if not self.open_window(principal):
            self._back_to_login()

    def _back_to_login(self) -> None:
        if not self.sign_in():
            self.app.quit()


def _wizard_if_needed(ctx: AppContext) -> bool:
    """The setup wizard on a first run; False when the user gave up."""
    if ctx.office.get() is not None:
        return True
    wizard = SetupWizard(ctx)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return False
    errors.show_info(None, texts.SETUP_DONE)
    return True


def run_clerk(
    dirs: AppDirs,
    settings: Settings,
    *,
    demo: bool = False,
    on_ready: Callable[[AppContext], None] | None = None,
) -> int:
    """Run the clerk window until the user quits; returns the process exit code."""

    def body(app: QApplication, ctx: AppContext) -> int:
        try:
            if not _wizard_if_needed(ctx):
                return 0
        except (ServiceError, SQLAlchemyError) as exc:
            errors.show_error(None, exc)
            return 1
        if on_ready is not None:
            on_ready(ctx)
        # The sender works whoever is signed in (or nobody): the outbox belongs to the office.
        sync = SyncBridge(ctx) if ctx.settings.sync.url else None
        if sync is not None:
            sync.start()
        try:
            session = ClerkSession(ctx, app, sync)
            if not session.sign_in():
                return 0
            return app.exec()
        finally:
            if sync is not None:
                sync.stop()

    return run_station(dirs, settings, body, demo=demo)
