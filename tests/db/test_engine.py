"""Engine factory: SQLite safety settings on every connection, file permissions, PostgreSQL."""

from __future__ import annotations

import stat
import threading
import time

import pytest
from sqlalchemy import text

from db.engine import Database


def test_sqlite_connections_have_wal_full_sync_foreign_keys_and_busy_timeout(sqlite_url):
    db = Database(sqlite_url, busy_timeout_ms=7000)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
    db.dispose()


def test_sqlite_file_and_folder_are_user_only(tmp_path):
    path = tmp_path / "new-folder" / "counter.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.write() as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    db.dispose()


def test_write_rolls_back_everything_on_error(db_url):
    db = Database(db_url)
    with db.write() as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
    with pytest.raises(ZeroDivisionError), db.write() as session:
        session.execute(text("INSERT INTO t VALUES (1)"))
        session.execute(text("INSERT INTO t VALUES (2)"))
        _ = 1 / 0
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM t")).scalar() == 0
    db.dispose()


def test_sqlite_writers_queue_instead_of_failing(sqlite_url):
    """Two stations writing at once: the second waits for the first (BEGIN IMMEDIATE)."""
    db = Database(sqlite_url)
    with db.write() as session:
        session.execute(text("CREATE TABLE c (n INTEGER)"))
        session.execute(text("INSERT INTO c VALUES (0)"))
    other = Database(sqlite_url)
    started = threading.Event()

    def slow_writer() -> None:
        with db.write() as session:
            n = session.execute(text("SELECT n FROM c")).scalar()
            started.set()
            time.sleep(0.3)
            session.execute(text("UPDATE c SET n = :n"), {"n": n + 1})

    thread = threading.Thread(target=slow_writer)
    thread.start()
    started.wait()
    with other.write() as session:  # read-then-write: must see the first writer's result
        n = session.execute(text("SELECT n FROM c")).scalar()
        session.execute(text("UPDATE c SET n = :n"), {"n": n + 1})
    thread.join()
    with db.read() as session:
        assert session.execute(text("SELECT n FROM c")).scalar() == 2
    db.dispose()
    other.dispose()


def test_postgresql_url_connects(pg_url):
    db = Database(pg_url)
    with db.read() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    assert db.sqlite_file is None and not db.is_sqlite
    db.dispose()
