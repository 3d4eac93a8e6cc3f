"""Biên lai thu phí, lệ phí: receipt number, fees, amount in figures and in words, signatures."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from counter_app.domain.money_words import amount_in_words, format_vnd
from printers.fonts import register_fonts
from printers.forms.data import FeeReceiptForm, Paper
from printers.forms.layout import (
    Sheet,
    Signature,
    build_pdf,
    esc,
    field,
    grid_style,
    header_block,
    heading,
    para,
    sheet_for,
    signature_row,
    styles_for,
    title_block,
)

TITLE = "BIÊN LAI THU PHÍ, LỆ PHÍ"
# Receipt books number their receipts with seven digits, from 0000001 each year.
NUMBER_DIGITS = 7


def receipt_number(form: FeeReceiptForm) -> str:
    """The receipt number as printed, zero-padded: 15 → "0000015"."""
    if form.number < 1:
        raise ValueError(f"Số biên lai phải từ 1 trở lên, nhận được {form.number}.")
    return f"{form.number:0{NUMBER_DIGITS}d}"


def fees_table(form: FeeReceiptForm, sheet: Sheet) -> Table:
    """STT | Tên loại phí, lệ phí | Số tiền (đồng), and a total row."""
    st = styles_for(sheet)
    rows: list[list[Any]] = [
        [heading(h, sheet) for h in ("STT", "Tên loại phí, lệ phí", "Số tiền (đồng)")]
    ]
    for i, fee in enumerate(form.fees, start=1):
        rows.append([str(i), para(esc(fee.name), st.cell), format_vnd(fee.amount)[: -len(" đồng")]])
    rows.append(["", "Tổng cộng", format_vnd(form.total)[: -len(" đồng")]])
    money_w = sheet.small * 11
    widths = [sheet.small * 3.4, sheet.width - sheet.small * 3.4 - money_w, money_w]
    table = Table(rows, colWidths=widths, repeatRows=1)
    bold = register_fonts()[1]
    table.setStyle(
        TableStyle(
            [
                *grid_style(1, sheet),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                ("FONTNAME", (0, -1), (-1, -1), bold),
            ]
        )
    )
    return table


def render_fee_receipt(form: FeeReceiptForm, paper: Paper = "A5") -> bytes:
    """The fee receipt as PDF bytes (A5 portrait unless told A4)."""
    if not form.fees:
        raise ValueError("Biên lai phải có ít nhất một khoản phí, lệ phí.")
    sheet = sheet_for(paper)
    st = styles_for(sheet)
    under: list[Flowable] = []
    if form.series:
        under.append(para(f"Ký hiệu: {esc(form.series)}", st.centre))
    under.append(para(f"Số: <b>{receipt_number(form)}</b>", st.centre))
    story: list[Flowable] = [
        header_block(form.header, sheet, form.issued_at.date(), under),
        *title_block(TITLE, sheet),
        field("Tên đơn vị hoặc người nộp tiền", form.payer_name, sheet, bold=True),
    ]
    if form.payer_address:
        story.append(field("Địa chỉ", form.payer_address, sheet))
    if form.dossier_code:
        story.append(field("Mã hồ sơ", form.dossier_code, sheet))
    story += [
        Spacer(1, sheet.body * 0.3),
        fees_table(form, sheet),
        field("Số tiền bằng số", format_vnd(form.total), sheet, bold=True),
        field("Số tiền bằng chữ", amount_in_words(form.total), sheet, bold=True),
        field("Hình thức thanh toán", form.method, sheet),
        field("Thời gian thu", f"{form.issued_at:%H:%M} ngày {form.issued_at:%d/%m/%Y}", sheet),
        Spacer(1, sheet.body),
        signature_row(
            sheet,
            [Signature(("NGƯỜI NỘP TIỀN",)), Signature(("NGƯỜI THU TIỀN",), form.collector_name)],
        ),
    ]
    return build_pdf(story, sheet, f"{TITLE} {receipt_number(form)}")
