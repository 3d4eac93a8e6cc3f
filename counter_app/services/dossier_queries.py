"""Finding dossiers: accent-insensitive search with filters, one dossier in full, scanned codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session, selectinload

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.text import fold
from counter_app.services.errors import NotFound
from db.engine import Database
from db.models import Attachment, Dossier, DossierEvent, DossierPaper, FeeReceipt

#: Statuses in which the deadline runs (the clock stops while waiting for the citizen).
RUNNING = (DossierStatus.DUOC_TIEP_NHAN, DossierStatus.DANG_XU_LY)


@dataclass(frozen=True)
class DossierRow:
    """A dossier as listed: enough to find it and see whether it is late."""

    id: int
    code: str | None
    status: DossierStatus
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    procedure_code: str
    procedure_name: str
    received_at: datetime
    due_at: datetime | None
    overdue: bool
    due_soon: bool
    apology_used: bool


@dataclass(frozen=True)
class PaperRow:
    """A paper of the dossier as ticked at intake."""

    position: int
    name: str
    originals: int
    copies: int
    required: bool
    present_only: bool
    received: bool
    problem: str


@dataclass(frozen=True)
class EventRow:
    """One step of the dossier's history."""

    at: datetime
    action: str
    from_status: DossierStatus | None
    to_status: DossierStatus
    actor_name: str
    actor_title: str
    station: str
    giver: str
    receiver: str
    unit: str
    note: str
    due_at: datetime | None


@dataclass(frozen=True)
class AttachmentRow:
    """A digitised file of the dossier."""

    id: int
    filename: str
    media_type: str
    size_bytes: int
    pages: int
    sha256: str
    paper_position: int | None


@dataclass(frozen=True)
class FeeRow:
    """A fee receipt."""

    year: int
    number: int
    fee_name: str
    amount: int
    method: str
    payer_name: str
    issued_at: datetime
    issued_by: str


@dataclass(frozen=True)
class DossierDetail:
    """A dossier with everything printed on its forms and shown in its history."""

    row: DossierRow
    channel: int
    applicant_kind: int
    applicant_address: str
    applicant_email: str
    submitter_name: str
    field: str
    processing_days: str
    processing_text: str
    summary: str
    sets_count: int
    original_due_at: datetime | None
    delivery: int
    postal_address: str
    handling_unit: str
    book_year: int | None
    book_number: int | None
    fee_total: int
    decision_note: str
    result_ready_at: datetime | None
    returned_at: datetime | None
    return_tracking: str
    received_by_name: str
    papers: tuple[PaperRow, ...]
    events: tuple[EventRow, ...]
    attachments: tuple[AttachmentRow, ...]
    fees: tuple[FeeRow, ...]

    @property
    def id(self) -> int:
        """The dossier's id."""
        return self.row.id

    @property
    def code(self) -> str | None:
        """The dossier code (None when it was not received)."""
        return self.row.code

    @property
    def status(self) -> DossierStatus:
        """The current status."""
        return self.row.status


@dataclass(frozen=True)
class DossierFilter:
    """What the dossier list is narrowed to."""

    query: str = ""
    statuses: tuple[DossierStatus, ...] = ()
    procedure_code: str = ""
    received_from: date | None = None
    received_to: date | None = None
    overdue_only: bool = False
    due_soon_only: bool = False


_LIKE_SPECIAL = re.compile(r"([\\%_])")


def _like(term: str) -> str:
    return "%" + _LIKE_SPECIAL.sub(r"\\\1", term) + "%"


