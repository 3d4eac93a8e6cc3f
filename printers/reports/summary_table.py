"""A generic report table (a label column, numeric columns, a total row) as PDF or XLSX.

Used by the dossier summary; any report whose body is one table of counts can use it.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.fonts import register_fonts
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import Sheet, build_pdf, esc, grid_style, heading, para, styles_for
from printers.progress import Progress, ignore
from printers.reports.common import SHEET as PORTRAIT
from printers.reports.common import nfc, workbook_bytes, xlsx_table, xlsx_title
from printers.reports.dossier_report_data import SummaryTableData, period_text

SHEET = Sheet("A4L-report", landscape(PORTRAIT.pagesize), PORTRAIT.margins, 8.0, 8.0, 12.0, 0.4)


def _lines(data: SummaryTableData) -> list[str]:
    return [
        data.office_name.upper(),
        data.title,
        period_text(data.period_start, data.period_end).capitalize(),
        data.subtitle,
        f"Ngày lập: {data.printed_at:%d/%m/%Y %H:%M}",
    ]


def render_summary_pdf(data: SummaryTableData, progress: Progress | None = None) -> bytes:
    """The table on A4 landscape, headings repeated on each page, "Trang x/y"."""
    st = styles_for(SHEET)
    office, title, when, subtitle, made = _lines(data)
    story: list[Flowable] = [
        para(f"<b>{esc(office)}</b>", st.line),
        para(esc(title), st.title),
        para(esc(f"{when} · {made}"), st.centre),
        para(esc(subtitle), st.centre),
        Spacer(1, 6),
    ]
    rows: list[list[Any]] = [[heading(h, SHEET) for h in data.heads]]
    rows += [[para(esc(label), st.cell), *map(str, nums)] for label, nums in data.rows]
    rows.append([para("<b>Tổng cộng</b>", st.cell), *map(str, data.total[1])])
    number_w = 14.5 * mm
    numbers = len(data.heads) - 1
    table = Table(
        rows,
        colWidths=[SHEET.width - number_w * numbers, *[number_w] * numbers],
        repeatRows=1,
    )
    _regular, bold = register_fonts()
    table.setStyle(
        TableStyle(
            [
                *grid_style(1, SHEET),
                ("BACKGROUND", (0, 0), (-1, 0), "#f0f0f0"),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("BACKGROUND", (0, -1), (-1, -1), "#e8eef5"),
            ]
        )
    )
    story += [table, Spacer(1, 6), *(para(esc(n), st.cell) for n in data.notes)]
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas, progress=progress)


def render_summary_xlsx(data: SummaryTableData, progress: Progress | None = None) -> bytes:
    """The table in one sheet: heading lines, ruled table, numbers as numbers, notes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tổng hợp"
    top = xlsx_title(sheet, _lines(data))
    body = [(label, *nums) for label, nums in (*data.rows, data.total)]
    widths = [40.0] + [12.0] * (len(data.heads) - 1)
    end = xlsx_table(sheet, top, data.heads, body, widths, total_row=True)
    (progress or ignore)(0.6)
    sheet.row_dimensions[top].height = 45
    for r, note in enumerate(data.notes, start=end + 1):
        sheet.cell(r, 1, nfc(note)).font = Font(italic=True)
    sheet.freeze_panes = sheet.cell(top + 1, 2)
    return workbook_bytes(book, data.title)
