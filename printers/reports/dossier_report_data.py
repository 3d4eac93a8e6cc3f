"""What the dossier reports print: plain frozen dataclasses, already labelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from printers.forms.data import OfficeHeader

PROVINCE_TITLE = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
SUMMARY_TITLE = "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"


@dataclass(frozen=True)
class ProvinceLine:
    """One field (lĩnh vực) of the province report, in the order of its columns."""

    label: str
    received_online: int
    received_direct: int  # at the counter or by post
    carried_over: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    open_on_time: int
    open_late: int

    @property
    def received_total(self) -> int:
        """Số hồ sơ nhận giải quyết: tổng số."""
        return self.received_online + self.received_direct + self.carried_over

    @property
    def resolved_total(self) -> int:
        """Số hồ sơ đã giải quyết: tổng số."""
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def open_total(self) -> int:
        """Số hồ sơ đang giải quyết: tổng số."""
        return self.open_on_time + self.open_late

    def cells(self) -> tuple[int, ...]:
        """The eleven numbers of the row, left to right."""
        return (
            self.received_total,
            self.received_online,
            self.received_direct,
            self.carried_over,
            self.resolved_total,
            self.resolved_early,
            self.resolved_on_time,
            self.resolved_late,
            self.open_total,
            self.open_on_time,
            self.open_late,
        )


#: The multi-level heading: (top heading, its sub-headings); "Trong kỳ" has two of its own.
PROVINCE_HEADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Số hồ sơ nhận giải quyết", ("Tổng số", "Trong kỳ", "Từ kỳ trước chuyển qua")),
    ("Số hồ sơ đã giải quyết", ("Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn")),
    ("Số hồ sơ đang giải quyết", ("Tổng số", "Trong hạn", "Quá hạn")),
)
IN_PERIOD_HEADS = ("Trực tuyến", "Trực tiếp, bưu chính")


@dataclass(frozen=True)
class ProvinceReportData:
    """The periodic report to the province: header, one line per field, total, signatures."""

    header: OfficeHeader
    period_start: date
    period_end: date
    made_on: date
    lines: tuple[ProvinceLine, ...]
    total: ProvinceLine
    printed_at: datetime
    title: str = PROVINCE_TITLE


@dataclass(frozen=True)
class SummaryTableData:
    """A generic report table: a first label column, numeric columns, the total row last."""

    office_name: str
    title: str
    period_start: date
    period_end: date
    printed_at: datetime
    subtitle: str  # "Nhóm theo: Lĩnh vực · Kênh: Trực tuyến"
    heads: tuple[str, ...]  # the label column's heading first
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    total: tuple[str, tuple[int, ...]]
    notes: tuple[str, ...] = ()


def period_text(start: date, end: date) -> str:
    """ "từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy"."""
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
