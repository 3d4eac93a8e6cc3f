"""The clerk main window: navigation on the left, the pages the account may see on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.calling.dock import add_calling_dock
from counter_app.ui.change_password_dialog import ChangePasswordDialog
from counter_app.ui.clerk.accounts_page import AccountsPage
from counter_app.ui.clerk.audit_page import AuditPage
from counter_app.ui.clerk.backup_page import BackupPage
from counter_app.ui.clerk.base import Page
from counter_app.ui.clerk.catalog_page import CatalogPage
from counter_app.ui.clerk.home_page import HomePage
from counter_app.ui.clerk.queue_admin_page import QUEUE_ADMIN_ROLES, QueueAdminPage
from counter_app.ui.dashboard.page import DashboardPage
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.idle_lock import IdleLock
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.ratings.page import RatingsPage
from counter_app.ui.reports.page import DossierReportsPage
from counter_app.ui.sync.bridge import SyncBridge
from counter_app.ui.sync.indicator import SyncIndicator
from counter_app.ui.sync.page import SyncPage

log = logging.getLogger(__name__)

NAV_ITEM_HEIGHT = 40


@dataclass(frozen=True)
class PageSpec:
    """A page, who may see it, and how to build it."""

    title: str
    roles: frozenset[Role]
    build: Callable[[AppContext, Principal], Page]


_EVERYONE = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.CLERK})
_MANAGERS = frozenset({Role.ADMIN, Role.SUPERVISOR})

PAGES: tuple[PageSpec, ...] = (
    PageSpec(texts.PAGE_DASHBOARD, _MANAGERS, DashboardPage),  # first for supervisors
    PageSpec(texts.PAGE_HOME, _EVERYONE, HomePage),
    PageSpec(texts.PAGE_INTAKE, _EVERYONE, IntakePage),
    PageSpec(texts.PAGE_DOSSIERS, _EVERYONE, DossiersPage),
    PageSpec(texts.PAGE_CATALOG, _EVERYONE, CatalogPage),
    PageSpec(texts.PAGE_RATINGS, _MANAGERS, RatingsPage),  # never clerks (Decree 118)
    PageSpec(texts.PAGE_DOSSIER_REPORTS, _MANAGERS, DossierReportsPage),
    PageSpec(texts.PAGE_ACCOUNTS, _MANAGERS, AccountsPage),
    PageSpec(texts.PAGE_AUDIT, _MANAGERS, AuditPage),
    PageSpec(texts.PAGE_BACKUP, frozenset({Role.ADMIN}), BackupPage),
    PageSpec(texts.PAGE_QUEUE_ADMIN, QUEUE_ADMIN_ROLES, QueueAdminPage),
)


def database_kind(ctx: AppContext) -> str:
    """SQLite on this PC or the office's PostgreSQL server."""
    return texts.DB_SQLITE if ctx.db.is_sqlite else texts.DB_POSTGRES


class MainWindow(QMainWindow):
    """Navigation list, stacked pages, status bar and the account menu."""

    signed_out = Signal()
    closed = Signal(bool)  # True when closed to sign in again, False when quitting

    def __init__(
        self, ctx: AppContext, principal: Principal, sync: SyncBridge | None = None
    ) -> None:
        super().__init__()
        self.ctx, self.principal, self.sync = ctx, principal, sync
        self._signed_out = False
        self._to_login = False
        self.next_principal: Principal | None = None  # who took over at the lock screen
        self.setWindowTitle(texts.APP_TITLE)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for spec in PAGES:
            if principal.role in spec.roles:
                self._add_page(spec.title, spec.build(ctx, principal))
        if principal.role in _MANAGERS:
            self._add_page(texts.PAGE_SYNC, SyncPage(ctx, principal, bridge=sync))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.calling = add_calling_dock(self, ctx, principal)  # the counter's calling panel
        self._link_intake_to_calling()
        self._link_dashboard_to_queue()
        self.navigation.currentRowChanged.connect(self._show_row)
        self._build_menu()
        self._build_status_bar()
        self.navigation.setCurrentRow(0)
        minutes = ctx.settings.security.idle_lock_minutes
        self.idle_lock = IdleLock(self, ctx, principal, minutes)
        self.idle_lock.sign_out_requested.connect(self.sign_out)
        self.idle_lock.switch_user.connect(self._hand_over)

    def _link_intake_to_calling(self) -> None:
        """A dossier saved at intake is joined to the ticket being served at this counter."""
        panel = getattr(self.calling, "panel", None)
        for page in self.pages.values():
            if isinstance(page, IntakePage) and panel is not None:
                page.dossier_saved.connect(
                    lambda dossier_id: panel.ticket_served_with_dossier(dossier_id)
                )

    def _link_dashboard_to_queue(self) -> None:
        """The dashboard follows the calling panel's queue events (one watcher per window)."""
        panel = getattr(self.calling, "panel", None)
        for page in self.pages.values():
            if isinstance(page, DashboardPage):
                page.follow(getattr(panel, "bridge", None))

    def _add_page(self, title: str, page: Page) -> None:
        self.pages[title] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
        self.navigation.addItem(item)

    def sizeHint(self) -> QSize:
        """Fits a 1366x768 screen with its task bar (Qt API)."""
        return QSize(1240, 680)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(texts.MENU_SYSTEM)
        self.change_password_action = QAction(texts.ACTION_CHANGE_PASSWORD, self)
        self.sign_out_action = QAction(texts.ACTION_SIGN_OUT, self)
        self.quit_action = QAction(texts.ACTION_QUIT, self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+L"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.change_password_action.triggered.connect(self.change_password)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.change_password_action)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _build_status_bar(self) -> None:
        p = self.principal
        bar = self.statusBar()
        self.status_labels = [
            QLabel(texts.STATUS_USER.format(name=p.full_name, role=p.role.label)),
            QLabel(texts.STATUS_STATION.format(station=self.ctx.station)),
            QLabel(texts.STATUS_DB.format(kind=database_kind(self.ctx))),
        ]
        self.sync_indicator = SyncIndicator(self.ctx, self.sync, self)
        bar.addWidget(self.sync_indicator, 1)
        for label in self.status_labels:
            bar.addPermanentWidget(label)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def show_page(self, title: str) -> Page:
        """Switch to the page with this title and return it."""
        titles = list(self.pages)
        self.navigation.setCurrentRow(titles.index(title))
        return self.pages[title]

    def change_password(self) -> None:
        """Let the signed-in account change its password."""
        dialog = ChangePasswordDialog(self.ctx, self.principal, required=False, parent=self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            errors.show_info(self, texts.PASSWORD_CHANGED)

    def _record_sign_out(self) -> None:
        if not self._signed_out:
            self._signed_out = True
            errors.guarded(self, lambda: self.ctx.accounts.sign_out(self.principal))

    def sign_out(self) -> None:
        """Record the sign-out and hand back to the login dialog."""
        self._record_sign_out()
        self._to_login = True
        self.signed_out.emit()
        self.close()

    def _hand_over(self, principal: Principal) -> None:
        """Another person signed in at the lock screen: this session ends, theirs opens."""
        self.next_principal = principal
        self.sign_out()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window signs out (Qt API)."""
        self.idle_lock.stop()
        self._record_sign_out()
        super().closeEvent(event)
        self.closed.emit(self._to_login)
