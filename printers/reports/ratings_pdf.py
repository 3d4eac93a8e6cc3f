"""The satisfaction report as an A4 PDF: summary table, bar chart, reasons and comments."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.domain.rating import format_rate
from printers.fonts import register_fonts
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import Sheet, build_pdf, esc, grid_style, heading, para, styles_for
from printers.reports.data import RateLine, RatingReportData, average_text
from printers.reports.ratings_chart import MAX_BARS, rate_chart

SHEET = Sheet("A4-report", A4, (15 * mm, 12 * mm, 14 * mm, 16 * mm), 9.0, 9.0, 13.0, 0.45)
CONFIDENTIAL = (
    "Báo cáo chỉ gồm số liệu tổng hợp và ý kiến không kèm thông tin người đánh giá "
    "(bảo mật người đánh giá theo Nghị định số 118/2025/NĐ-CP)."
)
_TOTAL_BG = "#e8eef5"
_HEAD_BG = "#f0f0f0"


def _when(data: RatingReportData) -> str:
    return f"Từ ngày {data.period_start:%d/%m/%Y} đến ngày {data.period_end:%d/%m/%Y}"


def _header(data: RatingReportData) -> list[Flowable]:
    st = styles_for(SHEET)
    office = Table(
        [
            [
                para(f"<b>{esc(data.office_name.upper())}</b>", st.line),
                para(f"Ngày in: {data.printed_at:%d/%m/%Y %H:%M}", st.cell),
            ]
        ],
        colWidths=[SHEET.width * 0.72, SHEET.width * 0.28],
    )
    office.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    story: list[Flowable] = [
        office,
        para(esc(data.title), st.title),
        para(esc(_when(data)), st.centre),
    ]
    lines = [f"Nhóm theo: {data.group_title}", *data.filters]
    story.append(para(esc(" · ".join(lines)), st.centre))
    return [*story, Spacer(1, 8)]


def _section(text: str) -> Flowable:
    return para(f"<b>{esc(text)}</b>", styles_for(SHEET).line)


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
    cell = styles_for(SHEET).cell
    heads = [data.group_title, *data.level_labels, "Tổng số", "Số hài lòng", "Tỷ lệ hài lòng"]
    heads.append("Điểm TB")
    rows: list[list[Any]] = [[heading(h, SHEET) for h in heads]]
    rows += [[para(esc(r.label), cell), *_rate_cells(r)] for r in data.rows]
    rows.append([para("<b>Tổng cộng</b>", cell), *_rate_cells(data.total)])
    fixed = [16.5 * mm] * len(data.level_labels) + [13 * mm, 14 * mm, 16 * mm, 13 * mm]
    widths = [SHEET.width - sum(fixed), *fixed]
    table = Table(rows, colWidths=widths, repeatRows=1)
    _regular, bold = register_fonts()
    table.setStyle(
        TableStyle(
            [
                *grid_style(1, SHEET),
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("BACKGROUND", (0, -1), (-1, -1), _TOTAL_BG),
            ]
        )
    )
    return table


def _chart(data: RatingReportData) -> list[Flowable]:
    if not data.rows:
        return []
    title = f"Biểu đồ tỷ lệ hài lòng theo {data.group_title.lower()}"
    blocks: list[Flowable] = [
        _section(title),
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
    blocks: list[Flowable] = [_section("Lý do chưa hài lòng"), para(esc(intro), st.line)]
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
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return [*blocks, Spacer(1, 4), table, Spacer(1, 10)]


def comments_block(data: RatingReportData) -> list[Flowable]:
    """The comments and the reasons of each dissatisfied rating, with no time of day."""
    st = styles_for(SHEET)
    blocks: list[Flowable] = [_section("Ý kiến, lý do của từng lượt đánh giá")]
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
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
                ("ALIGN", (1, 1), (1, -1), "CENTER"),
            ]
        )
    )
    return [*blocks, Spacer(1, 4), table]


def render_ratings_pdf(data: RatingReportData) -> bytes:
    """The report as PDF bytes: A4 portrait, page numbers "Trang x/y"."""
    story: list[Flowable] = _header(data)
    story += [_section(f"Kết quả đánh giá theo {data.group_title.lower()}"), Spacer(1, 4)]
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
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas)
