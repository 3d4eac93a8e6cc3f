"""Installation facts and gap-free sequences (dossier numbers, books, tickets)."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class AppMeta(Base):
    """Key/value facts about the installation (e.g. the app version that last wrote it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


class SequenceCounter(Base):
    """The last number given out in a named sequence within a period (a day, a year)."""

    __tablename__ = "sequence_counter"
    __table_args__ = (UniqueConstraint("name", "period", name="uq_sequence_counter_name_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))  # e.g. "dossier:000.00.06.H56"
    period: Mapped[str] = mapped_column(String(20))  # e.g. "2026-11-23" or "2026"
    last_value: Mapped[int] = mapped_column(default=0)
