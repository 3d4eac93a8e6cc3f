"""Folding the narrow ticket rows of a period into counts, averages and 90th percentiles.

Used on SQLite, which has no percentile function; PostgreSQL does the same in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from counter_app.services.queue_report_models import HOURS, PERCENTILE, hour_column

Stats = dict[Any, list[Any]]  # key -> [tickets, served, no_shows, *wait, *service]


def interpolate(low: float, high: float, n: int, fraction: float = PERCENTILE) -> float:
    """The percentile between the ranked values at floor and floor + 1 of fraction × (n − 1)."""
    position = fraction * (n - 1)
    return low + (position - int(position)) * (high - low)


def fold_stats(rows: list[Any], index: int) -> Stats:
    """Per value of column `index` (-1: all rows together) the same figures as _stats."""
    groups: dict[Any, list[Any]] = defaultdict(lambda: [0, 0, 0, [], []])
    for row in rows:
        group = groups[0 if index < 0 else row[index]]
        group[0] += 1
        if row[3]:
            group[row[3]] += 1  # 1 served, 2 no-show
        if row[5] is not None:
            group[3].append(row[5])
        if row[6] is not None:
            group[4].append(row[6])
    return {
        k: [n, served, absent, *_measure(w), *_measure(s)]
        for k, (n, served, absent, w, s) in groups.items()
    }


def fold_hours(rows: list[Any]) -> dict[int, list[int]]:
    """Tickets per area and hour column from the narrow rows."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * len(HOURS))
    for row in rows:
        counts[row[0]][hour_column(int(row[4]))] += 1
    return counts


def _measure(values: list[float]) -> tuple[int, float | None, float | None]:
    if not values:
        return 0, None, None
    values.sort()
    n = len(values)
    low = int(PERCENTILE * (n - 1))
    high = values[min(low + 1, n - 1)]
    return n, sum(values) / n, interpolate(values[low], high, n)
