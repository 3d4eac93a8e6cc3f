"""The queue report as an Excel workbook: one sheet per grouping, one for the hours."""

from __future__ import annotations

from openpyxl import Workbook

from printers.progress import Progress, ignore
from printers.reports.common import period_text, workbook_bytes, xlsx_table, xlsx_title
from printers.reports.queue_data import QueueReportData, QueueTable

MINUTES = "0.0"


def _lines(data: QueueReportData, subtitle: str) -> list[str]:
    return [
        data.office_name.upper(),
        data.title,
        period_text(data.period_start, data.period_end),
        " · ".join([subtitle, *data.filters]),
        f"Ngày lập: {data.printed_at:%d/%m/%Y %H:%M}",
    ]


def _group_rows(table: QueueTable) -> list[list[object]]:
    return [
        [
            r.label,
            r.tickets,
            r.served,
            r.no_shows,
            r.wait_average,
            r.wait_p90,
            r.service_average,
            r.service_p90,
        ]
        for r in (*table.rows, table.total)
    ]


def render_queue_xlsx(data: QueueReportData, progress: Progress | None = None) -> bytes:
    """The report as .xlsx bytes: minutes are numbers with one decimal."""
    book = Workbook()
    hours = book.active
    assert hours is not None
    hours.title = "Theo giờ"
    top = xlsx_title(hours, _lines(data, "Số phiếu lấy theo khu vực và giờ"))
    heads = ["Khu vực dịch vụ", *(f"{h} giờ" for h in data.hours), "Tổng"]
    rows = [[r.label, *r.counts, r.total] for r in (*data.hour_rows, data.hour_total)]
    xlsx_table(hours, top, heads, rows, [30.0] + [8.0] * (len(data.hours) + 1), total_row=True)
    for table in data.tables:
        sheet = book.create_sheet(f"Theo {table.group_title.lower()}"[:31])
        top = xlsx_title(sheet, _lines(data, f"Theo {table.group_title.lower()}"))
        heads = [table.group_title, "Số phiếu", "Đã phục vụ", "Vắng mặt", "Chờ TB (phút)"]
        heads += ["Chờ P90 (phút)", "Phục vụ TB (phút)", "Phục vụ P90 (phút)"]
        formats = dict.fromkeys(range(5, 9), MINUTES)
        widths = [34.0, 10.0, 11.0, 10.0, 12.0, 12.0, 13.0, 13.0]
        xlsx_table(sheet, top, heads, _group_rows(table), widths, formats, total_row=True)
        (progress or ignore)(0.2 + 0.2 * len(book.sheetnames))
    return workbook_bytes(book, data.title)
