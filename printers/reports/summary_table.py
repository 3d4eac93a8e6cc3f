"""A generic report table (a label column, numeric columns, a total row) as PDF or XLSX.

Used by the dossier summary; any report whose body is one table of counts can use it.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.fonts import register_fonts
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import Sheet, build_pdf, esc, grid_style, heading, para, styles_for
from printers.reports.dossier_report_data import SummaryTableData, period_text
from printers.reports.ratings_pdf import SHEET as PORTRAIT

SHEET = Sheet("A4L-report", landscape(PORTRAIT.pagesize), PORTRAIT.margins, 8.0, 8.0, 12.0, 0.4)
_THIN = Side(style="thin", color="9AA5B1")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def nfc(value: object) -> object:
    """Text NFC-normalised; anything else as it is."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _lines(data: SummaryTableData) -> list[str]:
    return [
        data.office_name.upper(),
        data.title,
        period_text(data.period_start, data.period_end).capitalize(),
        data.subtitle,
        f"Ngày lập: {data.printed_at:%d/%m/%Y %H:%M}",
    ]


def render_summary_pdf(data: SummaryTableData) -> bytes:
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
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas)


def render_summary_xlsx(data: SummaryTableData) -> bytes:
    """The table in one sheet: heading lines, ruled table, numbers as numbers, notes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tổng hợp"
    for r, text in enumerate(_lines(data), start=1):
        sheet.cell(r, 1, nfc(text)).font = Font(bold=r <= 2, size=13 if r == 2 else 11)
    top = 7
    body = [(label, *nums) for label, nums in (*data.rows, data.total)]
    for c, head in enumerate(data.heads, start=1):
        cell = sheet.cell(top, c, nfc(head))
        cell.font, cell.border = Font(bold=True), _BOX
        cell.fill = PatternFill("solid", fgColor="E8EEF5")
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for r, values in enumerate(body, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, nfc(value))
            cell.border, cell.font = _BOX, Font(bold=r == top + len(body))
    for c in range(1, len(data.heads) + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 40.0 if c == 1 else 12.0
    sheet.row_dimensions[top].height = 45
    for r, note in enumerate(data.notes, start=top + len(body) + 2):
        sheet.cell(r, 1, nfc(note)).font = Font(italic=True)
    sheet.freeze_panes = sheet.cell(top + 1, 2)
    book.properties.title = unicodedata.normalize("NFC", data.title)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
