"""The satisfaction report as an Excel workbook: summary, reasons and comments sheets."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from printers.reports.data import RateLine, RatingReportData

PERCENT = "0.0%"
AVERAGE = "0.00"
_THIN = Side(style="thin", color="9AA5B1")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E8EEF5")
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _title(sheet: Worksheet, data: RatingReportData, subtitle: str) -> int:
    """The report's heading lines; returns the row where the table starts."""
    lines = [
        data.office_name.upper(),
        data.title,
        f"Từ ngày {data.period_start:%d/%m/%Y} đến ngày {data.period_end:%d/%m/%Y}",
        " · ".join([subtitle, *data.filters]),
        f"Ngày lập: {data.printed_at:%d/%m/%Y %H:%M}",
    ]
    for row, text in enumerate(lines, start=1):
        cell = sheet.cell(row, 1, _nfc(text))
        cell.font = Font(bold=row <= 2, size=13 if row == 2 else 11)
    return len(lines) + 2


def _table(
    sheet: Worksheet,
    top: int,
    heads: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    formats: dict[int, str] | None = None,
) -> int:
    """A ruled table with bold wrapped headings; returns the row after it."""
    for col, head in enumerate(heads, start=1):
        cell = sheet.cell(top, col, _nfc(head))
        cell.font, cell.fill, cell.alignment, cell.border = (
            Font(bold=True),
            _HEAD_FILL,
            _HEAD_ALIGN,
            _BOX,
        )
    for r, values in enumerate(rows, start=top + 1):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, _nfc(value))
            cell.border = _BOX
            if isinstance(value, str):
                cell.alignment = _WRAP
            if formats and col in formats:
                cell.number_format = formats[col]
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(top + 1, 1)
    return top + 1 + len(rows)


def _rate_values(line: RateLine) -> list[object]:
    return [line.label, *line.counts, line.total, line.satisfied, line.rate, line.average]


def _summary(sheet: Worksheet, data: RatingReportData) -> None:
    top = _title(sheet, data, f"Nhóm theo: {data.group_title}")
    heads = [data.group_title, *data.level_labels, "Tổng số", "Số hài lòng", "Tỷ lệ hài lòng"]
    heads.append("Điểm trung bình")
    levels = len(data.level_labels)
    formats = {levels + 4: PERCENT, levels + 5: AVERAGE}
    rows = [_rate_values(r) for r in (*data.rows, data.total)]
    widths = [42.0] + [13.0] * levels + [10.0, 12.0, 13.0, 13.0]
    end = _table(sheet, top, heads, rows, widths, formats)
    for cell in sheet[end - 1]:
        cell.font = Font(bold=True)
    sheet.row_dimensions[top].height = 32


def _reasons(sheet: Worksheet, data: RatingReportData) -> None:
    top = _title(sheet, data, f"Số lượt chưa hài lòng: {data.dissatisfied}")
    rows = [[i, r.reason, r.count, r.share] for i, r in enumerate(data.reasons, start=1)]
    heads = ("STT", "Lý do chưa hài lòng", "Số lượt chọn", "Tỷ lệ trên số lượt chưa hài lòng")
    end = _table(sheet, top, heads, rows, (6.0, 60.0, 13.0, 18.0), {4: PERCENT})
    sheet.cell(end + 1, 1, _nfc(f"Số lượt chưa hài lòng không chọn lý do: {data.without_reason}"))
    sheet.row_dimensions[top].height = 32


def _comments(sheet: Worksheet, data: RatingReportData) -> None:
    top = _title(sheet, data, "Ý kiến, lý do của từng lượt đánh giá")
    if data.comments_note:
        sheet.cell(top - 1, 1, _nfc(data.comments_note)).font = Font(italic=True)
    rows = [
        [c.day, c.counter, c.clerk, c.procedure, c.level, c.reasons, c.comment]
        for c in data.comments
    ]
    heads = ("Ngày", "Quầy", "Công chức", "Thủ tục", "Mức đánh giá", "Lý do", "Ý kiến")
    _table(sheet, top, heads, rows, (12.0, 7.0, 22.0, 40.0, 18.0, 40.0, 50.0), {1: "dd/mm/yyyy"})


def render_ratings_xlsx(data: RatingReportData) -> bytes:
    """The report as .xlsx bytes: rates are numbers formatted as percentages."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _summary(summary, data)
    _reasons(book.create_sheet("Lý do chưa hài lòng"), data)
    _comments(book.create_sheet("Ý kiến"), data)
    book.properties.title = unicodedata.normalize("NFC", data.title)
    book.properties.creator = "Một Cửa Counter"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
