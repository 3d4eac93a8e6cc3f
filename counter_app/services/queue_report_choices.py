"""What the queue report's filters offer: service areas, counters and clerks, with names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.text import fold
from db.models import ServiceArea, Ticket


@dataclass(frozen=True)
class QueueChoices:
    """Areas (id, name) in hall order, counter numbers, clerks (id, name) by name."""

    areas: tuple[tuple[int, str], ...]
    counters: tuple[int, ...]
    clerks: tuple[tuple[int, str], ...]


def read_choices(session: Session) -> QueueChoices:
    """The active areas and those with tickets; the counters and clerks that called tickets.

    One grouped scan of the tickets gives all three: its result has a row per (area, counter,
    clerk) that ever met, a few hundred at most.
    """
    met = session.execute(
        select(
            Ticket.area_id, Ticket.counter, Ticket.served_by_id, func.max(Ticket.served_by_name)
        ).group_by(Ticket.area_id, Ticket.counter, Ticket.served_by_id)
    ).all()
    used_areas = {area_id for area_id, *_ in met}
    areas = [
        (area_id, name)
        for area_id, name, active in session.execute(
            select(ServiceArea.id, ServiceArea.name, ServiceArea.active).order_by(
                ServiceArea.position, ServiceArea.id
            )
        )
        if active or area_id in used_areas
    ]
    counters = sorted({counter for _, counter, *_ in met if counter is not None})
    names: dict[int, str] = {}
    for _, _, clerk_id, name in met:
        if clerk_id is not None:
            names[clerk_id] = max(names.get(clerk_id, ""), str(name or ""))
    clerks = sorted(
        ((clerk_id, name or str(clerk_id)) for clerk_id, name in names.items()),
        key=lambda kn: (fold(kn[1]), kn[0]),
    )
    return QueueChoices(tuple(areas), tuple(counters), tuple(clerks))
