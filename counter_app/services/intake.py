"""Intake at the counter: receive a complete dossier (Mẫu 01), ask for more (Mẫu 02), refuse (03).

Each decision is one transaction: the applicant, the dossier with its papers, its code, its
tracking-book number, its fee receipt, its first history line and the audit line all commit
together, or nothing does.
"""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.intake import (
    ORGANISATION,
    ApplicantInput,
    IntakeInput,
    clean_applicant,
    intake_problems,
)
from counter_app.domain.roles import Role
from counter_app.domain.text import fold, normalize
from counter_app.services import audit
from counter_app.services.attachment_store import FileFacts
from counter_app.services.attachments import AttachmentService
from counter_app.services.crash_points import crash_point
from counter_app.services.dossier_events import add_event
from counter_app.services.dossier_queries import DossierDetail, DossierQueries
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.services.sequences import allocate_dossier_code, next_value
from db.engine import Database
from db.models import Applicant, Dossier, DossierPaper, FeeReceipt, Office, Procedure

log = logging.getLogger(__name__)

STAFF = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)


def search_text(code: str | None, applicant: ApplicantInput) -> str:
    """The folded text a dossier is found by: code, name, id number, phone, tax code."""
    parts = [
        code or "",
        applicant.full_name,
        applicant.id_number,
        applicant.old_id_number,
        applicant.phone,
        applicant.tax_code,
        applicant.representative,
    ]
    return fold(" ".join(p for p in parts if p))


