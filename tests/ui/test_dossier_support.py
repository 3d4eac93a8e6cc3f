"""Shared set-up of the dossier screen tests (no tests here): a counter with a few dossiers.

The clock is frozen on Monday 16/11/2026 09:30 (helpers.NOW). Dossiers built:
overdue (received the week before), due soon (due tomorrow), later (3 working days),
refused (no code) and asked to supplement at intake (no code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from helpers import NOW

from counter_app.app_context import AppContext
from counter_app.clock import FrozenClock
from counter_app.domain.intake import ApplicantInput, IntakeInput, PaperCheck
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal

KHAI_SINH = "1.001193"  # 1 working day
HON_NHAN = "1.004873"  # xác nhận tình trạng hôn nhân, 3 working days
CHUNG_THUC = "2.000815"  # chứng thực bản sao: boundary-free, half a day


@dataclass
class Counter:
    """The context, the clerk and the dossiers made."""

    ctx: AppContext
    clerk: Principal
    clock: FrozenClock
    overdue: DossierDetail
    due_soon: DossierDetail
    later: DossierDetail
    refused: DossierDetail
    supplement: DossierDetail

    def get(self, detail: DossierDetail) -> DossierDetail:
        """The dossier as stored now."""
        return self.ctx.dossiers.get(detail.id)


def person(name: str, number: str, phone: str, gender: str, born: date) -> ApplicantInput:
    """A citizen whose id number agrees with their birth year and gender."""
    return ApplicantInput(
        full_name=name,
        id_number=number,
        gender=gender,
        birth_date=born,
        phone=phone,
        address="Số 5 phố Thử, phường Ba Đình",
    )


AN = person("Nguyễn Văn An", "001090012345", "0912345678", "Nam", date(1990, 5, 2))
ANH = person("Đỗ Thị Ngọc Ánh", "001195004321", "0987654321", "Nữ", date(1995, 1, 1))
PAO = person("Lò Văn Páo", "012088000111", "0211222333", "Nam", date(1988, 3, 3))
HOA = person("Trần Thị Hoa", "001192000555", "0905111222", "Nữ", date(1992, 7, 7))
MINH = person("Phạm Văn Minh", "001085000777", "0933444555", "Nam", date(1985, 9, 9))


def intake(ctx: AppContext, code: str, applicant: ApplicantInput, **changes: object) -> IntakeInput:
    """An intake with every paper of the procedure ticked."""
    papers = tuple(PaperCheck(i, True) for i, _ in enumerate(ctx.catalog.get(code).papers, 1))
    fields: dict[str, object] = dict(applicant=applicant, procedure_code=code, papers=papers)
    fields.update(changes)
    return IntakeInput(**fields)  # type: ignore[arg-type]


def accept(ctx: AppContext, clerk: Principal, code: str, who: ApplicantInput) -> DossierDetail:
    """Receive a complete dossier."""
    return ctx.intake.accept(clerk, intake(ctx, code, who))


def build_counter(ctx: AppContext, clerk: Principal, clock: FrozenClock) -> Counter:
    """Load the catalogue and make the five dossiers; the clock ends at NOW + 20 minutes."""
    ctx.catalog.load_shipped(Principal.system("T"))
    clock.at = datetime(2026, 11, 10, 9, 0)  # the Tuesday before: due on Wednesday 11/11
    overdue = accept(ctx, clerk, KHAI_SINH, AN)
    clock.at = NOW
    due_soon = accept(ctx, clerk, KHAI_SINH, ANH)
    clock.advance(minutes=5)
    later = accept(ctx, clerk, HON_NHAN, PAO)
    clock.advance(minutes=5)
    refused = ctx.intake.refuse(
        clerk, intake(ctx, KHAI_SINH, HOA, reasons="Không thuộc thẩm quyền giải quyết")
    )
    clock.advance(minutes=5)
    papers = (PaperCheck(1, False, "Chưa có giấy chứng sinh"),)
    supplement = ctx.intake.request_supplement(
        clerk, intake(ctx, KHAI_SINH, MINH, papers=papers, reasons="Bổ sung giấy chứng sinh")
    )
    clock.advance(minutes=5)
    return Counter(ctx, clerk, clock, overdue, due_soon, later, refused, supplement)
