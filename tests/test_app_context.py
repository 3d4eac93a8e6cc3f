"""Start-up faults: corrupt SQLite, unreachable PostgreSQL, unusable folders, locked database."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.app_context import CorruptDatabase, StartupError, open_context
from counter_app.paths import AppDirs
from counter_app.settings import parse_settings


def _dirs(tmp_path: Path) -> AppDirs:
    return AppDirs(tmp_path / "cfg", tmp_path / "data")


def test_fresh_start_creates_folders_and_schema(tmp_path):
    dirs = _dirs(tmp_path)
    ctx = open_context(dirs, parse_settings({}, "test", environ={}))
    assert (dirs.data_dir / "counter.sqlite3").exists()
    assert ctx.office.get() is None
    assert ctx.backups.check().ok
    ctx.close()


def test_corrupt_sqlite_is_detected_and_the_latest_backup_offered(tmp_path):
    dirs = _dirs(tmp_path)
    settings = parse_settings({}, "test", environ={})
    ctx = open_context(dirs, settings)
    with ctx.db.write() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('a', 'b')"))
    backup = ctx.backups.backup_now()
    ctx.close()
    path = dirs.data_dir / "counter.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\x00\xff" * 2048)
    with pytest.raises(CorruptDatabase) as caught:
        open_context(dirs, settings)
    assert caught.value.backups[0] == backup
    assert "bị hỏng" in str(caught.value) and backup.name in str(caught.value)


def test_unreachable_postgresql_gives_a_clear_message(tmp_path):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = parse_settings(
        {
            "database": {
                "url": f"postgresql+psycopg://motcua@127.0.0.1:{port}/x",
                "connect_timeout_s": 2,
            }
        },
        "test",
        environ={},
    )
    with pytest.raises(StartupError, match="Không kết nối được máy chủ cơ sở dữ liệu"):
        open_context(_dirs(tmp_path), settings)


def test_data_folder_that_is_a_file_is_explained(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StartupError, match="Không tạo được thư mục"):
        open_context(_dirs(tmp_path), parse_settings({}, "test", environ={}))


def test_locked_database_message_when_another_program_holds_it(tmp_path):
    dirs = _dirs(tmp_path)
    settings = parse_settings({"database": {"busy_timeout_ms": 200}}, "test", environ={})
    ctx = open_context(dirs, settings)
    holder = sqlite3.connect(dirs.data_dir / "counter.sqlite3")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Exception) as caught, ctx.db.write() as session:
            session.execute(text("INSERT INTO app_meta (key, value) VALUES ('x', 'y')"))
        from counter_app.services.db_errors import describe_db_error

        assert "đang bận" in describe_db_error(caught.value)
    finally:
        holder.rollback()
        holder.close()
    with ctx.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM app_meta")).scalar() == 0
    ctx.close()


def test_disk_full_while_saving_loses_nothing_and_is_explained(tmp_path):
    from counter_app.services.db_errors import describe_db_error

    ctx = open_context(_dirs(tmp_path), parse_settings({}, "test", environ={}))
    with ctx.db.write() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('truoc', 'x')"))
    with pytest.raises(Exception) as caught, ctx.db.write() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages + 1}"))  # the disk is now "full"
        for i in range(200):
            session.execute(
                text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"),
                {"k": f"k{i}", "v": "x" * 400},
            )
    assert "Ổ đĩa đã đầy" in describe_db_error(caught.value)
    ctx.db.dispose()
    with ctx.db.read() as session:
        keys = session.execute(text("SELECT key FROM app_meta")).scalars().all()
    assert keys == ["truoc"]
    ctx.close()
