"""Backups, verified restores and integrity checks of the office database."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from counter_app.clock import VN_TZ, Clock, vietnam_now
from counter_app.services import pg_tools
from counter_app.services.errors import ServiceError, ValidationError
from counter_app.services.pg_tools import find_pg_tool as find_pg_tool
from db.engine import Database
from db.migrate import current_revision, head_revision, known_revisions
from db.sqlite_backup import backup_sqlite_file, check_sqlite_file

log = logging.getLogger(__name__)

SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".pgdump"


@dataclass(frozen=True)
class CheckReport:
    """The result of an integrity check."""

    problems: tuple[str, ...]
    revision: str | None

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


class BackupService:
    """Makes and restores backups of the database into a folder (e.g. a USB disk)."""

    def __init__(self, db: Database, backup_dir: Path, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.backup_dir = backup_dir
        self.clock = clock
        # The page's "back up now" and the automatic backup share this service (two workers).
        self._writing = threading.Lock()

    def backup_now(self, prefix: str = "sao-luu") -> Path:
        """Write a full backup now and return its path (ServiceError when it cannot)."""
        with self._writing:
            return self._backup(prefix)

    def _backup(self, prefix: str) -> Path:
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        suffix = SQLITE_SUFFIX if self.db.sqlite_file is not None else PG_SUFFIX
        target = self.backup_dir / f"{prefix}-{stamp}{suffix}"
        self._make_folder()
        try:
            if self.db.sqlite_file is not None:
                path = backup_sqlite_file(self.db.sqlite_file, target)
            else:
                path = pg_tools.dump(self.db.url, target)
        except (OSError, sqlite3.Error) as exc:
            log.error("backup failed: %s", exc)
            raise ServiceError(f"Sao lưu không thành công: {_reason(exc)}") from exc
        finally:
            with contextlib.suppress(OSError):  # a cut short copy never stays on the disk
                target.with_name(target.name + ".partial").unlink(missing_ok=True)
        log.info("backup written to %s", path)
        return path

    def _make_folder(self) -> None:
        # Only the last level is created: a missing parent means the USB disk is not there,
        # and creating the whole path would quietly put the backups on the local disk.
        try:
            self.backup_dir.mkdir(exist_ok=True, mode=0o700)
        except FileNotFoundError as exc:
            log.error("backup folder %s unreachable: %s", self.backup_dir, exc)
            raise ServiceError(
                f"Không thấy thư mục sao lưu {self.backup_dir}: ổ USB sao lưu đã được cắm chưa?"
            ) from exc
        except OSError as exc:
            log.error("backup folder %s unusable: %s", self.backup_dir, exc)
            raise ServiceError(f"Không dùng được thư mục sao lưu: {_reason(exc)}") from exc

    def verify(self, path: Path) -> str:
        """Read a backup through; its schema revision, or ValidationError when it is unusable."""
        if not path.is_file():
            raise ValidationError(f"Không tìm thấy tệp sao lưu {path}.")
        if self.db.sqlite_file is None:
            revision = pg_tools.archive_revision(path)
        else:
            problems = check_sqlite_file(path)
            if problems:
                log.warning("unusable SQLite backup %s: %s", path, problems[:5])
                raise ValidationError(["Tệp sao lưu bị hỏng, không dùng được:", *problems[:5]])
            found = _sqlite_revision(path)
            if found is None:
                raise ValidationError("Tệp này không phải bản sao lưu của phần mềm Một Cửa.")
            revision = found
        if revision not in known_revisions():
            raise ValidationError(
                "Bản sao lưu do phiên bản phần mềm mới hơn tạo ra; hãy cài phiên bản mới trước."
            )
        return revision

    def list_backups(self) -> list[Path]:
        """Backups in the folder, newest first."""
        suffix = SQLITE_SUFFIX if self.db.sqlite_file is not None else PG_SUFFIX
        found: list[tuple[float, Path]] = []
        try:
            if not self.backup_dir.is_dir():
                return []
            for path in self.backup_dir.iterdir():
                if path.name.endswith(suffix) and path.is_file():
                    found.append((path.stat().st_mtime, path))
        except OSError as exc:  # the USB disk went away while it was read
            log.warning("cannot list backups in %s: %s", self.backup_dir, exc)
        return [path for _, path in sorted(found, key=lambda item: item[0], reverse=True)]

    def rotate(self, keep: int) -> list[Path]:
        """Delete all but the newest `keep` regular backups; returns what was deleted."""
        regular = [p for p in self.list_backups() if p.name.startswith("sao-luu-")]
        removed = regular[keep:]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def restore(self, source: Path) -> Path | None:
        """Replace the database with a verified backup; the current data is backed up first.

        Returns the safety backup of the data that was replaced (None if there was none).
        Nothing is touched when the backup does not pass `verify`.
        """
        self.verify(source)
        if self.db.sqlite_file is not None:
            return self._restore_sqlite(source)
        safety = self.backup_now(prefix="truoc-khoi-phuc")
        self.db.dispose()
        pg_tools.restore(self.db.url, source)
        log.info("database restored from %s", source)
        return safety

    def _restore_sqlite(self, source: Path) -> Path | None:
        target = self.db.sqlite_file
        assert target is not None
        safety = None
        self.db.dispose()
        if target.exists() and not check_sqlite_file(target, quick=True):
            safety = self.backup_now(prefix="truoc-khoi-phuc")
        elif target.exists():
            # A damaged file is kept aside, never deleted: someone may still recover from it.
            stamp = self.clock().strftime("%Y%m%d-%H%M%S")
            safety = target.with_name(f"{target.name}.hong-{stamp}")
            os.replace(target, safety)
        staged = target.with_name(target.name + ".restoring")
        shutil.copyfile(source, staged)
        os.chmod(staged, 0o600)
        with open(staged, "rb") as fh:
            os.fsync(fh.fileno())
        for extra in ("-wal", "-shm"):
            Path(str(target) + extra).unlink(missing_ok=True)
        os.replace(staged, target)
        log.info("database restored from %s", source)
        return safety

    def check(self) -> CheckReport:
        """Integrity check: SQLite's own checks, schema revision, and the data's consistency."""
        problems: list[str] = []
        if self.db.sqlite_file is not None:
            problems += check_sqlite_file(self.db.sqlite_file)
        revision = current_revision(self.db)
        if revision != head_revision():
            problems.append(f"Cấu trúc dữ liệu ở phiên bản {revision}, cần {head_revision()}.")
        with self.db.read() as session:
            orphans = session.execute(
                text(
                    "SELECT count(*) FROM procedure_paper p LEFT JOIN procedure r "
                    "ON r.id = p.procedure_id WHERE r.id IS NULL"
                )
            ).scalar_one()
            if orphans:
                problems.append(f"{orphans} giấy tờ không thuộc thủ tục nào.")
            offices = session.execute(text("SELECT count(*) FROM office")).scalar_one()
            if offices > 1:
                problems.append("Có nhiều hơn một cơ quan trong cùng cơ sở dữ liệu.")
        return CheckReport(tuple(problems), revision)

    def last_backup_at(self) -> datetime | None:
        """When the newest backup in the folder was written."""
        backups = self.list_backups()
        return file_time(backups[0]) if backups else None


def file_time(path: Path) -> datetime:
    """When a file was last written, in Vietnam local time (as every time the app shows)."""
    return datetime.fromtimestamp(path.stat().st_mtime, VN_TZ).replace(tzinfo=None)


def _reason(exc: BaseException) -> str:
    """The operating system's words for a failure ("No space left on device"), else the text."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _sqlite_revision(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()
