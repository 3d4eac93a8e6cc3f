"""The printed forms of a dossier, rendered on demand from what was saved (always re-printable)."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from pypdf import PdfWriter
from sqlalchemy import select

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.deadline import timeliness
from counter_app.domain.dossier_actions import TIMED_ACTIONS, action_label
from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.intake import BY_POST
from counter_app.services.dossier_queries import DossierDetail, DossierQueries
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.office import OfficeInfo, OfficeService
from db.engine import Database
from db.models import Dossier
from printers.forms import data as f
from printers.forms.fee_receipt import render_fee_receipt
from printers.forms.mau01_receipt import render_receipt
from printers.forms.mau02_supplement import render_supplement
from printers.forms.mau03_refusal import render_refusal
from printers.forms.mau04_apology import render_apology
from printers.forms.mau06_control_sheet import render_control_sheet
from printers.forms.mau07_tracking_book import render_tracking_book

_COMMUNE_PREFIXES = ("Phường ", "Xã ", "Đặc khu ", "Thị trấn ")


class FormKind(StrEnum):
    """A printed form of a dossier."""

    RECEIPT = "mau01"
    SUPPLEMENT = "mau02"
    REFUSAL = "mau03"
    APOLOGY = "xin-loi"
    CONTROL_SHEET = "mau06"
    FEE_RECEIPT = "bien-lai"

    @property
    def label(self) -> str:
        """The form's name as clerks know it."""
        return {
            "mau01": "Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            "mau02": "Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            "mau03": "Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ",
            "xin-loi": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
            "mau06": "Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ",
            "bien-lai": "Biên lai thu phí, lệ phí",
        }[self.value]


def office_header(office: OfficeInfo) -> f.OfficeHeader:
    """The two-column header's agency block and the place of the date line."""
    place = office.commune_name
    for prefix in _COMMUNE_PREFIXES:
        if place.startswith(prefix):
            place = place[len(prefix) :]
    return f.OfficeHeader(
        superior=f"UBND {office.commune_name}".upper(),
        office_name=office.name,
        place_name=place,
        address=office.address,
        phone=office.phone,
    )


def _papers(d: DossierDetail, received_only: bool = False) -> tuple[f.PaperLine, ...]:
    """Papers as printed: a paper is wanting when it has a problem, or is required and absent."""
    return tuple(
        f.PaperLine(
            p.name,
            p.originals,
            p.copies,
            ok=not p.problem and (p.received or not p.required or p.present_only),
            problem=p.problem,
        )
        for p in d.papers
        if p.received or not received_only
    )


def processing_phrase(d: DossierDetail) -> str:
    """The legal processing time as printed: the catalogue's wording, or "N ngày làm việc"."""
    if any(ch.isalpha() for ch in d.processing_text):
        return d.processing_text
    return f"{d.processing_days.replace('.', ',')} ngày làm việc"


def _delivery(d: DossierDetail) -> str:
    if d.delivery == BY_POST:
        return f"Qua dịch vụ bưu chính công ích, địa chỉ: {d.postal_address}"
    return "Bộ phận Một cửa (nhận trực tiếp)"


