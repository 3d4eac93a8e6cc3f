"""What the queue report prints: plain frozen dataclasses, already labelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

QUEUE_TITLE = "BÁO CÁO TÌNH HÌNH XẾP HÀNG, PHỤC VỤ"


@dataclass(frozen=True)
class QueueLine:
    """One group's tickets and times (minutes; None when nothing was measured)."""

    label: str
    tickets: int
    served: int
    no_shows: int
    wait_average: float | None
    wait_p90: float | None
    service_average: float | None
    service_p90: float | None


@dataclass(frozen=True)
class QueueTable:
    """A table of groups ("Khu vực dịch vụ", "Quầy", "Công chức") with its total row."""

    group_title: str
    rows: tuple[QueueLine, ...]
    total: QueueLine


@dataclass(frozen=True)
class HourLine:
    """Tickets issued per hour column."""

    label: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class QueueReportData:
    """Everything on the queue report, in the order it is printed."""

    office_name: str
    period_start: date
    period_end: date
    printed_at: datetime
    filters: tuple[str, ...]
    tables: tuple[QueueTable, ...]
    hours: tuple[int, ...]  # the hour columns, e.g. 7..17
    hour_rows: tuple[HourLine, ...]
    hour_total: HourLine
    title: str = QUEUE_TITLE


def minutes(value: float | None) -> str:
    """Minutes with a decimal comma: "12,5", or "—"."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",")
