"""Writing a dossier's history line (QuaTrinhXuLy / a Mẫu 06 hand-off) inside a transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from counter_app.domain.dossier_status import DossierStatus
from counter_app.services.principal import Principal
from counter_app.sync.outbox import mark_dossier
from db.models import Dossier, DossierEvent


def add_event(
    session: Session,
    dossier: Dossier,
    principal: Principal,
    at: datetime,
    action: str,
    from_status: int | None,
    to_status: int,
    *,
    giver: str = "",
    receiver: str = "",
    unit: str = "",
    note: str = "",
    due_at: datetime | None = None,
    **details: Any,
) -> DossierEvent:
    """Append one step to the dossier's history and stamp the dossier as changed."""
    event = DossierEvent(
        dossier_id=dossier.id,
        at=at,
        action=action,
        from_status=from_status,
        to_status=int(DossierStatus(to_status)),
        user_id=principal.user_id,
        actor_name=principal.full_name or principal.username,
        actor_title=principal.role.label,
        station=principal.station,
        giver=giver,
        receiver=receiver,
        unit=unit,
        note=note,
        due_at=due_at if due_at is not None else dossier.due_at,
        details=details,
    )
    session.add(event)
    dossier.updated_at = at
    mark_dossier(session, dossier.id, at)
    return event
