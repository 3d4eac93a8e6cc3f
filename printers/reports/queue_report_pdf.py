"""The queue report as an A4 PDF: tickets per hour (chart, table), then per area, counter, clerk."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from printers.fonts import register_fonts
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import build_pdf, esc, para, styles_for
from printers.progress import Progress
from printers.reports.common import SHEET, pdf_grid, pdf_header, pdf_section, period_text
from printers.reports.queue_data import QueueLine, QueueReportData, QueueTable, minutes

BAR = colors.HexColor("#1d5fa8")
DEFINITIONS = (
    "Thời gian chờ: từ lúc lấy số đến lúc được gọi tại quầy phục vụ cuối cùng; thời gian phục "
    "vụ: từ lúc được gọi đến lúc hoàn thành. P90: 90% lượt không vượt quá giá trị này. Khung "
    "7 giờ gồm cả số lấy sớm hơn, khung 17 giờ gồm cả số lấy muộn hơn."
)


def hour_chart(data: QueueReportData, width: float, height: float = 42 * mm) -> Drawing:
    """Vertical bars of the tickets issued per hour, each with its count."""
    regular, _bold = register_fonts()
    drawing = Drawing(width, height)
    counts = data.hour_total.counts
    top = max(counts, default=0) or 1
    slot = width / max(1, len(counts))
    plot_h = height - 26
    for i, (hour, n) in enumerate(zip(data.hours, counts, strict=True)):
        bar_h = plot_h * n / top
        x = i * slot + slot * 0.15
        drawing.add(Rect(x, 12, slot * 0.7, bar_h, fillColor=BAR, strokeColor=None))
        middle = i * slot + slot / 2
        drawing.add(
            String(middle, 14 + bar_h, str(n), fontName=regular, fontSize=7.5, textAnchor="middle")
        )
        drawing.add(
            String(middle, 2, f"{hour} giờ", fontName=regular, fontSize=7.5, textAnchor="middle")
        )
    return drawing


def _cells(line: QueueLine) -> list[object]:
    return [
        line.label,
        str(line.tickets),
        str(line.served),
        str(line.no_shows),
        minutes(line.wait_average),
        minutes(line.wait_p90),
        minutes(line.service_average),
        minutes(line.service_p90),
    ]


def group_table(table: QueueTable) -> list[Flowable]:
    """One group's table with its total row."""
    heads = [table.group_title, "Số phiếu", "Đã phục vụ", "Vắng mặt", "Chờ TB (phút)"]
    heads += ["Chờ P90 (phút)", "Phục vụ TB (phút)", "Phục vụ P90 (phút)"]
    fixed = [15 * mm, 17 * mm, 16 * mm] + [19 * mm] * 4
    rows = [_cells(r) for r in (*table.rows, table.total)]
    return [
        CondPageBreak(40 * mm),
        pdf_section(f"Theo {table.group_title.lower()}"),
        Spacer(1, 4),
        pdf_grid(heads, rows, [SHEET.width - sum(fixed), *fixed], total_row=True),
        Spacer(1, 10),
    ]


def hour_table(data: QueueReportData) -> Flowable:
    """Tickets issued per area and hour of the day."""
    heads = ["Khu vực dịch vụ", *(f"{h}h" for h in data.hours), "Tổng"]
    rows = [
        [r.label, *map(str, r.counts), str(r.total)] for r in (*data.hour_rows, data.hour_total)
    ]
    fixed = [10.5 * mm] * len(data.hours) + [13 * mm]
    return pdf_grid(heads, rows, [SHEET.width - sum(fixed), *fixed], total_row=True)


def render_queue_pdf(data: QueueReportData, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes: A4 portrait, page numbers "Trang x/y"."""
    st = styles_for(SHEET)
    story: list[Flowable] = pdf_header(
        data.office_name,
        data.title,
        period_text(data.period_start, data.period_end),
        " · ".join(data.filters),
        data.printed_at,
    )
    if not data.hour_total.total:
        story.append(para("Không có số thứ tự nào trong khoảng thời gian này.", st.line))
        return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas)
    story += [
        KeepTogether(
            [
                pdf_section("Số phiếu lấy theo giờ trong ngày"),
                Spacer(1, 4),
                hour_chart(data, SHEET.width),
                Spacer(1, 6),
                hour_table(data),
            ]
        ),
        Spacer(1, 10),
    ]
    for table in data.tables:
        story += group_table(table)
    story.append(para(esc(DEFINITIONS), st.cell))
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas, progress=progress)
