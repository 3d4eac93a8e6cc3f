"""Phiếu xin lỗi và hẹn lại ngày trả kết quả, for a dossier that will miss its deadline."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.forms.data import ApologyForm, Paper
from printers.forms.layout import (
    Sheet,
    Signature,
    build_pdf,
    esc,
    field,
    header_block,
    no_padding,
    oblique,
    para,
    reference_line,
    sheet_for,
    short_date,
    signature_row,
    styles_for,
    time_phrase,
    title_block,
    unbroken,
)

TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"


def closing(form: ApologyForm, sheet: Sheet) -> Table:
    """ "Nơi nhận" (left) beside the signer's titles and name (right)."""
    st = styles_for(sheet)
    small = sheet.small
    recipients: list[Flowable] = [oblique("Nơi nhận:", sheet, small, bold=True, align=TA_LEFT)]
    cc = ["Như trên", *form.also_to, "Lưu: VT"]
    for i, name in enumerate(cc):
        end = "." if i == len(cc) - 1 else ";"
        recipients.append(para(f"- {esc(name)}{end}", st.cell))
    half = sheet.width / 2
    signer = signature_row(sheet, [Signature(form.signer_titles, form.signer_name, "")], half)
    table = Table([[recipients, signer]], colWidths=[half, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *no_padding()]))
    return table


def render_apology(form: ApologyForm, paper: Paper = "A4") -> bytes:
    """The apology letter with the new appointment as PDF bytes (A4 unless told A5)."""
    if form.new_due <= form.old_due:
        raise ValueError("Thời gian hẹn trả kết quả lại phải sau thời gian đã hẹn.")
    sheet = sheet_for(paper)
    st = styles_for(sheet)
    office = esc(form.header.office_name)
    name = esc(form.applicant_name)
    addressee = f"Địa chỉ: {form.address}" + (
        f", SĐT: {unbroken(form.phone)}" if form.phone else ""
    )
    story: list[Flowable] = [
        header_block(form.header, sheet, form.issued_on, reference_line(form.reference, sheet)),
        *title_block(TITLE, sheet),
        para(f"<b>Kính gửi: Ông/Bà {name}</b>", st.centre),
        para(f"({esc(addressee)})", st.centre),
        Spacer(1, sheet.body * 0.5),
        para(
            f"Ngày {short_date(form.received_on)}, {office} tiếp nhận hồ sơ thuộc lĩnh vực "
            f"{esc(form.field_name)} của Ông/Bà {name}.",
            st.body,
        ),
        field("Mã hồ sơ", form.dossier_code, sheet, bold=True),
        field("Ngày hẹn trả kết quả giải quyết hồ sơ", time_phrase(form.old_due), sheet),
        para(
            f"Tuy nhiên {office} chưa trả kết quả giải quyết hồ sơ của Ông/Bà {name} đúng thời "
            "hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            st.body,
        ),
        field("Lý do", form.reason, sheet),
        para(
            f"{office} trân trọng gửi lời xin lỗi đến Ông/Bà {name}, rất mong nhận được sự thông "
            "cảm của Ông/Bà vì sự chậm trễ này.",
            st.body,
        ),
        para(f"<b>Thời gian hẹn trả kết quả lại: {esc(time_phrase(form.new_due))}</b>", st.body),
        para("Trân trọng./.", st.body),
        Spacer(1, sheet.body),
        closing(form, sheet),
    ]
    return build_pdf(story, sheet, f"{TITLE} {form.dossier_code}")
