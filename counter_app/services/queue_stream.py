"""The queue's event stream: appended in each change's transaction.

On PostgreSQL a trigger (migration 0003) sends `NOTIFY motcua_queue` for each new event, so
it is announced at commit and never before.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from counter_app.services.principal import Principal
from db.models import QueueEvent, Ticket

NOTIFY_CHANNEL = "motcua_queue"


def add_event(
    session: Session,
    at: datetime,
    kind: str,
    principal: Principal,
    ticket: Ticket | tuple[int, str] | None = None,
    counter: int | None = None,
    **details: Any,
) -> None:
    """Append to the queue stream inside the transaction (PostgreSQL NOTIFYs it at commit).

    `ticket` is a ticket row, or (id, label) of one inserted without the ORM.
    """
    ticket_id, label = None, ""
    if isinstance(ticket, Ticket):
        if ticket.id is None:
            session.flush()  # the new ticket needs its id first
        ticket_id, label = ticket.id, ticket.label
    elif ticket is not None:
        ticket_id, label = ticket
    session.execute(
        insert(QueueEvent).values(
            at=at,
            day=at.date(),
            kind=kind,
            ticket_id=ticket_id,
            label=label,
            counter=counter,
            station=principal.station,
            actor=principal.full_name or principal.username,
            details=details,
        )
    )
