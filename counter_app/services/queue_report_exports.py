"""The queue report turned into what the printers take, rendered to PDF or XLSX bytes."""

from __future__ import annotations

from datetime import datetime

from counter_app.services.queue_report_models import HOURS, QueueReport, QueueRow
from printers.progress import Progress
from printers.reports.queue_data import HourLine, QueueLine, QueueReportData, QueueTable
from printers.reports.queue_report_pdf import render_queue_pdf
from printers.reports.queue_report_xlsx import render_queue_xlsx

EXPORT_KINDS = ("pdf", "xlsx")


def queue_line(row: QueueRow) -> QueueLine:
    """A report row as printed."""
    return QueueLine(
        row.label,
        row.tickets,
        row.served,
        row.no_shows,
        row.wait.average,
        row.wait.p90,
        row.service.average,
        row.service.p90,
    )


def report_data(
    report: QueueReport, office_name: str, filters: tuple[str, ...], printed_at: datetime
) -> QueueReportData:
    """Everything the PDF and the workbook show."""
    total = queue_line(report.total)
    tables = tuple(
        QueueTable(title, tuple(queue_line(r) for r in rows), total)
        for title, rows in (
            ("Khu vực dịch vụ", report.by_area),
            ("Quầy", report.by_counter),
            ("Công chức", report.by_clerk),
        )
    )
    return QueueReportData(
        office_name=office_name,
        period_start=report.period.start,
        period_end=report.period.end,
        printed_at=printed_at,
        filters=filters,
        tables=tables,
        hours=HOURS,
        hour_rows=tuple(HourLine(r.label, r.counts, r.total) for r in report.hours),
        hour_total=HourLine(
            report.hour_total.label, report.hour_total.counts, report.hour_total.total
        ),
    )


def render(data: QueueReportData, kind: str, progress: Progress | None = None) -> bytes:
    """PDF or XLSX bytes, telling progress."""
    if kind == "pdf":
        return render_queue_pdf(data, progress)
    return render_queue_xlsx(data, progress)
