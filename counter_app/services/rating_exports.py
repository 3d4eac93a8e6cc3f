"""The satisfaction report turned into what the printers take: labels, rates, comment rows."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from counter_app.domain.rating import LEVEL_CODES, level_of
from counter_app.services.rating_report_models import (
    MIN_RATINGS_FOR_COMMENTS,
    RatingSummary,
    ReasonReport,
    SummaryRow,
)
from printers.progress import Progress
from printers.reports import render_ratings_pdf, render_ratings_xlsx
from printers.reports.data import CommentRow, RateLine, RatingReportData, ReasonLine

ExportKind = Literal["pdf", "xlsx"]
EXPORT_KINDS: tuple[ExportKind, ...] = ("pdf", "xlsx")


def rate_line(row: SummaryRow) -> RateLine:
    """A summary row as printed."""
    return RateLine(row.label, row.counts, row.total, row.satisfied, row.rate, row.average)


def comments_note(reasons: ReasonReport) -> str:
    """Why comments are missing or cut short; empty when all are there."""
    if reasons.comments_withheld:
        return (
            f"Có dưới {MIN_RATINGS_FOR_COMMENTS} lượt đánh giá: không liệt kê từng ý kiến "
            "để giữ bí mật cho người đánh giá."
        )
    if reasons.comments_cut:
        return f"Chỉ liệt kê {len(reasons.comments)} ý kiến gần nhất."
    return ""


def report_data(
    summary: RatingSummary,
    reasons: ReasonReport,
    office_name: str,
    filters: tuple[str, ...],
    printed_at: datetime,
) -> RatingReportData:
    """Everything the PDF and the workbook show."""
    return RatingReportData(
        office_name=office_name,
        period_start=summary.period.start,
        period_end=summary.period.end,
        printed_at=printed_at,
        group_title=summary.group_by.label,
        filters=filters,
        level_labels=tuple(level_of(code).label for code in LEVEL_CODES),
        rows=tuple(rate_line(r) for r in summary.rows),
        total=rate_line(summary.total),
        reasons=tuple(ReasonLine(r.reason, r.count, r.share) for r in reasons.reasons),
        dissatisfied=reasons.dissatisfied,
        without_reason=reasons.without_reason,
        comments=tuple(
            CommentRow(
                c.day,
                "" if c.counter is None else str(c.counter),
                c.clerk_name,
                c.procedure_name,
                c.level_label,
                "; ".join(c.reasons),
                c.comment,
            )
            for c in reasons.comments
        ),
        comments_note=comments_note(reasons),
    )


def render(data: RatingReportData, kind: ExportKind, progress: Progress | None = None) -> bytes:
    """PDF or XLSX bytes, telling progress."""
    if kind == "pdf":
        return render_ratings_pdf(data, progress)
    return render_ratings_xlsx(data, progress)