class FormService:
    """Renders a dossier's forms and the period books as PDF bytes."""

    def __init__(
        self,
        db: Database,
        office: OfficeService,
        queries: DossierQueries,
        paper: f.Paper = "A5",
        clock: Clock = vietnam_now,
    ) -> None:
        self.db = db
        self.office = office
        self.queries = queries
        self.paper = paper
        self.clock = clock

    def forms_for(self, d: DossierDetail) -> list[FormKind]:
        """The forms this dossier has, in the order they were issued."""
        if d.status is DossierStatus.KHONG_DUOC_TIEP_NHAN:
            return [FormKind.REFUSAL]
        if d.code is None:
            return [FormKind.SUPPLEMENT]
        kinds = [FormKind.RECEIPT]
        if d.fees:
            kinds.append(FormKind.FEE_RECEIPT)
        if any(e.action == "request_supplement" for e in d.events):
            kinds.append(FormKind.SUPPLEMENT)
        if d.row.apology_used:
            kinds.append(FormKind.APOLOGY)
        kinds.append(FormKind.CONTROL_SHEET)
        return kinds

    def render(self, dossier_id: int, kind: FormKind) -> bytes:
        """One form of one dossier as PDF bytes."""
        d = self.queries.get(dossier_id)
        if kind not in self.forms_for(d):
            raise ValidationError(f"Hồ sơ này không có {kind.label}.")
        header = office_header(self.office.require())
        builders = {
            FormKind.RECEIPT: self._receipt,
            FormKind.SUPPLEMENT: self._supplement,
            FormKind.REFUSAL: self._refusal,
            FormKind.APOLOGY: self._apology,
            FormKind.CONTROL_SHEET: self._control_sheet,
            FormKind.FEE_RECEIPT: self._fee_receipt,
        }
        return builders[kind](d, header)

    def _receipt(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        assert d.code is not None and d.row.due_at is not None
        form = f.ReceiptForm(
            header=header,
            dossier_code=d.code,
            applicant_name=d.row.applicant_name,
            address=d.applicant_address,
            procedure_name=d.row.procedure_name,
            papers=_papers(d, received_only=True),
            processing_time=processing_phrase(d),
            received_at=d.row.received_at,
            due_at=d.original_due_at or d.row.due_at,
            delivery=_delivery(d),
            receiver_name=d.received_by_name,
            book_volume=d.book_year or d.row.received_at.year,
            book_entry=d.book_number or 0,
            submitter_name=d.submitter_name,
            phone=d.row.applicant_phone,
            email=d.applicant_email,
            id_number=d.row.applicant_id_number,
            sets_count=d.sets_count,
            fees=tuple(f.FeeLine(fee.fee_name, fee.amount) for fee in d.fees),
        )
        return render_receipt(form, self.paper)

    def _supplement(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        asked = [e for e in d.events if e.action in ("intake_supplement", "request_supplement")]
        issued = asked[-1].at if asked else d.row.received_at
        form = f.SupplementForm(
            header=header,
            reference=f"{d.id}/PBS",
            issued_at=issued,
            applicant_name=d.row.applicant_name,
            address=d.applicant_address,
            procedure_name=d.row.procedure_name,
            papers=tuple(p for p in _papers(d) if not p.ok),
            guide_name=asked[-1].actor_name if asked else d.received_by_name,
            reasons=(d.decision_note,) if d.decision_note else (),
            phone=d.row.applicant_phone,
            email=d.applicant_email,
            dossier_code=d.code or "",
        )
        return render_supplement(form, "A4")

    def _refusal(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        form = f.RefusalForm(
            header=header,
            issued_at=d.row.received_at,
            applicant_name=d.row.applicant_name,
            address=d.applicant_address,
            procedure_name=d.row.procedure_name,
            reasons=tuple(r.strip() for r in d.decision_note.split("\n") if r.strip()),
            receiver_name=d.received_by_name,
            reference=f"{d.id}/PTC",
            phone=d.row.applicant_phone,
            email=d.applicant_email,
        )
        return render_refusal(form, "A4")

    def _apology(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        step = next(e for e in reversed(d.events) if e.action == "apology")
        assert d.code is not None and d.row.due_at is not None
        form = f.ApologyForm(
            header=header,
            reference=f"{d.id}/PXL",
            issued_on=step.at.date(),
            applicant_name=d.row.applicant_name,
            address=d.applicant_address,
            dossier_code=d.code,
            field_name=d.field,
            received_on=d.row.received_at.date(),
            old_due=d.original_due_at or d.row.due_at,
            new_due=d.row.due_at,
            reason=step.note.split(": ", 1)[-1],
            signer_titles=("NGƯỜI LẬP PHIẾU",),
            signer_name=step.actor_name,
            phone=d.row.applicant_phone,
        )
        return render_apology(form, "A4")

    def _control_sheet(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        assert d.code is not None and d.row.due_at is not None
        hand_offs = tuple(
            f.HandOff(
                giver_unit=e.giver,
                receiver_unit=e.receiver,
                at=e.at,
                giver_name=e.actor_name if e.giver == e.actor_name else "",
                outcome=f.Outcome[timeliness(e.at, e.due_at).name]
                if e.action in TIMED_ACTIONS and e.due_at
                else None,
                step=action_label(e.action),
                note=e.note,
            )
            for e in d.events
        )
        form = f.ControlSheetForm(
            header=header,
            dossier_code=d.code,
            applicant_name=d.row.applicant_name,
            procedure_name=d.row.procedure_name,
            received_at=d.row.received_at,
            due_at=d.row.due_at,
            handling_unit=d.handling_unit,
            hand_offs=hand_offs,
        )
        return render_control_sheet(form, "A4")

    def _fee_receipt(self, d: DossierDetail, header: f.OfficeHeader) -> bytes:
        fee = d.fees[0]
        form = f.FeeReceiptForm(
            header=header,
            number=fee.number,
            issued_at=fee.issued_at,
            payer_name=fee.payer_name,
            fees=tuple(f.FeeLine(x.fee_name, x.amount) for x in d.fees),
            method=fee.method,
            collector_name=fee.issued_by,
            payer_address=d.applicant_address,
            dossier_code=d.code or "",
        )
        return render_fee_receipt(form, self.paper)

    def _received_between(self, start: date, end: date) -> list[int]:
        if end < start:
            raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(Dossier.id)
                    .where(Dossier.code.is_not(None))
                    .where(Dossier.received_at >= datetime.combine(start, time()))
                    .where(Dossier.received_at < datetime.combine(end + timedelta(days=1), time()))
                    .order_by(Dossier.book_year, Dossier.book_number)
                )
            )

    def tracking_book(self, start: date, end: date) -> bytes:
        """Mẫu 07: the tracking book's entries for dossiers received in the period."""
        details = [self.queries.get(i) for i in self._received_between(start, end)]
        entries = tuple(
            f.BookEntry(
                entry_no=d.book_number or 0,
                dossier_code=d.code or "",
                procedure_name=d.row.procedure_name,
                sets_count=d.sets_count,
                applicant_name=d.row.applicant_name,
                address=d.applicant_address,
                phone=d.row.applicant_phone,
                handling_unit=d.handling_unit,
                received_at=d.row.received_at,
                due_at=d.row.due_at or d.row.received_at,
                returned_at=d.returned_at,
                delivery_method="Bưu chính" if d.delivery == BY_POST else "Trực tiếp",
                note=d.status.label,
            )
            for d in details
        )
        form = f.TrackingBookForm(
            header=office_header(self.office.require()),
            volume=start.year,
            period_start=start,
            period_end=end,
            entries=entries,
            printed_on=self.clock().date(),
        )
        return render_tracking_book(form)

    def control_sheets(self, start: date, end: date) -> bytes:
        """Mẫu 06 of every dossier received in the period, one after another in one PDF."""
        ids = self._received_between(start, end)
        if not ids:
            raise NotFound("Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.")
        header = office_header(self.office.require())
        writer = PdfWriter()
        for dossier_id in ids:
            writer.append(io.BytesIO(self._control_sheet(self.queries.get(dossier_id), header)))
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
