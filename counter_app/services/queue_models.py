"""What the queue services hand out: plain frozen records, never database rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from counter_app.domain.queue import PRIORITY_KINDS, STATUS_LABELS
from db.models import QueueEvent, ServiceArea, Ticket

TICKET_QR_PREFIX = "MOTCUA-VE:"


@dataclass(frozen=True)
class AreaInfo:
    """A service area (kiosk tile)."""

    id: int
    name: str
    prefix: str
    position: int
    counters: tuple[int, ...]
    active: bool


@dataclass(frozen=True)
class AreaInput:
    """An area as an admin edits it (id None: a new area)."""

    name: str
    prefix: str
    counters: tuple[int, ...]
    position: int = 0
    active: bool = True
    id: int | None = None


@dataclass(frozen=True)
class TicketInfo:
    """A ticket, with how many wait before it and the estimated wait when just issued."""

    id: int
    label: str
    area_id: int
    area_name: str
    priority: str
    status: str
    issued_at: datetime
    counter: int | None
    target_counter: int | None
    called_at: datetime | None
    call_count: int
    done_at: datetime | None
    dossier_id: int | None
    print_status: str
    served_by_name: str = ""
    ahead: int = 0
    wait: timedelta = field(default_factory=timedelta)

    @property
    def priority_label(self) -> str:
        """The priority group in Vietnamese, or ""."""
        return PRIORITY_KINDS.get(self.priority, "")

    @property
    def status_label(self) -> str:
        """The status in Vietnamese."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def qr_data(self) -> str:
        """What the ticket's QR code holds: scanned at the counter, it finds this ticket."""
        return f"{TICKET_QR_PREFIX}{self.id}:{self.label}"


@dataclass(frozen=True)
class QueueEventInfo:
    """One event of the queue stream."""

    id: int
    at: datetime
    kind: str
    ticket_id: int | None
    label: str
    counter: int | None
    station: str
    details: dict[str, Any]


@dataclass(frozen=True)
class CounterNow:
    """What a counter is doing, for the display board."""

    counter: int
    label: str
    called_at: datetime


@dataclass(frozen=True)
class BoardState:
    """Everything the display board shows, so a board started late shows the present."""

    serving: tuple[CounterNow, ...]
    recent_calls: tuple[QueueEventInfo, ...]
    waiting_by_area: dict[str, int]
    notice: str
    last_event_id: int


def area_info(row: ServiceArea) -> AreaInfo:
    """An area row as a record."""
    return AreaInfo(
        row.id, row.name, row.prefix, row.position, tuple(row.counters or ()), row.active
    )


def ticket_info(
    row: Ticket, area_name: str, ahead: int = 0, wait: timedelta | None = None
) -> TicketInfo:
    """A ticket row as a record."""
    return TicketInfo(
        row.id,
        row.label,
        row.area_id,
        area_name,
        row.priority,
        row.status,
        row.issued_at,
        row.counter,
        row.target_counter,
        row.called_at,
        row.call_count,
        row.done_at,
        row.dossier_id,
        row.print_status,
        row.served_by_name,
        ahead,
        wait or timedelta(),
    )


def event_info(row: QueueEvent) -> QueueEventInfo:
    """An event row as a record."""
    return QueueEventInfo(
        row.id,
        row.at,
        row.kind,
        row.ticket_id,
        row.label,
        row.counter,
        row.station,
        dict(row.details or {}),
    )
