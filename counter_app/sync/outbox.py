"""The transactional outbox: a change and the operation that carries it commit together.

Services mark what they changed (`mark_dossier`, `mark_rating`); just before the commit the
marked dossiers are read whole and frozen into operations, so the province receives each
state exactly as it was committed. A dossier whose content did not change adds nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.sync_payload import (
    KIND_DOSSIER,
    KIND_RATING,
    compact_json,
    content_hash,
    dossier_payload,
    new_op_id,
    rating_payload,
)
from counter_app.sync.snapshots import dossier_snapshot, rating_record
from db.engine import BEFORE_COMMIT
from db.models import Dossier, ServiceRating, SyncOutbox

_DOSSIERS = "sync.dossiers"
_RATINGS = "sync.ratings"
_NOW = "sync.now"
_FORCE = "sync.force"


def mark_dossier(session: Session, dossier_id: int, now: datetime) -> None:
    """This dossier changed in this transaction: queue its new state at commit."""
    session.info.setdefault(_DOSSIERS, set()).add(dossier_id)
    _arm(session, now)


def force_snapshot(session: Session, dossier_id: int, now: datetime) -> None:
    """Queue the dossier's state even if unchanged (the province lost what we sent)."""
    session.info.setdefault(_FORCE, set()).add(dossier_id)
    mark_dossier(session, dossier_id, now)


def mark_rating(session: Session, rating: ServiceRating, now: datetime) -> None:
    """This rating was saved in this transaction: queue it at commit."""
    session.info.setdefault(_RATINGS, []).append(rating)
    _arm(session, now)


def _arm(session: Session, now: datetime) -> None:
    session.info[_NOW] = now
    session.info.setdefault(BEFORE_COMMIT, {})["sync.outbox"] = write_operations


def write_operations(session: Session) -> None:
    """Freeze every marked change into an outbox row (runs inside the transaction)."""
    session.flush()
    now: datetime = session.info.pop(_NOW)
    forced: set[int] = session.info.pop(_FORCE, set())
    for dossier_id in sorted(session.info.pop(_DOSSIERS, ())):
        dossier = session.get(Dossier, dossier_id)
        if dossier is None or dossier.code is None:
            continue  # refused at the counter, never received: nothing to report
        data = dossier_payload(dossier_snapshot(session, dossier))
        digest = content_hash(data)
        last = session.execute(
            select(SyncOutbox.seq, SyncOutbox.content_hash)
            .where(SyncOutbox.dossier_id == dossier_id)
            .order_by(SyncOutbox.seq.desc())
            .limit(1)
        ).first()
        if last is not None and last.content_hash == digest and dossier_id not in forced:
            continue
        seq = (last.seq if last is not None else 0) + 1
        session.add(
            SyncOutbox(
                op_id=new_op_id(),
                kind=KIND_DOSSIER,
                dossier_id=dossier_id,
                code=dossier.code,
                seq=seq,
                payload=compact_json(data).decode("utf-8"),
                content_hash=digest,
                created_at=now,
            )
        )
    for rating in session.info.pop(_RATINGS, ()):
        data = rating_payload(rating_record(session, rating))
        session.add(
            SyncOutbox(
                op_id=new_op_id(),
                kind=KIND_RATING,
                rating_id=rating.id,
                dossier_id=rating.dossier_id,
                payload=compact_json(data).decode("utf-8"),
                content_hash=content_hash(data),
                created_at=now,
            )
        )
    session.flush()


def pending_count(session: Session) -> int:
    """How many operations wait to be sent."""
    return session.scalar(select(func.count()).where(SyncOutbox.state == "pending")) or 0
