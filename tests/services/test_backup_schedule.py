"""Automatic backups: due or not, verified, rotated, one station at a time, failures kept."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest
from pg_server import find_pg_bindir, skip_without_pg_dump
from sqlalchemy import text

from counter_app.clock import VN_TZ, FrozenClock
from counter_app.services import backup as backup_module
from counter_app.services.backup import BackupService, find_pg_tool
from counter_app.services.backup_schedule import (
    LAST_ERROR_KEY,
    LAST_FAILED_KEY,
    LAST_OK_KEY,
    PG_LOCK_KEY,
    BackupSchedule,
)
from counter_app.settings import BackupSettings, SettingsError, parse_settings
from db.engine import Database
from db.migrate import migrate
from db.models import AppMeta

AT = datetime(2026, 11, 20, 17, 30)


@pytest.fixture(autouse=True)
def _pg_tools_beside_the_test_server(monkeypatch: pytest.MonkeyPatch) -> None:
    bindir = find_pg_bindir()
    if bindir is not None and (bindir / "pg_dump").is_file():
        monkeypatch.setenv("MOTCUA_PG_BINDIR", str(bindir))


@pytest.fixture
def db(migrated_db: Database) -> Database:
    if not migrated_db.is_sqlite:
        skip_without_pg_dump()
    return migrated_db


class ClockedBackups(BackupService):
    """Backups whose file time is the test clock's time, as if written then."""

    def backup_now(self, prefix: str = "sao-luu") -> Path:
        path = super().backup_now(prefix)
        when = self.clock().replace(tzinfo=VN_TZ).timestamp()
        os.utime(path, (when, when))
        return path


def schedule_for(
    db: Database, where: Path, clock: FrozenClock, **settings: object
) -> BackupSchedule:
    service = ClockedBackups(db, where, clock)
    return BackupSchedule(service, BackupSettings(**settings), clock)  # type: ignore[arg-type]


def backups_in(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("sao-luu-"))


def test_first_run_backs_up_then_waits_a_day_and_rotates(db, tmp_path):
    clock = FrozenClock(AT)
    folder = tmp_path / "usb"
    schedule = schedule_for(db, folder, clock, keep=2, every_hours=24)
    status = schedule.run_if_due()
    assert len(backups_in(folder)) == 1
    assert status.last_ok_at is not None and not status.overdue and not status.failing
    clock.advance(hours=23)
    schedule.run_if_due()
    assert len(backups_in(folder)) == 1  # not due yet
    made = []
    for _ in range(3):
        clock.advance(hours=25)
        assert schedule.is_due(schedule.status())
        schedule.run_if_due()
        made.append(backups_in(folder)[-1])
    assert backups_in(folder) == made[-2:]  # keep = 2: the oldest were rotated out
    with db.read() as session:
        assert session.get(AppMeta, LAST_OK_KEY).value == clock().isoformat(timespec="seconds")


def test_the_copy_is_read_back_and_a_bad_one_is_not_kept(sqlite_url, tmp_path, monkeypatch):
    db = Database(sqlite_url)
    migrate(db)
    clock = FrozenClock(AT)
    folder = tmp_path / "usb"
    schedule = schedule_for(db, folder, clock)
    schedule.run_if_due()
    good = backups_in(folder)
    assert len(good) == 1

    def garbled_copy(_source: Path, dest: Path) -> Path:  # the USB stick wrote rubbish
        dest.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
        return dest

    monkeypatch.setattr(backup_module, "backup_sqlite_file", garbled_copy)
    clock.advance(hours=30)
    status = schedule.run_if_due()
    assert status.failing and status.overdue
    assert "không dùng được" in status.error
    assert backups_in(folder) == good  # the bad copy is gone, the good one stays
    db.dispose()


def test_an_unplugged_usb_disk_fails_keeps_old_backups_and_retries_later(db, tmp_path):
    clock = FrozenClock(AT)
    folder = tmp_path / "usb"
    folder.mkdir()
    schedule = schedule_for(db, folder, clock, folder=str(folder))
    schedule.run_if_due()
    first = backups_in(folder)
    assert len(first) == 1
    unplugged = tmp_path / "in-the-drawer"
    folder.rename(unplugged)
    clock.advance(hours=25)
    status = schedule.run_if_due()
    assert not folder.exists()  # never created on the local disk in the USB disk's place
    assert status.failing and status.overdue
    assert "ổ USB" in status.error and status.failed_at == clock()
    with db.read() as session:
        assert "ổ USB" in session.get(AppMeta, LAST_ERROR_KEY).value
    unplugged.rename(folder)
    clock.advance(minutes=10)
    schedule.run_if_due()
    assert backups_in(folder) == first  # no retry ten minutes after a failure
    clock.advance(minutes=30)
    status = schedule.run_if_due()
    assert len(backups_in(folder)) == 2 and first[0] in backups_in(folder)
    assert not status.failing and not status.overdue and status.error == ""


