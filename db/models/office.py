"""The office (one commune's one-stop counter) and its counters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base


class Office(Base):
    """The one-stop-shop office this installation serves (one row)."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str] = mapped_column(String(35), unique=True)
    province_code: Mapped[str] = mapped_column(String(10))
    province_name: Mapped[str] = mapped_column(String(100))
    commune_code: Mapped[str] = mapped_column(String(10))
    commune_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]

    counters: Mapped[list[Counter]] = relationship(
        back_populates="office", order_by="Counter.number", cascade="all, delete-orphan"
    )


class Counter(Base):
    """A service counter (quầy) of the office, numbered from 1."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("office_id", "number", name="uq_counter_office_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)

    office: Mapped[Office] = relationship(back_populates="counters")
