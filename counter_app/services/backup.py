"""Backups, verified restores and integrity checks of the office database."""

from __future__ import annotations

import glob
import logging
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.clock import VN_TZ, Clock, vietnam_now
from counter_app.services.errors import ServiceError, ValidationError
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


def find_pg_tool(name: str) -> str | None:
    """Path of a PostgreSQL client tool (pg_dump, pg_restore): PATH first, then Debian's."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    parsed = make_url(url)
    args = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432)]
    if parsed.username:
        args += ["-U", parsed.username]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return [*args, "-d", parsed.database or "postgres"], env


class BackupService:
    """Makes and restores backups of the database into a folder (e.g. a USB disk)."""

    def __init__(self, db: Database, backup_dir: Path, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.backup_dir = backup_dir
        self.clock = clock

    def backup_now(self, prefix: str = "sao-luu") -> Path:
        """Write a full backup now and return its path."""
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        if self.db.sqlite_file is not None:
            target = self.backup_dir / f"{prefix}-{stamp}{SQLITE_SUFFIX}"
            try:
                path = backup_sqlite_file(self.db.sqlite_file, target)
            except (OSError, sqlite3.Error) as exc:
                log.error("backup failed: %s", exc)
                raise ServiceError(f"Sao lưu không thành công: {exc}") from exc
        else:
            path = self._pg_dump(self.backup_dir / f"{prefix}-{stamp}{PG_SUFFIX}")
        log.info("backup written to %s", path)
        return path

    def _pg_dump(self, target: Path) -> Path:
        tool = find_pg_tool("pg_dump")
        if tool is None:
            raise ServiceError("Không tìm thấy công cụ pg_dump: hãy cài gói PostgreSQL client.")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = target.with_name(target.name + ".partial")
        args, env = _pg_args(self.db.url)
        result = subprocess.run(
            [tool, "--format=custom", "--no-owner", "-f", str(partial), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            log.error("pg_dump failed: %s", result.stderr.strip())
            raise ServiceError(f"Sao lưu PostgreSQL không thành công: {result.stderr.strip()}")
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        return target

    def list_backups(self) -> list[Path]:
        """Backups in the folder, newest first."""
        if not self.backup_dir.is_dir():
            return []
        suffix = SQLITE_SUFFIX if self.db.sqlite_file is not None else PG_SUFFIX
        files = [p for p in self.backup_dir.iterdir() if p.is_file() and p.name.endswith(suffix)]
        return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)

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
        """
        if not source.is_file():
            raise ValidationError(f"Không tìm thấy tệp sao lưu {source}.")
        if self.db.sqlite_file is not None:
            return self._restore_sqlite(source)
        return self._restore_pg(source)

    def _restore_sqlite(self, source: Path) -> Path | None:
        problems = check_sqlite_file(source)
        if problems:
            raise ValidationError(["Tệp sao lưu không dùng được:", *problems[:5]])
        revision = _sqlite_revision(source)
        if revision is None:
            raise ValidationError("Tệp này không phải bản sao lưu của phần mềm Một Cửa.")
        if revision not in known_revisions():
            raise ValidationError(
                "Bản sao lưu do phiên bản phần mềm mới hơn tạo ra; hãy cài phiên bản mới trước."
            )
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

    def _restore_pg(self, source: Path) -> Path | None:
        tool = find_pg_tool("pg_restore")
        if tool is None:
            raise ServiceError("Không tìm thấy công cụ pg_restore: hãy cài gói PostgreSQL client.")
        listing = subprocess.run(
            [tool, "--list", str(source)], capture_output=True, text=True, timeout=600, check=False
        )
        if listing.returncode != 0 or "alembic_version" not in listing.stdout:
            raise ValidationError("Tệp này không phải bản sao lưu PostgreSQL của phần mềm Một Cửa.")
        safety = self.backup_now(prefix="truoc-khoi-phuc")
        self.db.dispose()
        args, env = _pg_args(self.db.url)
        result = subprocess.run(
            [
                tool,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        if result.returncode != 0:
            log.error("pg_restore failed: %s", result.stderr.strip())
            raise ServiceError(f"Khôi phục không thành công: {result.stderr.strip()}")
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


def _sqlite_revision(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()
