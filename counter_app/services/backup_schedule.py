"""Automatic backups: when one is due, by one station at a time, verified, rotated, recorded.

The outcome of every attempt is kept in `app_meta`, so on PostgreSQL every station's warning
knows that the station holding the USB disk could not back up last night.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from counter_app.clock import Clock
from counter_app.services.backup import BackupService
from counter_app.services.errors import ServiceError
from counter_app.settings import BackupSettings
from db.migrate import current_revision
from db.models import AppMeta

log = logging.getLogger(__name__)

LAST_OK_KEY = "backup.last_ok_at"
LAST_FILE_KEY = "backup.last_ok_file"
LAST_FAILED_KEY = "backup.last_failed_at"
LAST_ERROR_KEY = "backup.last_error"
#: After a failure the next attempt waits this long (a USB disk is not plugged back in seconds).
RETRY_AFTER = timedelta(minutes=30)
#: pg_advisory_lock key held while one station dumps ("motcua-b" in ASCII).
PG_LOCK_KEY = 0x6D6F746375612D62
_META_VALUE_MAX = 500
_FAILURES = (ServiceError, OSError, sqlite3.Error, subprocess.SubprocessError, SQLAlchemyError)


@dataclass(frozen=True)
class BackupStatus:
    """The last good backup, the last failure after it, and whether users should be warned."""

    checked_at: datetime
    last_ok_at: datetime | None
    failed_at: datetime | None  # only a failure newer than the last good backup
    error: str
    stale: bool  # no good backup for longer than `warn_after_hours`, or never one

    @property
    def failing(self) -> bool:
        """The newest attempt failed."""
        return self.failed_at is not None

    @property
    def overdue(self) -> bool:
        """Users should be warned: stale, or the last attempt failed."""
        return self.stale or self.failing


class BackupSchedule:
    """Decides when the automatic backup is due and makes it (backup, verify, rotate, record)."""

    def __init__(
        self,
        service: BackupService,
        settings: BackupSettings,
        clock: Clock,
        *,
        folder_must_exist: bool | None = None,
    ) -> None:
        self.service = service
        self.db = service.db
        self.settings = settings
        self.clock = clock
        # A configured folder (a USB disk) must be there already; the default one is created.
        if folder_must_exist is None:
            folder_must_exist = bool(settings.folder)
        self.folder_must_exist = folder_must_exist
        self._lock = threading.Lock()
        self._local_failure: tuple[datetime, str] | None = None  # when even app_meta failed

    def status(self) -> BackupStatus:
        """Read what is known of the last backups (database record and the folder itself)."""
        now = self.clock()
        meta = self._read_meta()
        ok_times = [_parse(meta.get(LAST_OK_KEY)), self.service.last_backup_at()]
        last_ok = max((t for t in ok_times if t is not None), default=None)
        failed_at, error = _parse(meta.get(LAST_FAILED_KEY)), meta.get(LAST_ERROR_KEY, "")
        if self._local_failure and (failed_at is None or self._local_failure[0] > failed_at):
            failed_at, error = self._local_failure
        if failed_at is not None and last_ok is not None and failed_at <= last_ok:
            failed_at, error = None, ""
        warn_after = timedelta(hours=self.settings.warn_after_hours)
        stale = last_ok is None or now - last_ok > warn_after
        return BackupStatus(now, last_ok, failed_at, error if failed_at else "", stale)

    def is_due(self, status: BackupStatus) -> bool:
        """This station should back up now: automatic, old enough, not just failed."""
        if not self.settings.auto:
            return False
        every = timedelta(hours=self.settings.every_hours)
        if status.last_ok_at is not None and status.checked_at - status.last_ok_at < every:
            return False
        return status.failed_at is None or status.checked_at - status.failed_at >= RETRY_AFTER

    def run_if_due(self) -> BackupStatus:
        """The timer's work: back up when due (one station at a time); the status afterwards."""
        if self.is_due(self.status()):
            with self._exclusive() as mine:
                if not mine:
                    log.info("automatic backup skipped: another station is backing up")
                elif self.is_due(self.status()):  # another station may have just finished
                    # A failure is logged and recorded; the warning shows it.
                    with contextlib.suppress(ServiceError):
                        self.backup_verified()
        return self.status()

    def backup_verified(self) -> Path:
        """Back up, read the copy back, rotate, record; on failure keep the old backups."""
        try:
            path = self._backup_and_verify()
        except _FAILURES as exc:
            message = str(exc) if isinstance(exc, ServiceError) else f"Sao lưu lỗi: {exc}"
            log.error("automatic backup failed: %s", message)
            self._record_failure(message)
            raise ServiceError(message) from exc
        try:
            removed = self.service.rotate(self.settings.keep)
        except OSError as exc:
            log.warning("old backups not rotated in %s: %s", self.service.backup_dir, exc)
        else:
            if removed:
                log.info("rotated out %d old backups", len(removed))
        self._record_success(path)
        return path

    def _backup_and_verify(self) -> Path:
        folder = self.service.backup_dir
        if self.folder_must_exist and not folder.is_dir():
            raise ServiceError(
                f"Không thấy thư mục sao lưu {folder}: ổ USB sao lưu đã được cắm chưa?"
            )
        path = self.service.backup_now()
        try:
            revision = self.service.verify(path)
            live = current_revision(self.db)
            if revision != live:
                raise ServiceError(
                    f"Bản sao lưu vừa tạo ở phiên bản cấu trúc {revision}, dữ liệu ở {live}."
                )
        except BaseException:
            with contextlib.suppress(OSError):  # a copy that does not read back is no backup
                path.unlink(missing_ok=True)
            raise
        log.info("backup %s verified (revision %s)", path, revision)
        return path

    @contextmanager
    def _exclusive(self) -> Iterator[bool]:
        """One backup at a time: in this process, and on PostgreSQL across all stations."""
        if not self._lock.acquire(blocking=False):
            yield False
            return
        try:
            if self.db.is_sqlite:  # each PC backs up its own file
                yield True
                return
            with self.db.engine.connect() as conn:
                # A session lock: released by the server if this station dies mid-dump.
                got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
                mine = bool(got.scalar())
                conn.commit()
                try:
                    yield mine
                finally:
                    if mine:
                        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
                        conn.commit()
        finally:
            self._lock.release()

    def _read_meta(self) -> dict[str, str]:
        keys = (LAST_OK_KEY, LAST_FAILED_KEY, LAST_ERROR_KEY)
        try:
            with self.db.read() as session:
                rows = [session.get(AppMeta, key) for key in keys]
        except SQLAlchemyError as exc:
            log.warning("backup record unreadable: %s", exc)
            return {}
        return {row.key: row.value for row in rows if row is not None}

    def _record_success(self, path: Path) -> None:
        self._local_failure = None
        self._write_meta({LAST_OK_KEY: _stamp(self.clock()), LAST_FILE_KEY: path.name})

    def _record_failure(self, message: str) -> None:
        now = self.clock()
        self._local_failure = (now, message)
        self._write_meta({LAST_FAILED_KEY: _stamp(now), LAST_ERROR_KEY: message})

    def _write_meta(self, values: dict[str, str]) -> None:
        try:
            with self.db.write() as session:
                for key, value in values.items():
                    session.merge(AppMeta(key=key, value=value[:_META_VALUE_MAX]))
        except SQLAlchemyError as exc:
            log.error("backup record not saved: %s", exc)


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
