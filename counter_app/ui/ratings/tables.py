"""The columns of the report's three tables: summary rows, reasons, comments."""

from __future__ import annotations

from counter_app.domain.rating import LEVEL_CODES, format_rate
from counter_app.services.rating_reports import CommentLine, ReasonCount, SummaryRow
from counter_app.ui import texts
from counter_app.ui.table_model import Column


def average_text(average: float | None) -> str:
    """A mean score with a decimal comma, "4,52", or "—"."""
    return texts.NONE if average is None else f"{average:.2f}".replace(".", ",")


def _level_column(i: int, code: str) -> Column[SummaryRow]:
    return Column(texts.RATINGS_LEVEL_HEADERS[i], lambda r: str(r.count(code)), align_right=True)


def summary_columns(group_title: str) -> list[Column[SummaryRow]]:
    """The group, a count per level, the total, the satisfied, the rate and the mean score."""
    total, satisfied, rate, average = texts.RATINGS_SUMMARY_HEADERS
    return [
        Column(group_title, lambda r: r.label),
        *(_level_column(i, code) for i, code in enumerate(LEVEL_CODES)),
        Column(total, lambda r: str(r.total), align_right=True),
        Column(satisfied, lambda r: str(r.satisfied), align_right=True),
        Column(rate, lambda r: format_rate(r.rate), align_right=True),
        Column(average, lambda r: average_text(r.average), align_right=True),
    ]


REASON_COLUMNS: list[Column[ReasonCount]] = [
    Column(texts.RATINGS_REASON_HEADERS[0], lambda r: r.reason),
    Column(texts.RATINGS_REASON_HEADERS[1], lambda r: str(r.count), align_right=True),
    Column(texts.RATINGS_REASON_HEADERS[2], lambda r: format_rate(r.share), align_right=True),
]

COMMENT_COLUMNS: list[Column[CommentLine]] = [
    Column(texts.RATINGS_COMMENT_HEADERS[0], lambda c: f"{c.day:%d/%m/%Y}"),
    Column(
        texts.RATINGS_COMMENT_HEADERS[1],
        lambda c: texts.NONE if c.counter is None else str(c.counter),
        align_right=True,
    ),
    Column(texts.RATINGS_COMMENT_HEADERS[2], lambda c: c.clerk_name or texts.NONE),
    Column(texts.RATINGS_COMMENT_HEADERS[3], lambda c: c.procedure_name or texts.NONE),
    Column(texts.RATINGS_COMMENT_HEADERS[4], lambda c: c.level_label),
    Column(texts.RATINGS_COMMENT_HEADERS[5], lambda c: "; ".join(c.reasons)),
    Column(texts.RATINGS_COMMENT_HEADERS[6], lambda c: c.comment),
]
