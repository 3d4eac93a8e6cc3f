"""The reference server's storage: engine, sessions, the epoch, the change counter, tokens.

SQLite or PostgreSQL through SQLAlchemy 2; the tables (models.py) are created with
``create_all`` on start, as befits a reference server. Writes go through one lock: the server
is a single process, and serialising writes keeps SQLite free of "database is locked" and
makes the change counter trivially monotonic.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from counter_app.sync.reference_server.files import AttachmentFiles
from counter_app.sync.reference_server.models import Meta, OfficeToken, ProvinceBase

log = logging.getLogger(__name__)

EPOCH_KEY = "epoch"
CHANGE_SEQ_KEY = "change_seq"


def utc_now_iso() -> str:
    """Now, as ISO-8601 UTC text with microseconds (how the tables keep times)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def token_digest(token: str) -> str:
    """SHA-256 hex of a token: what the table keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_epoch() -> str:
    """A fresh random epoch id."""
    return uuid.uuid4().hex[:16]


def _make_engine(db_url: str) -> Engine:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(db_url, pool_pre_ping=True)
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if not url.database or url.database == ":memory:":
        kwargs["poolclass"] = StaticPool
    else:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(db_url, **kwargs)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return engine


def default_files_dir(db_url: str) -> Path:
    """Beside an SQLite file (``<file>.files``), else a fresh temporary folder."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database + ".files")
    folder = Path(tempfile.mkdtemp(prefix="provincial-files-"))
    log.warning("No --files folder given: attachments go to %s and vanish with it", folder)
    return folder


class Store:
    """Database and attachment folder of one reference server."""

    def __init__(self, db_url: str, files_dir: Path | None = None) -> None:
        self.db_url = db_url
        self.engine = _make_engine(db_url)
        ProvinceBase.metadata.create_all(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_lock = threading.Lock()
        self._offices: dict[str, str] = {}  # live token digest -> office
        self.files = AttachmentFiles(files_dir or default_files_dir(db_url))
        with self.writing() as session:
            epoch = session.get(Meta, EPOCH_KEY)
            if epoch is None:
                epoch = Meta(key=EPOCH_KEY, value=new_epoch())
                session.add(epoch)
                session.add(Meta(key=CHANGE_SEQ_KEY, value="0"))
            self._epoch = epoch.value

    @property
    def epoch(self) -> str:
        """The current epoch: changes whenever acknowledged data may have been lost."""
        return self._epoch

    def set_epoch(self, session: Session, epoch: str) -> None:
        """Record a new epoch inside a write transaction (after a restore)."""
        session.execute(update(Meta).where(Meta.key == EPOCH_KEY).values(value=epoch))
        self._epoch = epoch

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction, one at a time; committed on success, rolled back on error."""
        with self.write_lock, self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads."""
        with self.sessions() as session:
            yield session

    def next_change_seq(self, session: Session) -> int:
        """Take the next change sequence number (inside ``writing``)."""
        row = session.get(Meta, CHANGE_SEQ_KEY)
        assert row is not None
        value = int(row.value) + 1
        row.value = str(value)
        return value

    def head_change_seq(self) -> int:
        """The last change sequence number given out."""
        with self.reading() as session:
            value = session.scalar(select(Meta.value).where(Meta.key == CHANGE_SEQ_KEY))
        return int(value or 0)

    def issue_token(self, office: str, token: str | None = None) -> str:
        """Issue a token for an office (a random one unless given) and return it."""
        token = token or secrets.token_urlsafe(32)
        with self.writing() as session:
            row = session.get(OfficeToken, token_digest(token))
            if row is None:
                session.add(
                    OfficeToken(
                        token_sha256=token_digest(token), office=office, issued_at=utc_now_iso()
                    )
                )
            elif row.office != office:
                raise ValueError("token already issued to another office")
            else:
                row.revoked = False
        self._offices.clear()
        return token

    def revoke_tokens(self, office: str) -> int:
        """Revoke every token of an office; return how many were live."""
        with self.writing() as session:
            result = session.execute(
                update(OfficeToken)
                .where(OfficeToken.office == office, OfficeToken.revoked.is_(False))
                .values(revoked=True)
            )
        self._offices.clear()
        return int(getattr(result, "rowcount", 0) or 0)

    def office_for_token(self, token: str) -> str | None:
        """The office a live token belongs to, or None (live tokens cached until tokens change)."""
        digest = token_digest(token)
        office = self._offices.get(digest)
        if office is None:
            with self.reading() as session:
                row = session.get(OfficeToken, digest)
            if row is None or row.revoked:
                return None
            office = self._offices[digest] = row.office
        return office

    def dispose(self) -> None:
        """Close the database connections."""
        self.engine.dispose()
