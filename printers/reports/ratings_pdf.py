"""The satisfaction report as an A4 PDF: summary table, bar chart, reasons and comments."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.domain.rating import format_rate
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import build_pdf, esc, grid_style, heading, para, styles_for
from printers.progress import Progress
from printers.reports.common import (
    HEAD_BG,
    SHEET,
    pdf_grid,
    pdf_header,
    pdf_section,
    period_text,
)
from printers.reports.data import RateLine, RatingReportData, average_text
from printers.reports.ratings_chart import MAX_BARS, rate_chart

CONFIDENTIAL = (
    "Báo cáo chỉ gồm số liệu tổng hợp và ý kiến không kèm thông tin người đánh giá "
    "(bảo mật người đánh giá theo Nghị định số 118/2025/NĐ-CP)."
)


def _header(data: RatingReportData) -> list[Flowable]:
    notes = " · ".join([f"Nhóm theo: {data.group_title}", *data.filters])
    when = period_text(data.period_start, data.period_end)
    return pdf_header(data.office_name, data.title, when, notes, data.printed_at)


def _rate_cells(line: RateLine) -> list[str]:
    return [
        *(str(c) for c in line.counts),
        str(line.total),
        str(line.satisfied),
        format_rate(line.rate),
        average_text(line.average),
    ]


def summary_table(data: RatingReportData) -> Table:
    """Counts per level, totals, rate and mean score per group; the total row last."""
    heads = [data.group_title, *data.level_labels, "Tổng số", "Số hài lòng", "Tỷ lệ hài lòng"]
    heads.append("Điểm TB")
    rows = [[r.label, *_rate_cells(r)] for r in data.rows]
    rows.append(["Tổng cộng", *_rate_cells(data.total)])
    fixed = [16.5 * mm] * len(data.level_labels) + [13 * mm, 14 * mm, 16 * mm, 13 * mm]
    return pdf_grid(heads, rows, [SHEET.width - sum(fixed), *fixed], total_row=True)


def _chart(data: RatingReportData) -> list[Flowable]:
    if not data.rows:
        return []
    title = f"Biểu đồ tỷ lệ hài lòng theo {data.group_title.lower()}"
    blocks: list[Flowable] = [
        pdf_section(title),
        Spacer(1, 4),
        rate_chart(data.rows, data.total, SHEET.width),
    ]
    note = "Thanh đỏ: thấp hơn tỷ lệ chung. Trong ngoặc: số lượt đánh giá."
    if len(data.rows) > MAX_BARS:
        note += f" Biểu đồ chỉ vẽ {MAX_BARS} nhóm đầu; xem đủ trong bảng."
    blocks.append(para(esc(note), styles_for(SHEET).cell))
    return [CondPageBreak(60 * mm), KeepTogether(blocks), Spacer(1, 10)]


def reasons_block(data: RatingReportData) -> list[Flowable]:
    """How many were not satisfied, and the reasons they chose, most frequent first."""
    st = styles_for(SHEET)
    intro = (
        f"Có {data.dissatisfied} lượt đánh giá chưa hài lòng (Không hài lòng, Rất không hài lòng)"
    )
    intro += f"; {data.without_reason} lượt không chọn lý do." if data.dissatisfied else "."
    blocks: list[Flowable] = [pdf_section("Lý do chưa hài lòng"), para(esc(intro), st.line)]
    if not data.reasons:
        return [*blocks, Spacer(1, 10)]
    rows: list[list[Any]] = [[heading(h, SHEET) for h in ("STT", "Lý do", "Số lượt", "Tỷ lệ")]]
    rows += [
        [str(i), para(esc(r.reason), st.cell), str(r.count), format_rate(r.share)]
        for i, r in enumerate(data.reasons, start=1)
    ]
    fixed = [11 * mm, 18 * mm, 18 * mm]
    table = Table(rows, colWidths=[fixed[0], SHEET.width - sum(fixed), *fixed[1:]], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *grid_style(1, SHEET),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return [*blocks, Spacer(1, 4), table, Spacer(1, 10)]


def comments_block(data: RatingReportData) -> list[Flowable]:
    """The comments and the reasons of each dissatisfied rating, with no time of day."""
    st = styles_for(SHEET)
    blocks: list[Flowable] = [pdf_section("Ý kiến, lý do của từng lượt đánh giá")]
    if data.comments_note:
        blocks.append(para(esc(data.comments_note), st.line))
    if not data.comments:
        if not data.comments_note:
            blocks.append(para("Không có ý kiến nào.", st.line))
        return blocks
    heads = ("Ngày", "Quầy", "Công chức", "Thủ tục", "Mức", "Lý do", "Ý kiến")
    rows: list[list[Any]] = [[heading(h, SHEET) for h in heads]]
    rows += [
        [
            f"{c.day:%d/%m/%Y}",
            c.counter,
            *(para(esc(t), st.cell) for t in (c.clerk, c.procedure, c.level, c.reasons, c.comment)),
        ]
        for c in data.comments
    ]
    fixed = [20 * mm, 12 * mm, 27 * mm, 32 * mm, 20 * mm, 34 * mm]
    table = Table(rows, colWidths=[*fixed, SHEET.width - sum(fixed)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *grid_style(1, SHEET),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("ALIGN", (1, 1), (1, -1), "CENTER"),
            ]
        )
    )
    return [*blocks, Spacer(1, 4), table]


def render_ratings_pdf(data: RatingReportData, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes: A4 portrait, page numbers "Trang x/y"."""
    story: list[Flowable] = _header(data)
    story += [pdf_section(f"Kết quả đánh giá theo {data.group_title.lower()}"), Spacer(1, 4)]
    if data.rows:
        story += [summary_table(data), Spacer(1, 10)]
    else:
        story += [
            para("Không có lượt đánh giá nào trong khoảng thời gian này.", styles_for(SHEET).line)
        ]
    story += _chart(data)
    story += reasons_block(data)
    story += comments_block(data)
    story += [Spacer(1, 10), para(esc(CONFIDENTIAL), styles_for(SHEET).cell)]
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas, progress=progress)
