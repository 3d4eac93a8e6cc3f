"""The periodic report to the province as an Excel workbook, headings merged as on paper."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from printers.forms.layout import MOTTO, SLOGAN, date_line
from printers.progress import Progress, ignore
from printers.reports.common import nfc, workbook_bytes
from printers.reports.dossier_report_data import ProvinceLine, ProvinceReportData, period_text
from printers.reports.province_report_pdf import SIGN_CAPTION, SPANS, heading_rows

#: The first row of the table's headings (rows above hold the header and the title).
TABLE_TOP = 7
_COLUMNS = 13
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="F0F0F0")
_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _put(sheet: Worksheet, row: int, col: int, value: object, **style: object) -> None:
    cell = sheet.cell(row, col, nfc(value))
    for name, given in style.items():
        setattr(cell, name, given)


def _header(sheet: Worksheet, data: ProvinceReportData) -> None:
    half = 5
    last = get_column_letter(_COLUMNS)
    lines = [
        (1, 1, data.header.superior.upper(), False),
        (2, 1, data.header.office_name.upper(), True),
        (1, half + 1, MOTTO, True),
        (2, half + 1, SLOGAN, True),
        (3, half + 1, date_line(data.header.place_name, data.made_on), False),
    ]
    for row, col, text, bold in lines:
        _put(sheet, row, col, text, font=Font(bold=bold, italic=row == 3), alignment=_CENTRE)
        end = get_column_letter(half) if col == 1 else last
        sheet.merge_cells(f"{get_column_letter(col)}{row}:{end}{row}")
    _put(sheet, 4, 1, data.title, font=Font(bold=True, size=13), alignment=_CENTRE)
    sheet.merge_cells(f"A4:{last}4")
    when = f"Kỳ báo cáo: {period_text(data.period_start, data.period_end)}"
    _put(sheet, 5, 1, when, alignment=_CENTRE)
    sheet.merge_cells(f"A5:{last}5")


def _table(sheet: Worksheet, data: ProvinceReportData) -> int:
    """Headings, lines and total; returns the row after the table."""
    for r, values in enumerate(heading_rows(str), start=TABLE_TOP):
        for c, value in enumerate(values, start=1):
            _put(sheet, r, c, value or None, font=Font(bold=True), fill=_HEAD_FILL)
            sheet.cell(r, c).alignment, sheet.cell(r, c).border = _CENTRE, _BOX
    for (c1, r1), (c2, r2) in SPANS:
        sheet.merge_cells(
            start_row=TABLE_TOP + r1,
            start_column=c1 + 1,
            end_row=TABLE_TOP + r2,
            end_column=c2 + 1,
        )
    lines: list[tuple[object, ProvinceLine]] = list(enumerate(data.lines, start=1))
    lines.append(("", data.total))
    row = TABLE_TOP + 4
    for stt, line in lines:
        label = "Tổng cộng" if stt == "" else line.label
        for c, value in enumerate((stt or None, label, *line.cells()), start=1):
            _put(sheet, row, c, value, border=_BOX, font=Font(bold=stt == ""))
        sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="center")
        row += 1
    return row


def render_province_xlsx(data: ProvinceReportData, progress: Progress | None = None) -> bytes:
    """The report as .xlsx bytes; the numbers are numbers, the total row is bold."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Báo cáo TTHC"
    _header(sheet, data)
    end = _table(sheet, data)
    (progress or ignore)(0.6)
    for col, width in enumerate([6.0, 34.0] + [11.0] * (_COLUMNS - 2), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    for r in range(TABLE_TOP, TABLE_TOP + 3):
        sheet.row_dimensions[r].height = 30
    for col, title in ((1, "NGƯỜI LẬP BIỂU"), (9, "THỦ TRƯỞNG ĐƠN VỊ")):
        _put(sheet, end + 2, col, title, font=Font(bold=True), alignment=_CENTRE)
        _put(sheet, end + 3, col, SIGN_CAPTION, font=Font(italic=True), alignment=_CENTRE)
        for r in (end + 2, end + 3):
            sheet.merge_cells(start_row=r, start_column=col, end_row=r, end_column=col + 4)
    sheet.freeze_panes = sheet.cell(TABLE_TOP + 4, 3)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return workbook_bytes(book, data.title)
