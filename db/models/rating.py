"""Citizens' satisfaction ratings: one per service event, never naming the citizen."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ServiceRating(Base):
    """A citizen's answer about one service event (a ticket served, a dossier's result).

    It holds the counter, the clerk and the procedure for the supervisor's aggregates, and
    nothing about who rated: Decree 118 keeps raters confidential.
    """

    __tablename__ = "service_rating"
    __table_args__ = (Index("ix_service_rating_rated_at", "rated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String(40), unique=True)  # ticket:12, dossier:34
    client_key: Mapped[str] = mapped_column(String(40), unique=True)  # the screen's retry key
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    counter: Mapped[int | None]
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    clerk_name: Mapped[str] = mapped_column(String(120), default="")
    area_id: Mapped[int | None] = mapped_column(ForeignKey("service_area.id"))
    area_name: Mapped[str] = mapped_column(String(100), default="")
    procedure_code: Mapped[str] = mapped_column(String(30), default="")
    procedure_name: Mapped[str] = mapped_column(String(500), default="")
    scale: Mapped[str] = mapped_column(String(10))  # five | three
    level: Mapped[str] = mapped_column(String(20))
    score: Mapped[int]
    satisfied: Mapped[bool]
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    served_at: Mapped[datetime | None]
    rated_at: Mapped[datetime]
    saved_at: Mapped[datetime]  # later than rated_at when kept on the screen through an outage
    channel: Mapped[str] = mapped_column(String(10))  # counter | kiosk
    station: Mapped[str] = mapped_column(String(100), default="")
