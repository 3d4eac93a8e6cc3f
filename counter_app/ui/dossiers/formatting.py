"""How dossier facts read on screen: dates, statuses, delivery, urgency colours."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QColor

from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.intake import BY_POST
from counter_app.services.dossier_queries import DossierDetail, DossierRow
from counter_app.ui import texts

S = DossierStatus

#: Statuses of dossiers still being handled ("Đang giải quyết").
IN_PROGRESS = (S.DUOC_TIEP_NHAN, S.DANG_XU_LY, S.YEU_CAU_BO_SUNG, S.YEU_CAU_NGHIA_VU_TAI_CHINH)
#: Statuses of dossiers whose handling is over.
FINISHED = (S.KHONG_DUOC_TIEP_NHAN, S.CONG_DAN_RUT_HO_SO, S.DUNG_XU_LY, S.DA_TRA_KET_QUA)

OVERDUE = "overdue"
DUE_SOON = "due_soon"

#: Row tints: red for overdue, amber for due by the end of the next working day.
TINTS = {OVERDUE: QColor("#f9d6d3"), DUE_SOON: QColor("#fdebb3")}
#: Text colour of the due date on tinted rows.
INKS = {OVERDUE: QColor("#9b1c12"), DUE_SOON: QColor("#7a5200")}


def when(at: datetime | None) -> str:
    """Date and time as dd/mm/yyyy hh:mm, or a dash."""
    return at.strftime(texts.DOSSIER_DATETIME) if at else texts.NONE


def day(d: date | datetime | None) -> str:
    """A date as dd/mm/yyyy, or a dash."""
    return d.strftime(texts.DOSSIER_DATE) if d else texts.NONE


def code_text(row: DossierRow) -> str:
    """The dossier code, or a note that none was issued (supplement or refusal at intake)."""
    return row.code or texts.DOSSIER_NO_CODE


def urgency(row: DossierRow) -> str:
    """OVERDUE, DUE_SOON or "" for a listed dossier."""
    if row.overdue:
        return OVERDUE
    return DUE_SOON if row.due_soon else ""


def urgency_tip(row: DossierRow) -> str:
    """Tooltip explaining a row's tint."""
    tip = {OVERDUE: texts.DOSSIER_OVERDUE_TIP, DUE_SOON: texts.DOSSIER_DUE_SOON_TIP}.get(
        urgency(row), ""
    )
    return tip + (texts.DOSSIER_APOLOGY_USED_TIP if row.apology_used else "")


def due_text(detail: DossierDetail) -> str:
    """The due time, with the first appointment when an apology moved it."""
    due = when(detail.row.due_at)
    original = detail.original_due_at
    if original and detail.row.due_at and original != detail.row.due_at:
        return texts.DETAIL_ORIGINAL_DUE.format(due=due, original=when(original))
    return due


def delivery_text(detail: DossierDetail) -> str:
    """Where the citizen gets the result."""
    if detail.delivery == BY_POST:
        return texts.DETAIL_BY_POST.format(address=detail.postal_address or texts.NONE)
    return texts.DETAIL_AT_COUNTER


def book_text(detail: DossierDetail) -> str:
    """The tracking-book entry (Mẫu 07), or a dash before the dossier was received."""
    if detail.book_year is None or detail.book_number is None:
        return texts.NONE
    return texts.DETAIL_BOOK_VALUE.format(year=detail.book_year, number=detail.book_number)


def money(amount: int) -> str:
    """E.g. 50000 -> "50.000 ₫"."""
    return texts.FEE_AMOUNT.format(amount=f"{amount:,}".replace(",", "."))
