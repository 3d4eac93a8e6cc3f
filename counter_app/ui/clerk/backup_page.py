"""Sao lưu: the last backup, the backup list and a "back up now" that runs off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.backup import file_time
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.table_model import Column, RowTableModel, make_table
from counter_app.ui.workers import Pool, TaskSignals, run_task


@dataclass(frozen=True)
class BackupFile:
    """A backup file as listed."""

    name: str
    modified: datetime
    size: int


def human_size(size: int) -> str:
    """E.g. "1,5 MB" (Vietnamese decimal comma)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
            return f"{text.replace('.', ',')} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover


def _describe(path: Path) -> BackupFile:
    return BackupFile(path.name, file_time(path), path.stat().st_size)


BACKUP_COLUMNS: list[Column[BackupFile]] = [
    Column(texts.BACKUP_COLUMNS[0], lambda b: b.name),
    Column(texts.BACKUP_COLUMNS[1], lambda b: b.modified.strftime(texts.DATETIME_FORMAT)),
    Column(texts.BACKUP_COLUMNS[2], lambda b: human_size(b.size), align_right=True),
]


class BackupPage(Page):
    """Backups of the office database, for admins."""

    title = texts.PAGE_BACKUP

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ):
        super().__init__(ctx, principal, parent)
        self.pool = pool
        self._running: TaskSignals | None = None
        self.last = QLabel()
        self.folder = QLabel(texts.BACKUP_FOLDER.format(folder=ctx.backups.backup_dir))
        self.folder.setProperty("role", "subtle")
        self.folder.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.button = QPushButton(texts.BACKUP_NOW)
        self.button.setProperty("primary", True)
        self.button.clicked.connect(self.backup_now)
        bar = QHBoxLayout()
        bar.addWidget(self.button)
        bar.addWidget(self.status, 1)
        self.model: RowTableModel[BackupFile] = RowTableModel(BACKUP_COLUMNS, self)
        self.table = make_table(self.model, 0)
        for widget in (self.last, self.folder):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        """List the backups and the time of the newest."""
        files = errors.guarded(
            self, lambda: [_describe(p) for p in self.ctx.backups.list_backups()]
        )
        self.model.set_rows(files or [])
        newest = files[0].modified if files else None
        self.last.setText(
            texts.BACKUP_LAST.format(at=newest.strftime(texts.DATETIME_FORMAT))
            if newest
            else texts.BACKUP_NEVER
        )

    def backup_now(self) -> None:
        """Start a backup on a worker thread; the button stays disabled until it ends."""
        if self._running is not None:
            return
        self.button.setEnabled(False)
        self.status.setText(texts.BACKUP_RUNNING)
        self._running = run_task(self.pool, self.ctx.backups.backup_now, self._done, self._failed)

    def _done(self, path: object) -> None:
        self._running = None
        self.button.setEnabled(True)
        self.status.setText(texts.BACKUP_DONE.format(name=Path(str(path)).name))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._running = None
        self.button.setEnabled(True)
        self.status.setText("")
        errors.show_error(self, exc)
