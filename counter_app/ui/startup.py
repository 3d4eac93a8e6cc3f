"""Starting a window: the database (a damaged SQLite file can be restored), demo, office."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from counter_app.app_context import AppContext, CorruptDatabase, StartupError, open_context
from counter_app.paths import AppDirs
from counter_app.services.backup import BackupService, file_time
from counter_app.services.demo import ensure_demo_office
from counter_app.services.errors import ServiceError
from counter_app.settings import Settings
from counter_app.ui import errors, texts
from counter_app.ui.app_setup import prepare_app
from db.engine import Database

log = logging.getLogger(__name__)


def _ask_restore(parent: QWidget | None, exc: CorruptDatabase) -> bool:
    newest = exc.backups[0]
    at = file_time(newest).strftime(texts.DATETIME_FORMAT)
    box = QMessageBox(QMessageBox.Icon.Critical, texts.CORRUPT_TITLE, str(exc), parent=parent)
    box.setInformativeText(texts.CORRUPT_RESTORE_QUESTION.format(name=newest.name, at=at))
    restore = box.addButton(texts.CORRUPT_RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(texts.CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


#: Asks whether to restore the newest backup; tests replace it.
ask_restore: Callable[[QWidget | None, CorruptDatabase], bool] = _ask_restore


def restore_backup(dirs: AppDirs, settings: Settings, backup: Path) -> None:
    """Replace the damaged database with a backup, without a context (it cannot open)."""
    db = Database(settings.database_url(dirs))
    try:
        BackupService(db, settings.backup_dir(dirs)).restore(backup)
    finally:
        db.dispose()


def open_with_recovery(
    dirs: AppDirs, settings: Settings, *, demo: bool = False, parent: QWidget | None = None
) -> AppContext | None:
    """Open the context; offer a restore when the file is damaged; None after telling why not."""
    restored = False
    while True:
        try:
            return open_context(dirs, settings, demo=demo)
        except CorruptDatabase as exc:
            log.error("database damaged: %s", exc.problems[:3])
            if not exc.backups or restored:
                errors.present(parent, texts.CORRUPT_TITLE, f"{exc}\n\n{texts.CORRUPT_NO_BACKUP}")
                return None
            if not ask_restore(parent, exc):
                return None
            try:
                restore_backup(dirs, settings, exc.backups[0])
            except (ServiceError, SQLAlchemyError, OSError) as failure:
                log.error("restore failed: %s", failure)
                errors.show_error(parent, failure)
                return None
            restored = True
            errors.show_info(parent, texts.CORRUPT_RESTORED.format(name=exc.backups[0].name))
        except StartupError as exc:
            errors.present(parent, texts.STARTUP_ERROR_TITLE, str(exc))
            return None


Body = Callable[[QApplication, AppContext], int]


def run_station(
    dirs: AppDirs,
    settings: Settings,
    body: Body,
    *,
    demo: bool = False,
    office_missing: str | None = None,
    recover: bool = True,
) -> int:
    """Start-up shared by the clerk window, the kiosk and the board, then `body` runs.

    Prepares the application, opens the database (offering a restore when `recover`), sets
    up the demo office when asked and, when `office_missing` is given, stops with that
    message if no office is set up yet. Returns the process exit code.
    """
    app, family = prepare_app()
    if family is None:
        errors.present(None, texts.ERROR_TITLE, texts.FONT_MISSING)
    if recover:
        ctx = open_with_recovery(dirs, settings, demo=demo)
    else:
        try:
            ctx = open_context(dirs, settings, demo=demo)
        except StartupError as exc:
            errors.present(None, texts.STARTUP_ERROR_TITLE, str(exc))
            ctx = None
    if ctx is None:
        return 1
    # One quit only, from the window's own signal: a second one left queued ends the next loop.
    app.setQuitOnLastWindowClosed(False)
    try:
        try:
            if demo:
                s = ctx.settings
                ensure_demo_office(ctx.db, ctx.office, ctx.catalog, s.security, ctx.station)
            if office_missing is not None and ctx.office.get() is None:
                errors.present(None, texts.STARTUP_ERROR_TITLE, office_missing)
                return 1
        except (ServiceError, SQLAlchemyError) as exc:
            errors.show_error(None, exc)
            return 1
        return body(app, ctx)
    finally:
        app.setQuitOnLastWindowClosed(True)
        ctx.close()
