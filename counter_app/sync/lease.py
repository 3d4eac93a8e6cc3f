"""One sender at a time among the stations: a lease row claimed and renewed in the database.

The lease's times come from the database server's clock on PostgreSQL (stations' clocks may
disagree); SQLite has one machine, so its clock is the station's.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.clock import Clock
from db.engine import Database
from db.models import SyncLease

SENDER = "sender"


def _now(session: Session, db: Database, clock: Clock) -> datetime:
    if db.is_sqlite:
        return clock()
    return session.scalar(select(func.localtimestamp()))  # type: ignore[return-value]


def claim(db: Database, holder: str, clock: Clock, ttl: timedelta) -> bool:
    """Take or renew the sender lease for `holder`; False when another holds it."""
    with db.write() as session:
        insert = sqlite_insert if db.is_sqlite else pg_insert
        session.execute(
            insert(SyncLease)
            .values(name=SENDER, holder="", expires_at=None)
            .on_conflict_do_nothing(index_elements=["name"])
        )
        lease = session.get(SyncLease, SENDER, with_for_update=True)
        assert lease is not None
        now = _now(session, db, clock)
        free = lease.holder in ("", holder) or lease.expires_at is None or lease.expires_at < now
        if not free:
            return False
        lease.holder, lease.expires_at = holder, now + ttl
        return True


def release(db: Database, holder: str) -> None:
    """Give the lease up (a clean stop), so another station may send at once."""
    with db.write() as session:
        lease = session.get(SyncLease, SENDER, with_for_update=True)
        if lease is not None and lease.holder == holder:
            lease.holder, lease.expires_at = "", None


def holder_now(db: Database, clock: Clock) -> str:
    """Who holds an unexpired lease ("" when nobody)."""
    with db.read() as session:
        lease = session.get(SyncLease, SENDER)
        if lease is None or lease.expires_at is None:
            return ""
        return lease.holder if lease.expires_at >= _now(session, db, clock) else ""
