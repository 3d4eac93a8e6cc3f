"""Engine factory and the `Database` handle services use to open short-lived sessions.

SQLite connections are set to WAL, synchronous=FULL, foreign keys on and a busy timeout, and
each connection checks that these took effect. Write transactions on SQLite start with
`BEGIN IMMEDIATE` so two stations never both read a counter and then race to write it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

EXPECTED_SQLITE_PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}


#: Key of `Session.info` holding {name: callable(session)} run just before commit.
BEFORE_COMMIT = "before_commit"


class DatabaseSetupError(RuntimeError):
    """The database connection does not have the safety settings it must have."""


def is_sqlite(url: str) -> bool:
    """True when the URL names an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, None for in-memory or other databases."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def _prepare_sqlite_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # Created here so it is user-only from the first byte (personal data, Decree 13/2023).
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own is wrong).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            found = {
                name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
                for name in EXPECTED_SQLITE_PRAGMAS
            }
        finally:
            cursor.close()
        if str(found["journal_mode"]).lower() == "memory":
            found["journal_mode"] = "wal"  # in-memory databases cannot use WAL
        wrong = {k: v for k, v in found.items() if v != EXPECTED_SQLITE_PRAGMAS[k]}
        if wrong:
            log.error("SQLite connection settings not applied: %s", wrong)
            raise DatabaseSetupError(f"Không đặt được chế độ an toàn cho cơ sở dữ liệu: {wrong}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, busy_timeout_ms: int = 10000, connect_timeout_s: int = 5) -> Engine:
    """Create an engine for SQLite (file, safe pragmas) or PostgreSQL (psycopg 3)."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            _prepare_sqlite_file(path)
        engine = create_engine(
            url,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            hide_parameters=True,  # a database error's text goes to the log: no citizen data
        )
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": connect_timeout_s, "application_name": "mot-cua-counter"},
    )


class Database:
    """A database handle: hands out short-lived sessions, one per service call."""

    def __init__(self, url: str, *, busy_timeout_ms: int = 10000, connect_timeout_s: int = 5):
        self.url = url
        self.engine = make_engine(
            url, busy_timeout_ms=busy_timeout_ms, connect_timeout_s=connect_timeout_s
        )
        self.is_sqlite = is_sqlite(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; anything left open is rolled back."""
        with self._factory() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits as one transaction, or not at all on error.

        Callables in `session.info["before_commit"]` run last inside the transaction (the
        sync outbox writes its snapshots there, once every change is in place).
        """
        with self._factory() as session:
            if self.is_sqlite:
                session.connection(execution_options={"sqlite_immediate": True})
            try:
                yield session
                for hook in session.info.pop(BEFORE_COMMIT, {}).values():
                    hook(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite file, or None."""
        return sqlite_path(self.url)
