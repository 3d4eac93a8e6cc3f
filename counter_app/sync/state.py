"""What the sync remembers between runs, kept in `app_meta` so every station sees it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from db.models import AppMeta

TOKEN = "sync.token"
EPOCH = "sync.epoch"
CURSOR = "sync.cursor"  # the last upstream change applied (server sequence number)
LAST_SUCCESS = "sync.last_success"
LAST_ERROR = "sync.last_error"
LAST_ERROR_AT = "sync.last_error_at"
FAILURES = "sync.failures"  # consecutive failed attempts, for the backoff
NEXT_ATTEMPT = "sync.next_attempt"
RETRY_AFTER = "sync.retry_after"  # the province asked us to wait until then (429)
PAUSED = "sync.paused"  # "token" when the province refused the token
SKEW = "sync.skew_seconds"  # server clock minus ours, last seen


def get(session: Session, key: str, default: str = "") -> str:
    """A stored value, or `default`."""
    row = session.get(AppMeta, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    """Store a value (inside the caller's transaction)."""
    row = session.get(AppMeta, key)
    if row is None:
        session.add(AppMeta(key=key, value=value[:500]))
    else:
        row.value = value[:500]


def get_time(session: Session, key: str) -> datetime | None:
    """A stored moment, or None."""
    text = get(session, key)
    return datetime.fromisoformat(text) if text else None


def put_time(session: Session, key: str, at: datetime | None) -> None:
    """Store a moment (None clears it)."""
    put(session, key, at.isoformat() if at else "")


def get_int(session: Session, key: str) -> int:
    """A stored whole number, 0 when absent."""
    text = get(session, key)
    return int(text) if text.lstrip("-").isdigit() else 0
