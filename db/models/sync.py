"""The sync outbox: operations for the provincial system, written with the change they carry."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class SyncOutbox(Base):
    """One operation to send, committed in the same transaction as the change it describes.

    The payload is frozen when written: a later edit is a new operation with the next `seq`.
    Order is the row id and `seq`, never a clock.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_state_id", "state", "id"),
        Index("ix_sync_outbox_dossier", "dossier_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)  # the idempotency key
    kind: Mapped[str] = mapped_column(String(10))  # dossier | status | rating
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    rating_id: Mapped[int | None] = mapped_column(ForeignKey("service_rating.id"))
    code: Mapped[str] = mapped_column(String(60), default="")  # MaHoSo, empty for a rating
    seq: Mapped[int] = mapped_column(default=0)  # per dossier, from 1
    payload: Mapped[str] = mapped_column(Text)  # compact JSON of the item's data
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending|done|rejected
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]


class SyncLease(Base):
    """Who is sending now: one sender among the stations, renewed while it works."""

    __tablename__ = "sync_lease"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120), default="")
    expires_at: Mapped[datetime | None]


class SyncFile(Base):
    """An attachment the province holds complete (so it is not uploaded again)."""

    __tablename__ = "sync_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    uploaded_at: Mapped[datetime]
