"""The queue: service areas, numbered tickets, and the event stream every station follows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ServiceArea(Base):
    """A kiosk tile: a group of procedures with a letter prefix and the counters serving it."""

    __tablename__ = "service_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(1), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    counters: Mapped[list[int]] = mapped_column(JSON, default=list)  # counter numbers
    active: Mapped[bool] = mapped_column(default=True)


class Ticket(Base):
    """A queue number taken at the kiosk; numbering restarts each day per prefix."""

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("day", "prefix", "number", name="uq_ticket_day_prefix_number"),
        Index("ix_ticket_day_status", "day", "status"),
        Index("ix_ticket_dossier", "dossier_id"),  # a dossier's counter, in reports
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    prefix: Mapped[str] = mapped_column(String(1))
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(10))  # e.g. A023
    area_id: Mapped[int] = mapped_column(ForeignKey("service_area.id"))
    priority: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    issued_at: Mapped[datetime]
    issued_station: Mapped[str] = mapped_column(String(100), default="")
    target_counter: Mapped[int | None]  # transferred to a given counter
    requeued_at: Mapped[datetime | None]
    counter: Mapped[int | None]  # the counter serving or last calling it
    called_at: Mapped[datetime | None]  # first call at the current counter
    call_count: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None]
    served_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    served_by_name: Mapped[str] = mapped_column(String(120), default="")
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    print_status: Mapped[str] = mapped_column(String(10), default="pending")  # printed/failed
    request_key: Mapped[str | None] = mapped_column(String(40), unique=True)  # one per tap


class QueueEvent(Base):
    """One thing that happened in the queue; stations follow the stream by id."""

    __tablename__ = "queue_event"
    __table_args__ = (Index("ix_queue_event_day", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))  # issue, call, recall, skip, transfer, …
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    label: Mapped[str] = mapped_column(String(10), default="")
    counter: Mapped[int | None]
    station: Mapped[str] = mapped_column(String(100), default="")
    actor: Mapped[str] = mapped_column(String(120), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