class DossierQueries:
    """Read side of dossiers."""

    def __init__(
        self, db: Database, clock: Clock = vietnam_now, calendar: WorkCalendar | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.calendar = calendar or WorkCalendar()

    def soon_limit(self, now: datetime) -> datetime:
        """Dossiers due before this moment are 'due soon': by the end of the next working day."""
        return datetime.combine(self.calendar.add_working_days(now.date(), 1), time.max)

    def search(self, flt: DossierFilter, limit: int = 200, offset: int = 0) -> list[DossierRow]:
        """Dossiers matching the filter, newest first."""
        now = self.clock()
        with self.db.read() as session:
            query = self._filtered(session, select(Dossier), flt, now)
            query = query.order_by(Dossier.received_at.desc(), Dossier.id.desc())
            rows = session.scalars(query.limit(limit).offset(offset))
            return [self._row(d, now) for d in rows]

    def count(self, flt: DossierFilter) -> int:
        """How many dossiers match the filter."""
        now = self.clock()
        with self.db.read() as session:
            query = self._filtered(session, select(func.count(Dossier.id)), flt, now)
            return int(session.scalar(query) or 0)

    def _filtered(
        self,
        session: Session,
        query: Select,
        flt: DossierFilter,
        now: datetime,  # type: ignore[type-arg]
    ) -> Select:  # type: ignore[type-arg]
        terms = fold(flt.query).split()
        if terms:
            query = query.where(*self._text_conditions(session, terms))
        if flt.statuses:
            query = query.where(Dossier.status.in_([int(s) for s in flt.statuses]))
        if flt.procedure_code:
            query = query.where(Dossier.procedure_code == flt.procedure_code)
        if flt.received_from:
            query = query.where(Dossier.received_at >= datetime.combine(flt.received_from, time()))
        if flt.received_to:
            end = datetime.combine(flt.received_to + timedelta(days=1), time())
            query = query.where(Dossier.received_at < end)
        if flt.overdue_only or flt.due_soon_only:
            query = query.where(Dossier.status.in_([int(s) for s in RUNNING]))
            if flt.overdue_only and not flt.due_soon_only:
                query = query.where(Dossier.due_at < now)
            elif flt.due_soon_only and not flt.overdue_only:
                query = query.where(Dossier.due_at >= now, Dossier.due_at <= self.soon_limit(now))
            else:
                query = query.where(Dossier.due_at <= self.soon_limit(now))
        return query

    @staticmethod
    def _text_conditions(session: Session, terms: list[str]) -> list:  # type: ignore[type-arg]
        conditions = []
        long_terms = [t for t in terms if len(t) >= 3]
        if session.get_bind().dialect.name == "sqlite" and long_terms:
            # FTS5 trigram index: every long term as a quoted substring phrase.
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            conditions.append(
                Dossier.id.in_(
                    select(text("rowid"))
                    .select_from(text("dossier_search"))
                    .where(text("dossier_search MATCH :match"))
                    .params(match=match)
                )
            )
            terms = [t for t in terms if len(t) < 3]
        for term in terms:  # pg_trgm serves these on PostgreSQL; short terms scan
            conditions.append(Dossier.search_text.like(_like(term), escape="\\"))
        return conditions

    def get(self, dossier_id: int) -> DossierDetail:
        """One dossier in full, raising NotFound."""
        now = self.clock()
        with self.db.read() as session:
            dossier = session.scalar(
                select(Dossier)
                .where(Dossier.id == dossier_id)
                .options(
                    selectinload(Dossier.papers),
                    selectinload(Dossier.events),
                    selectinload(Dossier.attachments),
                )
            )
            if dossier is None:
                raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
            fees = session.scalars(
                select(FeeReceipt)
                .where(FeeReceipt.dossier_id == dossier_id)
                .order_by(FeeReceipt.id)
            ).all()
            return self._detail(dossier, list(fees), now)

    def by_code(self, code: str) -> DossierDetail:
        """The dossier with this code, raising NotFound."""
        with self.db.read() as session:
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code.strip()))
        if dossier_id is None:
            raise NotFound(f"Không tìm thấy hồ sơ mã {code.strip()}.")
        return self.get(dossier_id)

    def resolve_scan(self, scanned: str) -> DossierDetail:
        """The dossier named by a scanned receipt barcode/QR (a dossier code, maybe in a URL)."""
        text_ = "".join(ch for ch in scanned if ch.isprintable()).strip()
        candidates = re.findall(r"[0-9A-Za-z.]+-\d{6}-\d{4,}", text_)
        for candidate in candidates:
            try:
                parse_code(candidate)
            except ValueError:
                continue
            return self.by_code(candidate)
        raise NotFound("Mã vừa quét không phải mã hồ sơ trên Giấy tiếp nhận và hẹn trả kết quả.")

    def _row(self, d: Dossier, now: datetime) -> DossierRow:
        status = DossierStatus(d.status)
        running = status in RUNNING and d.due_at is not None
        overdue = running and d.due_at is not None and d.due_at < now
        soon = running and not overdue and d.due_at is not None and d.due_at <= self.soon_limit(now)
        return DossierRow(
            d.id,
            d.code,
            status,
            d.applicant_name,
            d.applicant_id_number,
            d.applicant_phone,
            d.procedure_code,
            d.procedure_name,
            d.received_at,
            d.due_at,
            overdue,
            soon,
            d.apology_used,
        )

    def _detail(self, d: Dossier, fees: list[FeeReceipt], now: datetime) -> DossierDetail:
        return DossierDetail(
            row=self._row(d, now),
            channel=d.channel,
            applicant_kind=d.applicant_kind,
            applicant_address=d.applicant_address,
            applicant_email=d.applicant_email,
            submitter_name=d.submitter_name,
            field=d.field,
            processing_days=d.processing_days,
            processing_text=d.processing_text,
            summary=d.summary,
            sets_count=d.sets_count,
            original_due_at=d.original_due_at,
            delivery=d.delivery,
            postal_address=d.postal_address,
            handling_unit=d.handling_unit,
            book_year=d.book_year,
            book_number=d.book_number,
            fee_total=d.fee_total,
            decision_note=d.decision_note,
            result_ready_at=d.result_ready_at,
            returned_at=d.returned_at,
            return_tracking=d.return_tracking,
            received_by_name=d.received_by_name,
            papers=tuple(_paper(p) for p in d.papers),
            events=tuple(_event(e) for e in d.events),
            attachments=tuple(_attachment(a) for a in d.attachments),
            fees=tuple(_fee(f) for f in fees),
        )


def _paper(p: DossierPaper) -> PaperRow:
    return PaperRow(
        p.position, p.name, p.originals, p.copies, p.required, p.present_only, p.received, p.problem
    )


def _event(e: DossierEvent) -> EventRow:
    return EventRow(
        e.at,
        e.action,
        DossierStatus(e.from_status) if e.from_status else None,
        DossierStatus(e.to_status),
        e.actor_name,
        e.actor_title,
        e.station,
        e.giver,
        e.receiver,
        e.unit,
        e.note,
        e.due_at,
    )


def _attachment(a: Attachment) -> AttachmentRow:
    return AttachmentRow(
        a.id, a.filename, a.media_type, a.size_bytes, a.pages, a.sha256, a.paper_position
    )


def _fee(f: FeeReceipt) -> FeeRow:
    return FeeRow(
        f.year, f.number, f.fee_name, f.amount, f.method, f.payer_name, f.issued_at, f.issued_by
    )
