"""The read side of the procedure catalogue: search, look-up, fields and counts."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import selectinload

from counter_app.domain.catalog import PaperSpec, ProcedureSpec
from counter_app.domain.text import fold, normalize
from counter_app.services.errors import NotFound
from db.engine import Database
from db.models import Procedure

MAX_SEARCH_RESULTS = 500


@dataclass(frozen=True)
class ProcedureSummary:
    """A procedure as listed in search results."""

    code: str
    name: str
    field: str
    processing_days: Decimal
    processing_text: str
    fee_amount: int | None
    fee_text: str
    boundary_free: bool
    active: bool


@dataclass(frozen=True)
class ProcedureDetail:
    """A procedure with its papers, source and note, detached from the database."""

    code: str
    name: str
    field: str
    processing_days: Decimal
    processing_text: str
    fee_amount: int | None
    fee_text: str
    boundary_free: bool
    active: bool
    papers: tuple[PaperSpec, ...]
    source: str
    note: str
    updated_at: datetime


def spec_of(row: Procedure) -> ProcedureSpec:
    """The stored procedure as a spec, its papers in stored order."""
    papers = tuple(
        PaperSpec(p.name, p.originals, p.copies, p.required, p.present_only) for p in row.papers
    )
    return ProcedureSpec(
        code=row.code,
        name=row.name,
        field=row.field,
        processing_days=row.processing_days,
        processing_text=row.processing_text,
        fee_amount=row.fee_amount,
        fee_text=row.fee_text,
        boundary_free=row.boundary_free,
        papers=papers,
        source=row.source,
        note=row.note,
    )


def _summary(row: Procedure) -> ProcedureSummary:
    return ProcedureSummary(
        row.code,
        row.name,
        row.field,
        row.processing_days,
        row.processing_text,
        row.fee_amount,
        row.fee_text,
        row.boundary_free,
        row.active,
    )


class CatalogQueries:
    """Search and look up the procedures the counter receives (read only)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self, query: str, field: str | None = None, limit: int = 50
    ) -> list[ProcedureSummary]:
        """Active procedures whose name, field or code contains every word of query, accents
        and case ignored; names containing the whole phrase first, then shorter names."""
        words = fold(query).split()
        stmt = select(Procedure).where(Procedure.active)
        if field:
            stmt = stmt.where(Procedure.field_folded == fold(field))
        for word in words:
            stmt = stmt.where(
                or_(
                    Procedure.name_folded.contains(word, autoescape=True),
                    Procedure.field_folded.contains(word, autoescape=True),
                    func.lower(Procedure.code).contains(word, autoescape=True),
                )
            )
        phrase = " ".join(words)
        stmt = stmt.order_by(
            case((Procedure.name_folded.contains(phrase, autoescape=True), 0), else_=1),
            func.length(Procedure.name),
            Procedure.name_folded,
        ).limit(max(0, min(limit, MAX_SEARCH_RESULTS)))
        with self._db.read() as session:
            return [_summary(row) for row in session.scalars(stmt)]

    def get(self, code: str) -> ProcedureDetail:
        """The procedure with this code (active or not), with its papers; NotFound otherwise."""
        wanted = normalize(code).upper()
        stmt = (
            select(Procedure)
            .where(Procedure.code == wanted)
            .options(selectinload(Procedure.papers))
        )
        with self._db.read() as session:
            row = session.scalars(stmt).one_or_none()
            if row is None:
                raise NotFound(f"Không có thủ tục mã “{wanted}” trong danh mục.")
            spec = spec_of(row)
            return ProcedureDetail(
                **dataclasses.asdict(_summary(row)),
                papers=spec.papers,
                source=row.source,
                note=row.note,
                updated_at=row.updated_at,
            )

    def fields(self) -> list[str]:
        """The fields (lĩnh vực) of active procedures, in alphabetical order ignoring accents."""
        stmt = (
            select(Procedure.field_folded, Procedure.field)
            .where(Procedure.active)
            .distinct()
            .order_by(Procedure.field_folded, Procedure.field)
        )
        with self._db.read() as session:
            names = [name for _folded, name in session.execute(stmt)]
        return list(dict.fromkeys(names))

    def count(self, include_inactive: bool = False) -> int:
        """How many procedures the catalogue holds (active ones unless asked otherwise)."""
        stmt = select(func.count(Procedure.id))
        if not include_inactive:
            stmt = stmt.where(Procedure.active)
        with self._db.read() as session:
            return int(session.scalar(stmt) or 0)
