"""The status bar's backup warning: red for supervisors and admins, a softer line for clerks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from counter_app.domain.roles import Role
from counter_app.services.backup_schedule import BackupStatus
from counter_app.ui import texts

#: Who is told what went wrong and what to do; clerks are only asked to tell them.
MANAGER_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR})
MANAGER_STYLE = "QLabel { color: #b42318; font-weight: bold; padding: 0 8px; }"
CLERK_STYLE = "QLabel { color: #8a5a00; padding: 0 8px; }"


def _at(value: datetime) -> str:
    return value.strftime(texts.BACKUP_WARN_TIME_FORMAT)


def warning_text(status: BackupStatus, manager: bool) -> str:
    """The line to show, empty when backups are fine."""
    if not status.overdue:
        return ""
    if not manager:
        return texts.BACKUP_WARN_CLERK
    if status.last_ok_at is None:
        return texts.BACKUP_WARN_NEVER
    if status.stale or status.failed_at is None:
        return texts.BACKUP_WARN_STALE.format(at=_at(status.last_ok_at))
    # The last good one is still recent: say what failed, not that nothing was saved.
    return texts.BACKUP_WARN_FAILED.format(failed=_at(status.failed_at))


def warning_tooltip(status: BackupStatus) -> str:
    """The details for the people who can fix it: last good backup, last error, what to do."""
    lines = [
        texts.BACKUP_WARN_TIP_LAST.format(at=_at(status.last_ok_at))
        if status.last_ok_at
        else texts.BACKUP_WARN_TIP_NONE
    ]
    if status.error:
        lines.append(texts.BACKUP_WARN_TIP_ERROR.format(error=status.error))
    lines.append(texts.BACKUP_WARN_TIP_HELP)
    return "\n".join(lines)


class BackupWarning(QLabel):
    """Hidden while backups are fine; shows the warning when the last one is too old or failed."""

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupWarning")
        self.manager = role in MANAGER_ROLES
        self.setProperty("role", "problem" if self.manager else "subtle")
        # Its own colours, so the warning stays red even if the style sheet failed to load.
        self.setStyleSheet(MANAGER_STYLE if self.manager else CLERK_STYLE)
        self.setVisible(False)

    def show_status(self, status: object) -> None:
        """Show (or hide) the warning for this status."""
        if not isinstance(status, BackupStatus):
            return
        line = warning_text(status, self.manager)
        self.setText(line)
        self.setToolTip(warning_tooltip(status) if line and self.manager else "")
        self.setVisible(bool(line))
