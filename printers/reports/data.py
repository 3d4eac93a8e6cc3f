"""What the satisfaction report prints: plain frozen dataclasses, already labelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

TITLE = "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG"


@dataclass(frozen=True)
class RateLine:
    """One group's ratings: counts per level (in the report's level order) and the rate."""

    label: str
    counts: tuple[int, ...]
    total: int
    satisfied: int
    rate: float | None  # a fraction; None when nobody rated
    average: float | None  # mean score, 5 best


@dataclass(frozen=True)
class ReasonLine:
    """A reason for dissatisfaction and how many chose it."""

    reason: str
    count: int
    share: float | None  # of the dissatisfied ratings


@dataclass(frozen=True)
class CommentRow:
    """A comment as printed: nothing in it names the citizen or the service event."""

    day: date
    counter: str
    clerk: str
    procedure: str
    level: str
    reasons: str
    comment: str


@dataclass(frozen=True)
class RatingReportData:
    """Everything on the report, in the order it is printed."""

    office_name: str
    period_start: date
    period_end: date
    printed_at: datetime
    group_title: str  # what the rows are: "Công chức", "Quầy", "Tháng"…
    filters: tuple[str, ...]  # "Quầy: 2", "Kênh: Kiosk"…; empty for all ratings
    level_labels: tuple[str, ...]
    rows: tuple[RateLine, ...]
    total: RateLine
    reasons: tuple[ReasonLine, ...]
    dissatisfied: int
    without_reason: int
    comments: tuple[CommentRow, ...]
    comments_note: str = ""  # why comments are missing or cut short
    title: str = TITLE


def average_text(average: float | None) -> str:
    """A mean score with a decimal comma: "4,52", or "—"."""
    return "—" if average is None else f"{average:.2f}".replace(".", ",")
