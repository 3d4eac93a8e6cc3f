"""Nhật ký: the newest audit lines, for admins and supervisors."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services import audit
from counter_app.services.audit import AuditLine
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.table_model import Column, RowTableModel, make_table

AUDIT_LIMIT = 300


def action_text(line: AuditLine) -> str:
    """The action in Vietnamese when known, else its code; failed sign-ins say why."""
    text = texts.AUDIT_ACTIONS.get(line.action, line.action)
    reason = line.details.get("reason")
    if not reason:
        return text
    return f"{text} ({texts.AUDIT_REASONS.get(str(reason), str(reason))})"


def target_text(line: AuditLine) -> str:
    """What the action was done to, e.g. "Tài khoản #3" or "Danh mục thủ tục procedures.json"."""
    kind = texts.AUDIT_ENTITIES.get(line.entity_type, line.entity_type)
    ident = f"#{line.entity_id}" if line.entity_id.isdigit() else line.entity_id
    return f"{kind} {ident}".strip() or texts.NONE


AUDIT_COLUMNS: list[Column[AuditLine]] = [
    Column(texts.AUDIT_COLUMNS[0], lambda a: a.at.strftime("%d/%m/%Y %H:%M:%S")),
    Column(texts.AUDIT_COLUMNS[1], lambda a: texts.AUDIT_USERS.get(a.username, a.username)),
    Column(texts.AUDIT_COLUMNS[2], lambda a: a.station),
    Column(texts.AUDIT_COLUMNS[3], action_text),
    Column(texts.AUDIT_COLUMNS[4], target_text),
]


class AuditPage(Page):
    """A table of recent audit lines with a refresh button."""

    title = texts.PAGE_AUDIT

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.model: RowTableModel[AuditLine] = RowTableModel(AUDIT_COLUMNS, self)
        self.table = make_table(self.model, 3)
        self.count = QLabel()
        self.count.setProperty("role", "subtle")
        refresh = QPushButton(texts.AUDIT_REFRESH)
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(refresh)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the newest audit lines again."""
        lines = errors.guarded(self, lambda: audit.recent(self.ctx.db, AUDIT_LIMIT))
        self.model.set_rows(lines or [])
        self.count.setText(texts.AUDIT_COUNT.format(count=self.model.rowCount()))
