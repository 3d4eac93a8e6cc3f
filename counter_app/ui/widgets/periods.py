"""The quick period choices of the report (this week, this quarter…), as plain dates."""

from __future__ import annotations

from datetime import date, timedelta

TODAY = "today"
WEEK = "week"
MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
CUSTOM = "custom"


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def quick_period(choice: str, today: date) -> tuple[date, date]:
    """The whole day, week (Monday first), month, quarter or year holding today."""
    if choice == TODAY:
        return today, today
    if choice == WEEK:
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if choice == MONTH:
        return today.replace(day=1), _month_end(today.year, today.month)
    if choice == QUARTER:
        first = 3 * ((today.month - 1) // 3) + 1
        return date(today.year, first, 1), _month_end(today.year, first + 2)
    if choice == YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    raise ValueError(f"unknown period choice {choice!r}")
