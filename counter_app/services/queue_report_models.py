"""The plain results of the queue reports: durations, rows per group, the area × hour table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from counter_app.services.rating_report_models import Period

__all__ = [
    "FIRST_HOUR",
    "HOURS",
    "LAST_HOUR",
    "PERCENTILE",
    "Durations",
    "HourRow",
    "Period",
    "QueueFilters",
    "QueueReport",
    "QueueRow",
    "hour_column",
    "minutes_text",
]

#: The area × hour table's columns: 7 h to 17 h; earlier tickets count in 7, later in 17.
FIRST_HOUR = 7
LAST_HOUR = 17
HOURS = tuple(range(FIRST_HOUR, LAST_HOUR + 1))
#: The percentile reported beside the mean (linear interpolation, like percentile_cont).
PERCENTILE = 0.9


def hour_column(hour: int) -> int:
    """The column of a ticket issued at this hour (clamped to the office day)."""
    return min(max(hour, FIRST_HOUR), LAST_HOUR) - FIRST_HOUR


@dataclass(frozen=True)
class QueueFilters:
    """Optional narrowing of a queue report; None means all."""

    area_id: int | None = None
    counter: int | None = None
    clerk_id: int | None = None


@dataclass(frozen=True)
class Durations:
    """How many durations were measured, their mean and 90th percentile, in minutes."""

    count: int = 0
    average: float | None = None
    p90: float | None = None


@dataclass(frozen=True)
class QueueRow:
    """One group's tickets.

    `tickets` counts the group's tickets of the period (for counters and clerks: those called
    there; never-called tickets form the "not called" row). Wait runs from taking the number to
    the call at the counter that served last; service from that call to done.
    """

    key: str
    label: str
    tickets: int
    served: int
    no_shows: int
    wait: Durations
    service: Durations

    @property
    def unfinished(self) -> int:
        """Tickets neither served nor marked absent (still waiting or being served, or left)."""
        return self.tickets - self.served - self.no_shows


@dataclass(frozen=True)
class HourRow:
    """Tickets issued in one area per hour of the day (columns HOURS)."""

    key: str
    label: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """The row's tickets."""
        return sum(self.counts)


@dataclass(frozen=True)
class QueueReport:
    """Everything the queue report shows for a period."""

    period: Period
    filters: QueueFilters
    by_area: tuple[QueueRow, ...]
    by_counter: tuple[QueueRow, ...]
    by_clerk: tuple[QueueRow, ...]
    total: QueueRow
    hours: tuple[HourRow, ...]
    hour_total: HourRow
    made_at: datetime


def minutes_text(value: float | None) -> str:
    """Minutes with a decimal comma, "12,5", or "—" when nothing was measured."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def minutes_of(delta: timedelta | None) -> float | None:
    """A duration in minutes."""
    return None if delta is None else delta.total_seconds() / 60
