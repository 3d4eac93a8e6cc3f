"""Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from printers.forms.data import Paper, RefusalForm
from printers.forms.layout import (
    Signature,
    build_pdf,
    contact,
    esc,
    field,
    header_block,
    para,
    reference_line,
    sheet_for,
    signature_row,
    styles_for,
    title_block,
)

TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"


def render_refusal(form: RefusalForm, paper: Paper = "A4") -> bytes:
    """Mẫu 03 as PDF bytes (A4 portrait unless told A5); at least one reason is required."""
    if not any(r.strip() for r in form.reasons):
        raise ValueError("Phiếu từ chối phải nêu ít nhất một lý do.")
    sheet = sheet_for(paper)
    st = styles_for(sheet)
    office = esc(form.header.office_name)
    story: list[Flowable] = [
        header_block(
            form.header, sheet, form.issued_at.date(), reference_line(form.reference, sheet)
        ),
        *title_block(TITLE, sheet),
        para(f"{office}:", st.body),
        field("Tiếp nhận hồ sơ của", form.applicant_name, sheet, bold=True),
        field("Địa chỉ", form.address, sheet),
        contact(form.phone, form.email, sheet),
        field("Nội dung yêu cầu giải quyết", form.procedure_name, sheet, bold=True),
        para(
            f"Qua xem xét, {office} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ "
            "thể như sau:",
            st.body,
        ),
        *(para(f"- {esc(reason)}", st.body) for reason in form.reasons if reason.strip()),
        para("Xin thông báo cho Ông/Bà được biết và thực hiện.", st.body),
        Spacer(1, sheet.body),
        signature_row(
            sheet,
            [
                Signature(("NGƯỜI NỘP HỒ SƠ",)),
                Signature(("NGƯỜI TIẾP NHẬN HỒ SƠ",), form.receiver_name),
            ],
        ),
    ]
    return build_pdf(story, sheet, TITLE)
