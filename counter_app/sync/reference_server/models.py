"""Tables of the reference provincial server, on their own metadata (not the app's db/base.py).

Times are ISO-8601 UTC text and payloads are the exact JSON text received, so that a snapshot
is a plain copy of rows. Tables are created with ``create_all`` on start: this is a reference
server for tests and demos, with no migrations.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ProvinceBase(DeclarativeBase):
    """Declarative base of the reference server's tables."""


class Meta(ProvinceBase):
    """Server-wide values: the epoch and the change sequence counter (never snapshotted)."""

    __tablename__ = "prov_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class OfficeToken(ProvinceBase):
    """A token issued to one office; only its SHA-256 is kept."""

    __tablename__ = "prov_office_token"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    office: Mapped[str] = mapped_column(String(40), index=True)
    issued_at: Mapped[str] = mapped_column(String(32))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class StoredDossier(ProvinceBase):
    """The latest snapshot of a dossier exactly as received, and where its history stands."""

    __tablename__ = "prov_dossier"

    ma_ho_so: Mapped[str] = mapped_column(String(60), primary_key=True)
    office: Mapped[str] = mapped_column(String(40), index=True)
    raw_json: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    snapshot_seq: Mapped[int] = mapped_column(Integer)  # seq of the op that brought raw_json
    last_seq: Mapped[int] = mapped_column(Integer)  # highest commune seq applied
    status: Mapped[int] = mapped_column(Integer)  # current TrangThaiHoSo, upstream moves included
    updated_at: Mapped[str] = mapped_column(String(32))


class AppliedOp(ProvinceBase):
    """One operation applied, kept by its op_id so that a resend is never applied twice."""

    __tablename__ = "prov_op"
    __table_args__ = (Index("ix_prov_op_dossier", "ma_ho_so", "seq"),)

    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    office: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    ma_ho_so: Mapped[str | None] = mapped_column(String(60))
    seq: Mapped[int | None] = mapped_column(Integer)
    item_hash: Mapped[str] = mapped_column(String(64))
    raw_data: Mapped[str] = mapped_column(Text)
    received_at: Mapped[str] = mapped_column(String(32))


class StoredRating(ProvinceBase):
    """A citizen's rating exactly as received; ratings never change once stored."""

    __tablename__ = "prov_rating"

    ma_danh_gia: Mapped[str] = mapped_column(String(160), primary_key=True)
    office: Mapped[str] = mapped_column(String(40), index=True)
    ma_ho_so: Mapped[str | None] = mapped_column(String(60))
    raw_json: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[str] = mapped_column(String(32))


class StoredAttachment(ProvinceBase):
    """A file by SHA-256: its announced length and whether it arrived whole and verified."""

    __tablename__ = "prov_attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    office: Mapped[str] = mapped_column(String(40))  # the first office that uploaded it
    length: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(32))


class UpstreamChange(ProvinceBase):
    """A change made at the province, for the office to pull, numbered by the server."""

    __tablename__ = "prov_change"
    __table_args__ = (Index("ix_prov_change_office_seq", "office", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    office: Mapped[str] = mapped_column(String(40))
    ma_ho_so: Mapped[str] = mapped_column(String(60))
    raw_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class BatchReply(ProvinceBase):
    """The answer given to a batch, by (office, Idempotency-Key), replayed on a resend."""

    __tablename__ = "prov_batch"

    office: Mapped[str] = mapped_column(String(40), primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    body_sha256: Mapped[str] = mapped_column(String(64))
    reply_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class Snapshot(ProvinceBase):
    """A copy of the data tables taken by the operator, to restore later (a fault for tests)."""

    __tablename__ = "prov_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[str] = mapped_column(String(32))
    rows_json: Mapped[str] = mapped_column(Text)


#: The tables a snapshot copies and a restore replaces (tokens and the meta row stay as they are).
SNAPSHOT_TABLES = (
    StoredDossier,
    AppliedOp,
    StoredRating,
    StoredAttachment,
    UpstreamChange,
    BatchReply,
)