def test_a_full_disk_is_reported_and_leaves_no_partial_file(sqlite_url, tmp_path, monkeypatch):
    db = Database(sqlite_url)
    migrate(db)
    clock = FrozenClock(AT)
    folder = tmp_path / "usb"
    schedule = schedule_for(db, folder, clock)
    schedule.run_if_due()
    kept = backups_in(folder)

    def disk_full(_source: Path, dest: Path) -> Path:
        dest.with_name(dest.name + ".partial").write_bytes(b"half a backup")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "backup_sqlite_file", disk_full)
    clock.advance(days=2)
    status = schedule.run_if_due()
    assert status.failing and "No space left on device" in status.error
    assert sorted(p.name for p in folder.iterdir()) == kept  # no .partial, old one kept
    db.dispose()


def test_a_station_does_not_back_up_what_another_just_backed_up(db, tmp_path):
    clock = FrozenClock(AT)
    one = schedule_for(db, tmp_path / "may-1", clock)
    two = schedule_for(db, tmp_path / "may-2", clock)
    one.run_if_due()
    status = two.run_if_due()
    assert backups_in(tmp_path / "may-2") == []
    assert status.last_ok_at is not None and not status.overdue  # it knows from app_meta


@pytest.mark.postgres
def test_only_one_station_dumps_at_a_time_on_postgresql(pg_url, tmp_path):
    skip_without_pg_dump()
    db = Database(pg_url)
    migrate(db)
    clock = FrozenClock(AT)
    schedule = schedule_for(db, tmp_path / "usb", clock)
    other_station = Database(pg_url)
    with other_station.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_LOCK_KEY}).scalar()
        status = schedule.run_if_due()
        assert backups_in(tmp_path / "usb") == []  # the other station is dumping
        assert status.last_ok_at is None and status.overdue and not status.failing
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
    other_station.dispose()
    schedule.run_if_due()
    assert len(backups_in(tmp_path / "usb")) == 1
    db.dispose()


def test_warning_after_warn_hours_and_manual_only_stations(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    clock = FrozenClock(AT)
    manual = schedule_for(db, tmp_path / "bk", clock, auto=False, warn_after_hours=48)
    status = manual.run_if_due()
    assert backups_in(tmp_path / "bk") == []  # auto = false never backs up by itself
    assert status.overdue and status.last_ok_at is None
    manual.backup_verified()
    assert not manual.status().overdue
    clock.advance(hours=47)
    assert not manual.status().overdue
    clock.advance(hours=2)
    assert manual.status().overdue and not manual.status().failing
    db.dispose()


def test_a_garbled_record_reads_as_no_record(sqlite_url, tmp_path):
    db = Database(sqlite_url)
    migrate(db)
    with db.write() as session:
        session.add(AppMeta(key=LAST_OK_KEY, value="hôm qua"))
        session.add(AppMeta(key=LAST_FAILED_KEY, value="??"))
    status = schedule_for(db, tmp_path / "bk", FrozenClock(AT)).status()
    assert status.last_ok_at is None and status.failed_at is None and status.overdue
    db.dispose()


def test_backup_settings_are_checked():
    settings = parse_settings(
        {"backup": {"every_hours": 12, "warn_after_hours": 36, "auto": False}}, "t.toml", {}
    )
    assert (settings.backup.every_hours, settings.backup.warn_after_hours) == (12, 36)
    assert settings.backup.auto is False
    assert BackupSettings().every_hours == 24 and BackupSettings().warn_after_hours == 48
    with pytest.raises(SettingsError, match="every_hours"):
        parse_settings({"backup": {"every_hours": 0}}, "t.toml", {})
    with pytest.raises(SettingsError, match="warn_after_hours"):
        parse_settings({"backup": {"every_hours": 24, "warn_after_hours": 12}}, "t.toml", {})


def test_pg_tools_follow_the_configured_bindir(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    fake.mkdir()
    tool = fake / "pg_dump"
    tool.write_text("#!/bin/sh\n")
    monkeypatch.setenv("MOTCUA_PG_BINDIR", str(fake))
    assert find_pg_tool("pg_dump") == str(tool)
    monkeypatch.setenv("MOTCUA_PG_BINDIR", str(tmp_path / "nowhere"))
    assert find_pg_tool("pg_dump") != str(tool)
