"""The queue report's table columns: per group (area, counter, clerk) and area × hour."""

from __future__ import annotations

from collections.abc import Callable

from counter_app.services.queue_report_models import HOURS, HourRow, QueueRow, minutes_text
from counter_app.ui import texts
from counter_app.ui.table_model import Column


def group_columns(title: str) -> list[Column[QueueRow]]:
    """The group's name, then counts and minutes."""
    c = texts.QREPORT_COLUMNS
    values = (
        lambda r: str(r.tickets),
        lambda r: str(r.served),
        lambda r: str(r.no_shows),
        lambda r: minutes_text(r.wait.average),
        lambda r: minutes_text(r.wait.p90),
        lambda r: minutes_text(r.service.average),
        lambda r: minutes_text(r.service.p90),
    )
    return [Column(title, lambda r: r.label)] + [
        Column(head, fn, align_right=True) for head, fn in zip(c, values, strict=True)
    ]


def _hour_cell(i: int) -> Callable[[HourRow], str]:
    return lambda r: str(r.counts[i])


def hour_columns() -> list[Column[HourRow]]:
    """The area, one column per hour, the total."""
    columns: list[Column[HourRow]] = [Column(texts.QREPORT_GROUP_AREA, lambda r: r.label)]
    for i, hour in enumerate(HOURS):
        columns.append(Column(texts.QREPORT_HOUR.format(h=hour), _hour_cell(i), align_right=True))
    return [*columns, Column(texts.QREPORT_TOTAL, lambda r: str(r.total), align_right=True)]
