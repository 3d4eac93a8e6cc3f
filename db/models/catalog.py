"""The procedure catalogue (thủ tục hành chính) and each procedure's papers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base


class Procedure(Base):
    """An administrative procedure the commune counter receives."""

    __tablename__ = "procedure"
    __table_args__ = (Index("ix_procedure_name_folded", "name_folded"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)  # national code, e.g. 1.001193
    name: Mapped[str] = mapped_column(String(500))
    name_folded: Mapped[str] = mapped_column(String(500))  # accent-free, for search
    field: Mapped[str] = mapped_column(String(200))  # lĩnh vực
    field_folded: Mapped[str] = mapped_column(String(200))
    processing_days: Mapped[Decimal] = mapped_column(Numeric(8, 3))  # working days, fractions ok
    processing_text: Mapped[str] = mapped_column(String(200), default="")
    fee_amount: Mapped[int | None]  # đồng; None when set by the province or varies
    fee_text: Mapped[str] = mapped_column(Text, default="")
    boundary_free: Mapped[bool] = mapped_column(default=False)  # phi địa giới (Art. 14)
    active: Mapped[bool] = mapped_column(default=True)
    source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]

    papers: Mapped[list[ProcedurePaper]] = relationship(
        back_populates="procedure", order_by="ProcedurePaper.position", cascade="all, delete-orphan"
    )


class ProcedurePaper(Base):
    """One paper of a procedure's dossier (thành phần hồ sơ)."""

    __tablename__ = "procedure_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(default=0)  # bản chính
    copies: Mapped[int] = mapped_column(default=0)  # bản sao
    required: Mapped[bool] = mapped_column(default=True)  # False: only in some cases
    present_only: Mapped[bool] = mapped_column(default=False)  # shown, not handed in (xuất trình)

    procedure: Mapped[Procedure] = relationship(back_populates="papers")
