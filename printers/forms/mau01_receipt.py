"""Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, one page for each copy ("Liên")."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from counter_app.domain.money_words import amount_in_words, format_vnd
from printers.codes import code128, qr_flowable
from printers.fonts import register_fonts
from printers.forms.data import Paper, PaperLine, ReceiptForm
from printers.forms.flowables import IfRoom
from printers.forms.layout import (
    Sheet,
    Signature,
    build_pdf,
    contact,
    esc,
    field,
    grid_style,
    header_block,
    heading,
    no_padding,
    oblique,
    para,
    sheet_for,
    signature_row,
    styles_for,
    time_phrase,
    title_block,
)

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
# Verbatim from the 2018-era print (forms.md §2.1, item 13).
NOTES = (
    "- Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu "
    "kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; một "
    "liên giao cho cá nhân, tổ chức nộp hồ sơ;",
    "- Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc "
    "tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.",
)


def codes_row(code: str, sheet: Sheet) -> Table:
    """The dossier code as a QR code, a Code 128 barcode and in letters, under the header."""
    qr_size = 14 * mm if sheet.name == "A5" else 19 * mm
    gap = 2 * mm
    barcode = code128(code, sheet.width - qr_size - gap, 7 * mm if sheet.name == "A5" else 9 * mm)
    barcode.wrap(0, 0)
    style = styles_for(sheet).centre
    label = para(f"Mã hồ sơ: <b>{esc(code)}</b>", style)
    _regular, bold = register_fonts()
    label_w = stringWidth(f"Mã hồ sơ: {code}", bold, style.fontSize) + style.fontSize
    text_w = min(max(barcode.width, label_w), sheet.width - qr_size - gap)
    table = Table(
        [[qr_flowable(code, qr_size), "", [barcode, Spacer(1, 0.8 * mm), label], ""]],
        colWidths=[qr_size, gap, text_w, sheet.width - qr_size - gap - text_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
                *no_padding(),
            ]
        )
    )
    return table


def papers_table(papers: tuple[PaperLine, ...], sheet: Sheet) -> Table:
    """STT | Tên giấy tờ, tài liệu | Số bản chính | Số bản sao, one row per paper."""
    st = styles_for(sheet)
    num_w = sheet.small * 5.6
    rows: list[list[object]] = [
        [heading(h, sheet) for h in ("STT", "Tên giấy tờ, tài liệu", "Số bản chính", "Số bản sao")]
    ]
    for i, paper in enumerate(papers, start=1):
        rows.append(
            [
                str(i),
                para(esc(paper.name), st.cell),
                str(paper.originals) if paper.originals else "",
                str(paper.copies) if paper.copies else "",
            ]
        )
    widths = [sheet.small * 3, 0.0, num_w, num_w]
    widths[1] = sheet.width - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([*grid_style(1, sheet), ("ALIGN", (0, 1), (-1, -1), "CENTER")]))
    return table


def fees_text(form: ReceiptForm) -> str:
    """ "Lệ phí …: 8.000 đồng", or each fee then the total in figures and words, or "Không"."""
    if not form.fees:
        return "Không"
    listed = "; ".join(f"{fee.name}: {format_vnd(fee.amount)}" for fee in form.fees)
    words = amount_in_words(form.fees_total)
    if len(form.fees) == 1:
        return f"{listed} ({words})"
    return f"{listed}. Tổng cộng: {format_vnd(form.fees_total)} ({words})"


def _copy(form: ReceiptForm, sheet: Sheet, label: str, codes: Table) -> list[Flowable]:
    st = styles_for(sheet)
    header = form.header
    story: list[Flowable] = [
        header_block(header, sheet, form.received_at.date()),
        Spacer(1, sheet.body * 0.4),
        codes,
        *title_block(TITLE, sheet, f"({label})" if label else ""),
        field("Bộ phận tiếp nhận và trả kết quả", header.office_name, sheet),
        field("Tiếp nhận hồ sơ của", form.applicant_name, sheet, bold=True),
    ]
    if form.submitter_name and form.submitter_name != form.applicant_name:
        story.append(field("Người nộp", form.submitter_name, sheet))
    story += [field("Địa chỉ", form.address, sheet), contact(form.phone, form.email, sheet)]
    if form.id_number:
        story.append(field("Số căn cước/Hộ chiếu", form.id_number, sheet))
    story += [
        field("Nội dung yêu cầu giải quyết", form.procedure_name, sheet, bold=True),
        para("1. Thành phần hồ sơ, yêu cầu và số lượng mỗi loại giấy tờ gồm:", st.body),
        Spacer(1, sheet.body * 0.3),
        papers_table(form.papers, sheet),
        field("2. Số lượng hồ sơ", f"{form.sets_count:02d} (bộ)", sheet),
        field("3. Thời gian giải quyết hồ sơ theo quy định là", form.processing_time, sheet),
        field("4. Thời gian nhận hồ sơ", time_phrase(form.received_at), sheet),
        field("5. Thời gian trả kết quả giải quyết hồ sơ", time_phrase(form.due_at), sheet, True),
        field("6. Đăng ký nhận kết quả tại", form.delivery, sheet),
        field("7. Phí, lệ phí (nếu có)", fees_text(form), sheet),
        para(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: {form.book_volume}, Số thứ tự: {form.book_entry}",
            st.body,
        ),
        Spacer(1, sheet.body * 0.8),
        signature_row(
            sheet,
            [
                Signature(("NGƯỜI NỘP HỒ SƠ",)),
                Signature(("NGƯỜI TIẾP NHẬN HỒ SƠ",), form.receiver_name),
            ],
        ),
        IfRoom(
            [
                Spacer(1, sheet.body * 0.6),
                oblique("Ghi chú:", sheet, sheet.small * 0.9, bold=True, align=TA_LEFT),
                *(oblique(note, sheet, sheet.small * 0.9, align=TA_LEFT) for note in NOTES),
            ]
        ),
    ]
    return story


def render_receipt(form: ReceiptForm, paper: Paper = "A5") -> bytes:
    """Mẫu 01 as PDF bytes: each copy label on its own page (A5 portrait unless told A4)."""
    sheet = sheet_for(paper)
    codes = codes_row(form.dossier_code, sheet)
    story: list[Flowable] = []
    for i, label in enumerate(form.copy_labels or ("",)):
        if i:
            story.append(PageBreak())
        story += _copy(form, sheet, label, codes)
    return build_pdf(story, sheet, f"{TITLE} {form.dossier_code}")
