"""Applicants, dossiers (hồ sơ), their papers, attachments, history and fee receipts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base


class Applicant(Base):
    """A citizen (LoaiDoiTuong 1) or a business/organisation (2) who files dossiers."""

    __tablename__ = "applicant"
    __table_args__ = (
        Index("ix_applicant_id_number", "id_number"),
        Index("ix_applicant_phone", "phone"),
        Index("ix_applicant_tax_code", "tax_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[int] = mapped_column(default=1)  # 1 công dân, 2 doanh nghiệp/tổ chức
    full_name: Mapped[str] = mapped_column(String(200))  # person, or organisation name
    id_number: Mapped[str] = mapped_column(String(12), default="")
    old_id_number: Mapped[str] = mapped_column(String(12), default="")
    birth_date: Mapped[date | None]
    gender: Mapped[str] = mapped_column(String(3), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    tax_code: Mapped[str] = mapped_column(String(14), default="")
    representative: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Dossier(Base):
    """One dossier taken at the counter: received (with a code), incomplete or refused."""

    __tablename__ = "dossier"
    __table_args__ = (
        Index("ix_dossier_status_due", "status", "due_at"),
        Index("ix_dossier_received_at", "received_at"),
        Index("ix_dossier_procedure", "procedure_code"),
        Index("ix_dossier_result_ready_at", "result_ready_at"),  # period reports
        Index("ix_dossier_returned_at", "returned_at"),
        UniqueConstraint("book_year", "book_number", name="uq_dossier_book"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(60), unique=True)  # None: not received
    status: Mapped[int]  # TrangThaiHoSo 1–10
    channel: Mapped[int] = mapped_column(default=1)  # KenhThucHien: 1 counter, 2 online, 3 post
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"))
    # Snapshot of the applicant and the procedure as they were at intake (forms reprint exactly).
    applicant_kind: Mapped[int] = mapped_column(default=1)
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_id_number: Mapped[str] = mapped_column(String(14), default="")
    applicant_address: Mapped[str] = mapped_column(String(300), default="")
    applicant_phone: Mapped[str] = mapped_column(String(20), default="")
    applicant_email: Mapped[str] = mapped_column(String(120), default="")
    submitter_name: Mapped[str] = mapped_column(String(200), default="")  # người nộp, if other
    procedure_code: Mapped[str] = mapped_column(String(30))
    procedure_name: Mapped[str] = mapped_column(String(500))
    field: Mapped[str] = mapped_column(String(200))
    processing_days: Mapped[str] = mapped_column(String(20))  # Decimal as text, exact
    processing_text: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(String(500), default="")  # trích yếu
    sets_count: Mapped[int] = mapped_column(default=1)  # số lượng hồ sơ (bộ)
    received_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    original_due_at: Mapped[datetime | None]  # before an apology letter moved it
    apology_used: Mapped[bool] = mapped_column(default=False)
    clock_started_at: Mapped[datetime | None]  # restarts after a supplement
    delivery: Mapped[int] = mapped_column(default=0)  # HinhThuc: 0 at counter, 1 by post
    postal_address: Mapped[str] = mapped_column(String(300), default="")
    handling_unit: Mapped[str] = mapped_column(String(200), default="")  # DonViXuLy
    book_year: Mapped[int | None]
    book_number: Mapped[int | None]
    fee_total: Mapped[int] = mapped_column(default=0)  # đồng
    decision_note: Mapped[str] = mapped_column(Text, default="")  # reasons (Mẫu 02/03)
    result_ready_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    return_tracking: Mapped[str] = mapped_column(String(60), default="")  # postal tracking no.
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    received_by_name: Mapped[str] = mapped_column(String(120), default="")
    station: Mapped[str] = mapped_column(String(100), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded code+name+id+phone
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    papers: Mapped[list[DossierPaper]] = relationship(
        back_populates="dossier", order_by="DossierPaper.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[DossierEvent]] = relationship(
        back_populates="dossier", order_by="DossierEvent.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="dossier", order_by="Attachment.id", cascade="all, delete-orphan"
    )


class DossierPaper(Base):
    """A paper of the procedure's checklist as ticked at the counter."""

    __tablename__ = "dossier_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(default=0)
    copies: Mapped[int] = mapped_column(default=0)
    required: Mapped[bool] = mapped_column(default=True)
    present_only: Mapped[bool] = mapped_column(default=False)
    received: Mapped[bool] = mapped_column(default=False)
    problem: Mapped[str] = mapped_column(Text, default="")  # missing/faulty: what to fix

    dossier: Mapped[Dossier] = relationship(back_populates="papers")


class Attachment(Base):
    """A digitised file of the dossier, stored by SHA-256 in the data folder."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_sha256", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    paper_position: Mapped[int | None]  # which paper it digitises, if known
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int]
    pages: Mapped[int] = mapped_column(default=1)
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(String(50), default="")

    dossier: Mapped[Dossier] = relationship(back_populates="attachments")


class DossierEvent(Base):
    """One step of a dossier's life (QuaTrinhXuLy; the Mẫu 06 control-sheet line)."""

    __tablename__ = "dossier_event"
    __table_args__ = (Index("ix_dossier_event_dossier", "dossier_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[int | None]
    to_status: Mapped[int]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    actor_name: Mapped[str] = mapped_column(String(120))  # NguoiXuLy
    actor_title: Mapped[str] = mapped_column(String(120), default="")  # ChucDanh
    station: Mapped[str] = mapped_column(String(100), default="")
    giver: Mapped[str] = mapped_column(String(200), default="")  # Mẫu 06: bên giao
    receiver: Mapped[str] = mapped_column(String(200), default="")  # Mẫu 06: bên nhận
    unit: Mapped[str] = mapped_column(String(200), default="")  # PhongBanXuLy
    note: Mapped[str] = mapped_column(Text, default="")  # NoiDungXuLy
    due_at: Mapped[datetime | None]  # the deadline in force at this step
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    dossier: Mapped[Dossier] = relationship(back_populates="events")


class FeeReceipt(Base):
    """A fee (phí, lệ phí) receipt: numbered per year from 1."""

    __tablename__ = "fee_receipt"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_fee_receipt_year_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    year: Mapped[int]
    number: Mapped[int]
    fee_name: Mapped[str] = mapped_column(String(300))
    amount: Mapped[int]  # đồng
    method: Mapped[str] = mapped_column(String(30))  # tiền mặt, chuyển khoản, bưu chính, trực tuyến
    payer_name: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime]
    issued_by: Mapped[str] = mapped_column(String(120))