class IntakeService:
    """The three intake decisions."""

    def __init__(
        self,
        db: Database,
        calendar: WorkCalendar,
        clock: Clock = vietnam_now,
        attachments: AttachmentService | None = None,
    ) -> None:
        self.db = db
        self.calendar = calendar
        self.clock = clock
        self.attachments = attachments
        self.queries = DossierQueries(db, clock, calendar)

    def _store_files(self, intake: IntakeInput) -> list[tuple[FileFacts, int | None]]:
        """Check and store every chosen file before the transaction; all problems at once."""
        if not intake.attachments:
            return []
        if self.attachments is None:
            raise ValidationError("Máy này chưa cấu hình nơi lưu tệp đính kèm.")
        stored, problems = [], []
        for item in intake.attachments:
            try:
                stored.append((self.attachments.store.store(item.path), item.paper_position))
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return stored

    def _attach(
        self,
        session: Session,
        principal: Principal,
        dossier_id: int,
        files: list[tuple[FileFacts, int | None]],
    ) -> None:
        assert self.attachments is not None or not files
        for facts, position in files:
            assert self.attachments is not None
            self.attachments.add(session, principal, dossier_id, facts, position)

    def find_applicants(self, query: str, limit: int = 10) -> list[ApplicantInput]:
        """Returning applicants by id number, tax code or phone (exact), newest first."""
        key = "".join(normalize(query).split())  # no NUL or invisible mark reaches the query
        if len(key) < 6:
            return []
        phone = key.replace("+84", "0", 1) if key.startswith("+84") else key
        with self.db.read() as session:
            rows = session.scalars(
                select(Applicant)
                .where(
                    or_(
                        Applicant.id_number == key,
                        Applicant.old_id_number == key,
                        Applicant.tax_code == key,
                        Applicant.phone == phone,
                    )
                )
                .order_by(Applicant.updated_at.desc())
                .limit(limit)
            )
            return [_applicant_input(a) for a in rows]

    def accept(self, principal: Principal, intake: IntakeInput) -> DossierDetail:
        """Receive a complete dossier: status 2, code, due time, book number, fee receipt."""
        require_role(principal, *STAFF)
        now = self.clock()
        files = self._store_files(intake)
        with self.db.write() as session:
            procedure = self._procedure(session, intake.procedure_code)
            problems = intake_problems(intake, now.date())
            missing = _missing_required(procedure, intake)
            if missing:
                problems.append(
                    "Hồ sơ chưa đủ giấy tờ bắt buộc, không thể tiếp nhận: "
                    + "; ".join(missing)
                    + ". Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)."
                )
            if problems:
                raise ValidationError(problems)
            office = _office(session)
            days = Decimal(procedure.processing_days)
            due = self.calendar.due(now, days)
            dossier = self._new_dossier(session, principal, intake, procedure, now)
            dossier.status = DossierStatus.DUOC_TIEP_NHAN
            dossier.code = allocate_dossier_code(session, office.agency_code, now.date())
            dossier.search_text = search_text(dossier.code, clean_applicant(intake.applicant))
            dossier.due_at = dossier.original_due_at = due
            dossier.clock_started_at = now
            dossier.book_year = now.year
            dossier.book_number = next_value(session, f"book:{office.agency_code}", str(now.year))
            dossier.handling_unit = f"UBND {office.commune_name}"
            session.add(dossier)
            session.flush()
            if intake.fee_amount > 0:
                _add_fee_receipt(session, principal, dossier, intake, procedure, now)
            self._attach(session, principal, dossier.id, files)
            add_event(
                session,
                dossier,
                principal,
                now,
                "receive",
                None,
                DossierStatus.DUOC_TIEP_NHAN,
                giver=dossier.applicant_name,
                receiver=principal.full_name,
                note="Tiếp nhận hồ sơ",
                due_at=due,
            )
            audit.record(
                session, principal, now, "dossier.receive", "dossier", dossier.id, code=dossier.code
            )
            crash_point("intake_before_commit")  # files stored, every row flushed (crash tests)
            log.info("dossier %s received (id %s)", dossier.code, dossier.id)
            dossier_id = dossier.id
        return self.queries.get(dossier_id)

    def request_supplement(self, principal: Principal, intake: IntakeInput) -> DossierDetail:
        """Mẫu 02: the dossier is incomplete; every missing or faulty paper is listed at once."""
        require_role(principal, *STAFF)
        now = self.clock()
        files = self._store_files(intake)
        with self.db.write() as session:
            procedure = self._procedure(session, intake.procedure_code)
            problems = intake_problems(intake, now.date())
            faulty = [p for p in intake.papers if normalize(p.problem)]
            if (
                not faulty
                and not _missing_required(procedure, intake)
                and not normalize(intake.reasons)
            ):
                problems.append(
                    "Cần đánh dấu ít nhất một giấy tờ còn thiếu hoặc chưa hợp lệ, hoặc ghi rõ "
                    "nội dung cần bổ sung."
                )
            if problems:
                raise ValidationError(problems)
            dossier = self._new_dossier(session, principal, intake, procedure, now)
            dossier.status = DossierStatus.YEU_CAU_BO_SUNG
            dossier.decision_note = normalize(intake.reasons)
            session.add(dossier)
            session.flush()
            self._attach(session, principal, dossier.id, files)
            add_event(
                session,
                dossier,
                principal,
                now,
                "intake_supplement",
                None,
                DossierStatus.YEU_CAU_BO_SUNG,
                giver=principal.full_name,
                receiver=dossier.applicant_name,
                note="Hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
            )
            audit.record(
                session, principal, now, "dossier.intake_supplement", "dossier", dossier.id
            )
            dossier_id = dossier.id
        return self.queries.get(dossier_id)

    def refuse(self, principal: Principal, intake: IntakeInput) -> DossierDetail:
        """Mẫu 03: refuse to receive the dossier, with the reasons."""
        require_role(principal, *STAFF)
        now = self.clock()
        with self.db.write() as session:
            procedure = self._procedure(session, intake.procedure_code)
            problems = intake_problems(intake, now.date())
            if not normalize(intake.reasons):
                problems.append("Cần ghi rõ lý do từ chối tiếp nhận hồ sơ.")
            if problems:
                raise ValidationError(problems)
            dossier = self._new_dossier(session, principal, intake, procedure, now)
            dossier.status = DossierStatus.KHONG_DUOC_TIEP_NHAN
            dossier.decision_note = normalize(intake.reasons)
            session.add(dossier)
            session.flush()
            add_event(
                session,
                dossier,
                principal,
                now,
                "refuse",
                None,
                DossierStatus.KHONG_DUOC_TIEP_NHAN,
                giver=principal.full_name,
                receiver=dossier.applicant_name,
                note="Từ chối tiếp nhận hồ sơ (Mẫu 03): " + dossier.decision_note,
            )
            audit.record(session, principal, now, "dossier.refuse", "dossier", dossier.id)
            dossier_id = dossier.id
        return self.queries.get(dossier_id)

    @staticmethod
    def _procedure(session: Session, code: str) -> Procedure:
        code = normalize(code).upper()  # PostgreSQL refuses a NUL character in a query
        procedure = session.scalar(
            select(Procedure).where(Procedure.code == code, Procedure.active)
        )
        if procedure is None:
            raise NotFound(f"Không có thủ tục mã “{code[:40]}” trong danh mục đang áp dụng.")
        return procedure

    def _new_dossier(
        self,
        session: Session,
        principal: Principal,
        intake: IntakeInput,
        procedure: Procedure,
        now: datetime,
    ) -> Dossier:
        applicant = _save_applicant(session, clean_applicant(intake.applicant), now)
        checks = {p.position: p for p in intake.papers}
        a = clean_applicant(intake.applicant)
        dossier = Dossier(
            status=DossierStatus.MOI_DANG_KY,
            channel=intake.channel,
            applicant_id=applicant.id,
            applicant_kind=a.kind,
            applicant_name=a.full_name,
            applicant_id_number=a.tax_code if a.kind == ORGANISATION else a.id_number,
            applicant_address=a.address,
            applicant_phone=a.phone,
            applicant_email=a.email,
            submitter_name=normalize(intake.submitter_name)
            or (a.representative if a.kind == ORGANISATION else ""),
            procedure_code=procedure.code,
            procedure_name=procedure.name,
            field=procedure.field,
            processing_days=str(Decimal(procedure.processing_days).normalize()),
            processing_text=procedure.processing_text,
            summary=normalize(intake.summary) or procedure.name,
            sets_count=intake.sets_count,
            received_at=now,
            delivery=intake.delivery,
            postal_address=normalize(intake.postal_address),
            fee_total=intake.fee_amount,
            received_by_id=principal.user_id,
            received_by_name=principal.full_name,
            station=principal.station,
            search_text=search_text(None, a),
            created_at=now,
            updated_at=now,
        )
        for paper in procedure.papers:
            check = checks.get(paper.position)
            dossier.papers.append(
                DossierPaper(
                    position=paper.position,
                    name=paper.name,
                    originals=paper.originals,
                    copies=paper.copies,
                    required=paper.required,
                    present_only=paper.present_only,
                    received=bool(check and check.received),
                    problem=normalize(check.problem) if check else "",
                )
            )
        return dossier


