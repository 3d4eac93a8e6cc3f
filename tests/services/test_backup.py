"""Backups: written while live, verified, restored end to end, rotated; integrity check."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

import pytest
from pg_server import skip_without_pg_dump
from sqlalchemy import text

from counter_app.clock import VN_TZ, FrozenClock
from counter_app.services.backup import BackupService
from counter_app.services.errors import ValidationError
from db.engine import Database
from db.migrate import migrate


def _put(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        session.execute(
            text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


def _get(db: Database, key: str) -> str | None:
    with db.read() as session:
        return session.execute(
            text("SELECT value FROM app_meta WHERE key = :k"), {"k": key}
        ).scalar()


def test_backup_then_restore_brings_the_data_back(db_url, tmp_path):
    if not db_url.startswith("sqlite"):
        skip_without_pg_dump()
    db = Database(db_url)
    migrate(db)
    clock = FrozenClock(datetime(2026, 11, 23, 17, 5))
    service = BackupService(db, tmp_path / "usb", clock)
    _put(db, "ho-so", "trước sao lưu")
    backup = service.backup_now()
    assert backup.exists() and stat_mode(backup) == 0o600
    assert backup.name.startswith("sao-luu-20261123-170500")
    _put(db, "sau", "sau sao lưu")
    clock.advance(minutes=1)
    safety = service.restore(backup)
    db = Database(db_url)
    assert _get(db, "ho-so") == "trước sao lưu"
    assert _get(db, "sau") is None
    assert safety is not None and safety.exists()  # the replaced data was kept
    assert BackupService(db, tmp_path / "usb", clock).check().ok
    db.dispose()


def stat_mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    _put(db, "giu", "nguyên")
    junk = tmp_path / "not-a-backup.sqlite3"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    service = BackupService(db, tmp_path / "bk")
    with pytest.raises(ValidationError, match="không dùng được"):
        service.restore(junk)
    with pytest.raises(ValidationError, match="không phải bản sao lưu"):
        service.restore(other)
    with pytest.raises(ValidationError, match="Không tìm thấy"):
        service.restore(tmp_path / "missing.sqlite3")
    assert _get(Database(sqlite_url), "giu") == "nguyên"


def test_restore_over_a_corrupt_file_keeps_the_corrupt_file_aside(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    _put(db, "k", "v")
    service = BackupService(db, tmp_path / "bk")
    backup = service.backup_now()
    db.dispose()
    path = db.sqlite_file
    with open(path, "r+b") as fh:  # wreck the file's pages
        fh.seek(4096)
        fh.write(os.urandom(8192))
    kept = service.restore(backup)
    assert kept is not None and ".hong-" in kept.name and kept.exists()
    assert _get(Database(sqlite_url), "k") == "v"


def test_rotation_keeps_the_newest(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    clock = FrozenClock(datetime(2026, 11, 1, 17, 0))
    service = BackupService(db, tmp_path / "bk", clock)
    made = []
    for day in range(5):
        path = service.backup_now()
        os.utime(path, (1_800_000_000 + day * 86400,) * 2)
        made.append(path)
        clock.advance(days=1)
    removed = service.rotate(keep=3)
    assert sorted(removed) == sorted(made[:2])
    assert service.list_backups() == list(reversed(made[2:]))
    newest = datetime.fromtimestamp(1_800_000_000 + 4 * 86400, VN_TZ).replace(tzinfo=None)
    assert service.last_backup_at() == newest


def test_check_reports_a_damaged_database(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    assert BackupService(db, tmp_path).check().ok
    with db.write() as session:
        session.execute(text("PRAGMA foreign_keys = OFF"))
    conn = sqlite3.connect(db.sqlite_file)
    conn.execute(
        "INSERT INTO procedure_paper (procedure_id, position, name, originals, copies, required,"
        " present_only) VALUES (999, 1, 'mồ côi', 1, 0, 1, 0)"
    )
    conn.commit()
    conn.close()
    report = BackupService(db, tmp_path).check()
    assert not report.ok
    assert any("procedure" in p or "giấy tờ" in p for p in report.problems)
