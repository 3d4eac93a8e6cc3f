"""What the queue report's filters offer: service areas, counters and people, with names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.dossier_report_choices import office_counters, office_people
from db.models import ServiceArea


@dataclass(frozen=True)
class QueueChoices:
    """Areas (id, name) in hall order, counter numbers, clerks (id, name) by name."""

    areas: tuple[tuple[int, str], ...]
    counters: tuple[int, ...]
    clerks: tuple[tuple[int, str], ...]


def read_choices(session: Session) -> QueueChoices:
    """The service areas in hall order, the counters they are served at, the office's people.

    Read from the office's own lists: a grouped scan of two million tickets took 1.1 s on
    SQLite (bench/queue_report_bench.py), on every refresh of the report.
    """
    areas = session.execute(
        select(ServiceArea.id, ServiceArea.name).order_by(
            ServiceArea.active.desc(), ServiceArea.position, ServiceArea.id
        )
    ).all()
    return QueueChoices(
        tuple((int(key), str(name)) for key, name in areas),
        tuple(office_counters(session)),
        tuple(office_people(session)),
    )
