"""Đồng bộ với tỉnh: where the sync stands, what was set aside, the token, "Gửi ngay"."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.sync_status import SetAside, SyncOverview
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.sync.bridge import SyncBridge
from counter_app.ui.sync.describe import age_text, status_line
from counter_app.ui.table_model import Column, RowTableModel, make_table

ASIDE_COLUMNS: list[Column[SetAside]] = [
    Column(texts.SYNC_ASIDE_COLUMNS[0], lambda a: a.what),
    Column(texts.SYNC_ASIDE_COLUMNS[1], lambda a: a.error),
    Column(texts.SYNC_ASIDE_COLUMNS[2], lambda a: a.created_at.strftime(texts.DATETIME_FORMAT)),
]


class SyncPage(Page):
    """For supervisors and admins; only an admin may enter the province's token."""

    title = texts.PAGE_SYNC

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        bridge: SyncBridge | None = None,
    ) -> None:
        super().__init__(ctx, principal, parent)
        self.bridge = bridge
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.send_now = QPushButton(texts.SYNC_SEND_NOW)
        self.send_now.setProperty("primary", True)
        self.send_now.setEnabled(bridge is not None)
        self.send_now.clicked.connect(self._send_now)
        self.resend = QPushButton(texts.SYNC_RESEND)
        self.resend.clicked.connect(self._resend)
        self.token = QPushButton(texts.SYNC_ENTER_TOKEN)
        self.token.setVisible(principal.role == Role.ADMIN)
        self.token.clicked.connect(self.ask_token)
        bar = QHBoxLayout()
        for button in (self.send_now, self.resend, self.token):
            bar.addWidget(button)
        bar.addStretch(1)
        self.model: RowTableModel[SetAside] = RowTableModel(ASIDE_COLUMNS, self)
        self.table = make_table(self.model, 1)
        for widget in (self.headline, self.details):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        if bridge is not None:
            bridge.reported.connect(lambda _report: self.refresh() if self.isVisible() else None)

    def refresh(self) -> None:
        """Read the overview and the set-aside list again."""
        overview = errors.guarded(self, self.ctx.sync_status.overview)
        if overview is None:
            return
        self.show_overview(overview)
        self.model.set_rows(errors.guarded(self, self.ctx.sync_status.set_aside) or [])
        self.resend.setEnabled(overview.set_aside > 0)

    def show_overview(self, overview: SyncOverview) -> None:
        """Fill the headline and the details."""
        now = self.ctx.clock()
        line, warn = status_line(overview, now)
        self.headline.setText(line)
        self.headline.setProperty("role", "warning" if warn else "heading2")
        oldest = ""
        if overview.oldest_pending_at is not None:
            oldest = texts.SYNC_OLDEST.format(
                at=overview.oldest_pending_at.strftime(texts.DATETIME_FORMAT),
                age=age_text(now - overview.oldest_pending_at),
            )
        text = texts.SYNC_OVERVIEW.format(
            url=self.ctx.settings.sync.url or texts.SYNC_NONE,
            pending=overview.pending,
            oldest=oldest,
            set_aside=overview.set_aside,
            success=overview.last_success.strftime(texts.DATETIME_FORMAT)
            if overview.last_success
            else texts.SYNC_NEVER,
            error=overview.last_error or texts.SYNC_NONE,
        )
        if overview.next_attempt is not None and overview.next_attempt > now:
            text += "\n" + texts.SYNC_NEXT_ATTEMPT.format(
                at=overview.next_attempt.strftime(texts.DATETIME_FORMAT)
            )
        self.details.setText(text)

    def _send_now(self) -> None:
        if self.bridge is not None:
            self.headline.setText(texts.SYNC_SENDING_NOW)
            self.bridge.send_now()

    def _resend(self) -> None:
        count = errors.guarded(self, lambda: self.ctx.sync_status.send_again(self.principal))
        if count is not None:
            errors.show_info(self, texts.SYNC_RESENT.format(count=count))
            self.refresh()
            self._send_now()

    def ask_token(self) -> None:
        """Ask the admin for the token the province issued and store it."""
        token, ok = QInputDialog.getText(
            self,
            texts.SYNC_TOKEN_TITLE,
            texts.SYNC_TOKEN_PROMPT,
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        saved = errors.guarded(
            self, lambda: self.ctx.sync_status.set_token(self.principal, token) or True
        )
        if saved:
            errors.show_info(self, texts.SYNC_TOKEN_SAVED)
            self.refresh()
            self._send_now()
