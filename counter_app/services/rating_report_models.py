"""The plain results of the satisfaction reports: groups, rows, reasons, comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from counter_app.domain.rating import (
    LEVEL_CODES,
    SATISFIED,
    VERY_SATISFIED,
    level_of,
    satisfaction_rate,
)
from counter_app.services.report_access import ReportPeriod

#: The reports' period, under the name the satisfaction and queue reports use.
Period = ReportPeriod


class GroupBy(StrEnum):
    """What the summary's rows are."""

    CLERK = "clerk"
    COUNTER = "counter"
    AREA = "area"
    PROCEDURE = "procedure"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def label(self) -> str:
        """The rows' heading in Vietnamese."""
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    GroupBy.CLERK: "Công chức",
    GroupBy.COUNTER: "Quầy",
    GroupBy.AREA: "Khu vực dịch vụ",
    GroupBy.PROCEDURE: "Thủ tục hành chính",
    GroupBy.DAY: "Ngày",
    GroupBy.WEEK: "Tuần",
    GroupBy.MONTH: "Tháng",
}
#: Comments are listed only for selections holding at least this many ratings.
MIN_RATINGS_FOR_COMMENTS = 5
#: At most this many comments are listed, the newest days first.
COMMENT_LIMIT = 1000
CHANNEL_LABELS = {"counter": "Màn hình tại quầy", "kiosk": "Kiosk (quét giấy hẹn)"}


@dataclass(frozen=True)
class RatingFilters:
    """Optional narrowing of a report; None means all."""

    counter: int | None = None
    clerk_id: int | None = None
    area_id: int | None = None
    procedure_code: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class SummaryRow:
    """One group's ratings: counts per level (LEVEL_CODES order), total and score sum."""

    key: str
    label: str
    counts: tuple[int, ...]
    total: int
    score_sum: int

    def count(self, level: str) -> int:
        """How many ratings gave this level."""
        return self.counts[LEVEL_CODES.index(level)]

    @property
    def satisfied(self) -> int:
        """Very satisfied plus satisfied."""
        return self.count(VERY_SATISFIED) + self.count(SATISFIED)

    @property
    def rate(self) -> float | None:
        """The satisfaction rate as a fraction; None without ratings."""
        return satisfaction_rate(self.satisfied, self.total)

    @property
    def average(self) -> float | None:
        """The mean score (5 best, 1 worst); None without ratings."""
        return self.score_sum / self.total if self.total else None


@dataclass(frozen=True)
class RatingSummary:
    """The rows of a report and their total."""

    period: Period
    group_by: GroupBy
    filters: RatingFilters
    rows: tuple[SummaryRow, ...]
    total: SummaryRow


@dataclass(frozen=True)
class ReasonCount:
    """How many dissatisfied ratings chose a reason (one rating may choose several)."""

    reason: str
    count: int
    share: float | None  # of the dissatisfied ratings


@dataclass(frozen=True)
class CommentLine:
    """A comment or a dissatisfied rating's reasons, without anything naming the event."""

    day: date
    counter: int | None
    clerk_name: str
    procedure_name: str
    level: str
    reasons: tuple[str, ...]
    comment: str

    @property
    def level_label(self) -> str:
        """The level in Vietnamese."""
        return level_of(self.level).label


@dataclass(frozen=True)
class ReasonReport:
    """Reasons given by the dissatisfied, and the comments (unless withheld)."""

    total: int
    dissatisfied: int
    without_reason: int
    reasons: tuple[ReasonCount, ...]
    comments: tuple[CommentLine, ...]
    comments_withheld: bool  # fewer than MIN_RATINGS_FOR_COMMENTS ratings selected
    comments_cut: bool  # more than COMMENT_LIMIT, the newest kept


@dataclass(frozen=True)
class FilterChoices:
    """What the filters offer: values found in the ratings, with their names."""

    counters: tuple[int, ...]
    clerks: tuple[tuple[int, str], ...]
    areas: tuple[tuple[int, str], ...]
    procedures: tuple[tuple[str, str], ...]


def day_of(value: object) -> date:
    """A day group as SQLite (text) or PostgreSQL (date) returns it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def bucket(group_by: GroupBy, day: date) -> tuple[str, str]:
    """The key and label of the day, week (ISO, Monday first) or month holding `day`."""
    if group_by is GroupBy.DAY:
        return day.isoformat(), f"{day:%d/%m/%Y}"
    if group_by is GroupBy.MONTH:
        return f"{day:%Y-%m}", f"Tháng {day.month:02d}/{day.year}"
    year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    return f"{year}-W{week:02d}", f"Tuần {week} ({monday:%d/%m} – {sunday:%d/%m/%Y})"


def sum_rows(key: str, label: str, rows: list[SummaryRow]) -> SummaryRow:
    """One row adding up several."""
    counts = tuple(sum(r.counts[i] for r in rows) for i in range(len(LEVEL_CODES)))
    return SummaryRow(
        key, label, counts, sum(r.total for r in rows), sum(r.score_sum for r in rows)
    )
