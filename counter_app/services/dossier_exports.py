"""Dossier reports turned into what the printers take: the province table, the summary table."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from counter_app.services.dossier_report_models import DossierCounts, DossierRow, DossierSummary
from counter_app.services.forms import office_header
from counter_app.services.office import OfficeInfo
from printers.forms.data import OfficeHeader
from printers.reports.dossier_report_data import (
    SUMMARY_TITLE,
    ProvinceLine,
    ProvinceReportData,
    SummaryTableData,
)

ExportKind = Literal["pdf", "xlsx"]

#: The summary table's numeric columns: (DossierCounts attribute, heading).
SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("received", "Tiếp nhận trong kỳ"),
    ("carried_over", "Kỳ trước chuyển qua"),
    ("resolved_early", "Giải quyết trước hạn"),
    ("resolved_on_time", "Giải quyết đúng hạn"),
    ("resolved_late", "Giải quyết quá hạn"),
    ("open_on_time", "Đang giải quyết trong hạn"),
    ("open_late", "Đang giải quyết quá hạn"),
    ("returned", "Đã trả kết quả"),
    ("withdrawn", "Công dân rút"),
    ("stopped", "Dừng xử lý"),
    ("refused", "Từ chối tiếp nhận"),
    ("at_counter", "Trực tiếp"),
    ("by_post", "Bưu chính"),
    ("online", "Trực tuyến"),
)


def province_line(label: str, c: DossierCounts) -> ProvinceLine:
    """A field's figures in the province layout."""
    return ProvinceLine(
        label,
        c.online,
        c.at_counter + c.by_post,
        c.carried_over,
        c.resolved_early,
        c.resolved_on_time,
        c.resolved_late,
        c.open_on_time,
        c.open_late,
    )


def province_data(
    summary: DossierSummary, office: OfficeInfo | None, now: datetime
) -> ProvinceReportData:
    """The province report of a summary grouped by field."""
    header = office_header(office) if office else OfficeHeader("", "", "")
    return ProvinceReportData(
        header=header,
        period_start=summary.period.start,
        period_end=summary.period.end,
        made_on=now.date(),
        lines=tuple(province_line(r.label, r.counts) for r in summary.rows),
        total=province_line("Tổng cộng", summary.total.counts),
        printed_at=now,
    )


def _values(row: DossierRow) -> tuple[str, tuple[int, ...]]:
    return row.label, tuple(int(getattr(row.counts, name)) for name, _ in SUMMARY_COLUMNS)


def summary_data(
    summary: DossierSummary, office_name: str, filters: tuple[str, ...], now: datetime
) -> SummaryTableData:
    """The summary as a generic report table."""
    return SummaryTableData(
        office_name=office_name,
        title=SUMMARY_TITLE,
        period_start=summary.period.start,
        period_end=summary.period.end,
        printed_at=now,
        subtitle=" · ".join([f"Nhóm theo: {summary.group_by.label}", *filters]),
        heads=(summary.group_by.label, *(head for _, head in SUMMARY_COLUMNS)),
        rows=tuple(_values(r) for r in summary.rows),
        total=_values(summary.total),
        notes=(
            "Kỳ trước chuyển qua: tiếp nhận trước kỳ, chưa giải quyết xong vào đầu kỳ. "
            "Hồ sơ có phiếu xin lỗi, hẹn lại ngày trả được tính quá hạn.",
        ),
    )
