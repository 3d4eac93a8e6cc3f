"""The queue's event stream: appended in each change's transaction, announced at commit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.services.principal import Principal
from db.models import QueueEvent, Ticket

NOTIFY_CHANNEL = "motcua_queue"


def add_event(
    session: Session,
    at: datetime,
    kind: str,
    principal: Principal,
    ticket: Ticket | None = None,
    counter: int | None = None,
    **details: Any,
) -> None:
    """Append to the queue stream inside the transaction, and NOTIFY listeners at commit."""
    if ticket is not None and ticket.id is None:
        session.flush()  # the new ticket needs its id first
    event = QueueEvent(
        at=at,
        day=at.date(),
        kind=kind,
        ticket_id=ticket.id if ticket else None,
        label=ticket.label if ticket else "",
        counter=counter,
        station=principal.station,
        actor=principal.full_name or principal.username,
        details=details,
    )
    session.add(event)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": NOTIFY_CHANNEL, "payload": json.dumps({"id": event.id})},
        )
