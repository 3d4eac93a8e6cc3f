"""Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one two-row block per hand-over."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.forms.data import ControlSheetForm, HandOff, Paper
from printers.forms.layout import (
    Sheet,
    build_pdf,
    esc,
    field,
    grid_style,
    header_block,
    heading,
    oblique,
    para,
    sheet_for,
    styles_for,
    time_phrase,
    title_block,
)

TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
HEADINGS = (
    "TÊN CƠ QUAN",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)",
    "GHI CHÚ",
)


def _signer(role: str, name: str, sheet: Sheet) -> list[Flowable]:
    st = styles_for(sheet)
    cell: list[Flowable] = [
        para(f"<b>{esc(role)}</b>", st.cell_centre),
        oblique("(Ký)", sheet, sheet.small),
        Spacer(1, sheet.body * 2.6),
    ]
    if name:
        cell.append(para(esc(name), st.cell_centre))
    return cell


def _block(step: HandOff, sheet: Sheet) -> list[list[Any]]:
    st = styles_for(sheet)
    note: list[Flowable] = []
    if step.step:
        note.append(para(f"<b>{esc(step.step)}</b>", st.cell))
    if step.note:
        note.append(para(esc(step.note), st.cell))
    outcome = para(esc(step.outcome.value), st.cell_centre) if step.outcome else ""
    return [
        [
            para(f"1. Giao: {esc(step.giver_unit)}", st.cell),
            para(esc(time_phrase(step.at)), st.cell_centre),
            "",
            outcome,
            note,
        ],
        [
            para(f"2. Nhận: {esc(step.receiver_unit)}", st.cell),
            _signer("Người giao", step.giver_name, sheet),
            _signer("Người nhận", step.receiver_name, sheet),
            "",
            "",
        ],
    ]


def hand_off_table(form: ControlSheetForm, sheet: Sheet) -> Table:
    """The hand-over table; its heading row repeats on every page."""
    rows: list[list[Any]] = [[heading(h, sheet) if h else "" for h in HEADINGS]]
    commands: list[tuple[Any, ...]] = [*grid_style(1, sheet), ("SPAN", (1, 0), (2, 0))]
    for step in form.hand_offs:
        top = len(rows)
        rows += _block(step, sheet)
        commands += [
            ("SPAN", (1, top), (2, top)),
            ("SPAN", (3, top), (3, top + 1)),
            ("SPAN", (4, top), (4, top + 1)),
            ("VALIGN", (1, top), (3, top + 1), "MIDDLE"),
        ]
    w = sheet.width
    widths = [w * 0.27, w * 0.18, w * 0.18, w * 0.18, w * 0.19]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def render_control_sheet(form: ControlSheetForm, paper: Paper = "A4") -> bytes:
    """Mẫu 06 as PDF bytes (A4 portrait unless told A5)."""
    sheet = sheet_for(paper)
    story: list[Flowable] = [
        header_block(form.header, sheet, form.received_at.date()),
        *title_block(TITLE, sheet),
        field("Kèm theo hồ sơ của", form.applicant_name, sheet, bold=True),
        field("Mã hồ sơ", form.dossier_code, sheet, bold=True),
        field("Nội dung yêu cầu giải quyết", form.procedure_name, sheet),
        field("Ngày nhận", time_phrase(form.received_at), sheet),
        field("Ngày, giờ hẹn trả kết quả", time_phrase(form.due_at), sheet),
        field("Cơ quan (bộ phận) giải quyết hồ sơ", form.handling_unit, sheet),
    ]
    if form.cooperating_units:
        story.append(field("Cơ quan phối hợp giải quyết hồ sơ", form.cooperating_units, sheet))
    story += [Spacer(1, sheet.body * 0.6), hand_off_table(form, sheet)]
    return build_pdf(story, sheet, f"{TITLE} {form.dossier_code}")
