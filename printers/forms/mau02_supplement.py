"""Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (everything missing, listed in one go)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.forms.data import Paper, PaperLine, SupplementForm
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
    para,
    reference_line,
    sheet_for,
    signature_row,
    styles_for,
    title_block,
)

TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"


def to_complete(form: SupplementForm) -> tuple[PaperLine, ...]:
    """The papers the applicant must supply or correct: not ok, or with a problem noted."""
    return tuple(p for p in form.papers if not p.ok or p.problem)


def missing_table(papers: tuple[PaperLine, ...], sheet: Sheet) -> Table:
    """STT | Thành phần hồ sơ | Số lượng (Bản chính, Bản sao) | Lý do, headings on two rows."""
    st = styles_for(sheet)
    num_w = sheet.small * 6.6
    rows: list[list[object]] = [
        [heading(h, sheet) for h in ("STT", "Thành phần hồ sơ", "Số lượng", "", "Lý do")],
        ["", "", heading("Bản chính", sheet), heading("Bản sao", sheet), ""],
    ]
    for i, paper in enumerate(papers, start=1):
        rows.append(
            [
                str(i),
                para(esc(paper.name), st.cell),
                str(paper.originals) if paper.originals else "",
                str(paper.copies) if paper.copies else "",
                para(esc(paper.problem), st.cell),
            ]
        )
    stt_w, reason_w = sheet.small * 3.4, sheet.width * 0.32
    widths = [stt_w, sheet.width - stt_w - 2 * num_w - reason_w, num_w, num_w, reason_w]
    table = Table(rows, colWidths=widths, repeatRows=2)
    table.setStyle(
        TableStyle(
            [
                *grid_style(2, sheet),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("SPAN", (2, 0), (3, 0)),
                ("SPAN", (4, 0), (4, 1)),
                ("ALIGN", (0, 2), (3, -1), "CENTER"),
            ]
        )
    )
    return table


def guidance(form: SupplementForm) -> str:
    """The sentence naming where to look and whom to call while completing the dossier."""
    header = form.header
    who = f"công chức {form.guide_name}"
    if header.phone:
        who += f", số điện thoại {header.phone}"
    if header.website:
        return (
            "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể tra cứu các quy "
            "định giải quyết thủ tục hành chính tại Website: "
            f"{header.website} (phần thủ tục hành chính hoặc danh mục) hoặc liên hệ với {who} "
            "để được hướng dẫn./."
        )
    return (
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể liên hệ với "
        f"{who} để được hướng dẫn./."
    )


def render_supplement(form: SupplementForm, paper: Paper = "A4") -> bytes:
    """Mẫu 02 as PDF bytes (A4 portrait unless told A5)."""
    sheet = sheet_for(paper)
    st = styles_for(sheet)
    papers = to_complete(form)
    story: list[Flowable] = [
        header_block(
            form.header, sheet, form.issued_at.date(), reference_line(form.reference, sheet)
        ),
        *title_block(TITLE, sheet),
        para(f"{esc(form.header.office_name)}:", st.body),
        field("Tiếp nhận hồ sơ/yêu cầu của Ông/Bà", form.applicant_name, sheet, bold=True),
    ]
    if form.dossier_code:
        story.append(field("Mã hồ sơ", form.dossier_code, sheet))
    story += [
        field("Nội dung yêu cầu giải quyết", form.procedure_name, sheet, bold=True),
        field("Địa chỉ", form.address, sheet),
        contact(form.phone, form.email, sheet),
        para(
            "Qua nghiên cứu hồ sơ, đề nghị Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:", st.body
        ),
    ]
    if papers:
        story += [Spacer(1, sheet.body * 0.3), missing_table(papers, sheet)]
    if form.reasons:
        story.append(para("Lý do:", st.body))
        story += [para(f"- {esc(reason)}", st.body) for reason in form.reasons]
    story += [
        para(esc(guidance(form)), st.body),
        Spacer(1, sheet.body),
        signature_row(sheet, [None, Signature(("NGƯỜI HƯỚNG DẪN",), form.guide_name)]),
    ]
    return build_pdf(story, sheet, f"{TITLE} {form.reference}")