def _missing_required(procedure: Procedure, intake: IntakeInput) -> list[str]:
    received = {p.position for p in intake.papers if p.received and not normalize(p.problem)}
    return [
        paper.name
        for paper in procedure.papers
        if paper.required and not paper.present_only and paper.position not in received
    ]


def _office(session: Session) -> Office:
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    if office is None:
        raise NotFound("Chưa khai báo cơ quan: hãy chạy trình thiết lập ban đầu.")
    return office


def _save_applicant(session: Session, a: ApplicantInput, now: datetime) -> Applicant:
    """Reuse the applicant with the same id number (or tax code), updating what changed."""
    key = a.tax_code if a.kind == ORGANISATION else a.id_number
    row = None
    if key:
        column = Applicant.tax_code if a.kind == ORGANISATION else Applicant.id_number
        row = session.scalar(select(Applicant).where(column == key).limit(1))
    if row is None:
        row = Applicant(created_at=now)
        session.add(row)
    for name in (
        "kind",
        "full_name",
        "id_number",
        "old_id_number",
        "birth_date",
        "gender",
        "address",
        "phone",
        "email",
        "tax_code",
        "representative",
    ):
        value = getattr(a, name)
        if value or getattr(row, name, None) is None:
            setattr(row, name, value)
    row.updated_at = now
    session.flush()
    return row


def _applicant_input(row: Applicant) -> ApplicantInput:
    return ApplicantInput(
        full_name=row.full_name,
        kind=row.kind,
        id_number=row.id_number,
        old_id_number=row.old_id_number,
        birth_date=row.birth_date,
        gender=row.gender,
        address=row.address,
        phone=row.phone,
        email=row.email,
        tax_code=row.tax_code,
        representative=row.representative,
    )


def _add_fee_receipt(
    session: Session,
    principal: Principal,
    dossier: Dossier,
    intake: IntakeInput,
    procedure: Procedure,
    now: datetime,
) -> FeeReceipt:
    receipt = FeeReceipt(
        dossier_id=dossier.id,
        year=now.year,
        number=next_value(session, "fee_receipt", str(now.year)),
        fee_name=f"Phí, lệ phí: {procedure.name}"[:300],
        amount=intake.fee_amount,
        method=normalize(intake.fee_method) or "Tiền mặt",
        payer_name=dossier.applicant_name,
        issued_at=now,
        issued_by=principal.full_name,
    )
    session.add(receipt)
    return receipt
