"""The satisfaction report as an Excel workbook: summary, reasons and comments sheets."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from printers.progress import Progress, ignore
from printers.reports.common import nfc, period_text, workbook_bytes, xlsx_table, xlsx_title
from printers.reports.data import RateLine, RatingReportData

PERCENT = "0.0%"
AVERAGE = "0.00"


def _title(sheet: Worksheet, data: RatingReportData, subtitle: str) -> int:
    """The report's heading lines; returns the row where the table starts."""
    return xlsx_title(
        sheet,
        [
            data.office_name.upper(),
            data.title,
            period_text(data.period_start, data.period_end),
            " · ".join([subtitle, *data.filters]),
            f"Ngày lập: {data.printed_at:%d/%m/%Y %H:%M}",
        ],
    )


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
    xlsx_table(sheet, top, heads, rows, widths, formats, total_row=True)


def _reasons(sheet: Worksheet, data: RatingReportData) -> None:
    top = _title(sheet, data, f"Số lượt chưa hài lòng: {data.dissatisfied}")
    rows = [[i, r.reason, r.count, r.share] for i, r in enumerate(data.reasons, start=1)]
    heads = ("STT", "Lý do chưa hài lòng", "Số lượt chọn", "Tỷ lệ trên số lượt chưa hài lòng")
    end = xlsx_table(sheet, top, heads, rows, (6.0, 60.0, 13.0, 18.0), {4: PERCENT})
    sheet.cell(end + 1, 1, nfc(f"Số lượt chưa hài lòng không chọn lý do: {data.without_reason}"))


def _comments(sheet: Worksheet, data: RatingReportData) -> None:
    top = _title(sheet, data, "Ý kiến, lý do của từng lượt đánh giá")
    if data.comments_note:
        sheet.cell(top - 1, 1, nfc(data.comments_note)).font = Font(italic=True)
    rows = [
        [c.day, c.counter, c.clerk, c.procedure, c.level, c.reasons, c.comment]
        for c in data.comments
    ]
    heads = ("Ngày", "Quầy", "Công chức", "Thủ tục", "Mức đánh giá", "Lý do", "Ý kiến")
    widths = (12.0, 7.0, 22.0, 40.0, 18.0, 40.0, 50.0)
    xlsx_table(sheet, top, heads, rows, widths, {1: "dd/mm/yyyy"})


def render_ratings_xlsx(data: RatingReportData, progress: Progress | None = None) -> bytes:
    """The report as .xlsx bytes: rates are numbers formatted as percentages."""
    report = progress or ignore
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _summary(summary, data)
    report(0.3)
    _reasons(book.create_sheet("Lý do chưa hài lòng"), data)
    report(0.5)
    _comments(book.create_sheet("Ý kiến"), data)
    report(0.7)
    return workbook_bytes(book, data.title)
