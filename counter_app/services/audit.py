"""The audit log: every sign-in and every change of state, written in the same transaction."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.principal import Principal
from db.engine import Database
from db.models import AuditEntry

log = logging.getLogger(__name__)


def record(
    session: Session,
    principal: Principal,
    at: datetime,
    action: str,
    entity_type: str = "",
    entity_id: str | int = "",
    **details: Any,
) -> None:
    """Add an audit line to the session; it commits (or not) with the change it describes."""
    session.add(
        AuditEntry(
            at=at,
            user_id=principal.user_id,
            username=principal.username,
            station=principal.station,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            details=details,
        )
    )
    # Ids only: personal data never goes to the log files.
    log.info(
        "audit %s by %s at %s on %s:%s",
        action,
        principal.username,
        principal.station,
        entity_type,
        entity_id,
    )


@dataclass(frozen=True)
class AuditLine:
    """One audit entry, detached from the database."""

    at: datetime
    username: str
    station: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]


def recent(db: Database, limit: int = 200, action: str | None = None) -> list[AuditLine]:
    """The newest audit lines, newest first."""
    with db.read() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEntry.action == action)
        return [
            AuditLine(
                e.at,
                e.username,
                e.station,
                e.action,
                e.entity_type,
                e.entity_id,
                dict(e.details or {}),
            )
            for e in session.scalars(query)
        ]
