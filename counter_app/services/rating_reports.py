"""Satisfaction reports for the supervisor: rates per clerk, counter, area, procedure or period.

Only supervisors and admins read them; a clerk never sees ratings of their own service.
Everything is counted in SQL (GROUP BY); weeks and months are folded in Python from day
groups, since SQLite and PostgreSQL bucket dates differently. A rating counts on the day the
citizen gave it (`rated_at`).

Confidentiality (Decree 118): nothing here names an event, a ticket or a dossier. Comments
carry their day but never their time, are sorted by day, counter and text (never in the order
they came), and are listed only when the selection holds at least
MIN_RATINGS_FOR_COMMENTS ratings: in a smaller one a comment could be matched to the person
served.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select, true
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.rating import LEVEL_CODES, level_of, satisfaction_rate
from counter_app.domain.text import fold
from counter_app.services import audit
from counter_app.services.errors import ValidationError
from counter_app.services.office import OfficeService
from counter_app.services.principal import Principal
from counter_app.services.rating_exports import EXPORT_KINDS, ExportKind, render, report_data
from counter_app.services.rating_report_models import (
    CHANNEL_LABELS,
    COMMENT_LIMIT,
    MIN_RATINGS_FOR_COMMENTS,
    CommentLine,
    FilterChoices,
    GroupBy,
    Period,
    RatingFilters,
    RatingSummary,
    ReasonCount,
    ReasonReport,
    SummaryRow,
    bucket,
    day_of,
    sum_rows,
)
from counter_app.services.report_access import check_manager
from db.engine import Database
from db.models import ServiceRating as R
from printers.progress import Progress, part

__all__ = [
    "COMMENT_LIMIT",
    "MIN_RATINGS_FOR_COMMENTS",
    "CommentLine",
    "FilterChoices",
    "GroupBy",
    "Period",
    "RatingFilters",
    "RatingReports",
    "RatingSummary",
    "ReasonCount",
    "ReasonReport",
    "SummaryRow",
]

#: The share of an export's progress that reading the figures takes.
READ_SHARE = 0.3
_NEED_REASON = tuple(c for c in LEVEL_CODES if level_of(c).needs_reason)


def _level_sums() -> list[Any]:
    return [func.sum(case((R.level == code, 1), else_=0)) for code in LEVEL_CODES]


class RatingReports:
    """Aggregates of citizens' ratings, for supervisors and admins only."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock

    @staticmethod
    def check(principal: Principal | None) -> Principal:
        """The principal when it may read ratings; PermissionDenied otherwise."""
        return check_manager(
            principal,
            "xem kết quả đánh giá sự hài lòng; công chức không xem đánh giá về lượt phục vụ "
            "của mình",
        )

    @staticmethod
    def _where(period: Period, filters: RatingFilters) -> list[ColumnElement[bool]]:
        start = datetime.combine(period.start, time())
        end = datetime.combine(period.end + timedelta(days=1), time())
        conds: list[ColumnElement[bool]] = [R.rated_at >= start, R.rated_at < end]
        if filters.counter is not None:
            conds.append(R.counter == filters.counter)
        if filters.clerk_id is not None:
            conds.append(R.clerk_id == filters.clerk_id)
        if filters.area_id is not None:
            conds.append(R.area_id == filters.area_id)
        if filters.procedure_code is not None:
            conds.append(R.procedure_code == filters.procedure_code)
        if filters.channel is not None:
            conds.append(R.channel == filters.channel)
        return conds

    def summary(
        self,
        principal: Principal,
        period: Period,
        group_by: GroupBy | str,
        filters: RatingFilters | None = None,
    ) -> RatingSummary:
        """Counts per level, rate and mean score per group, and the total row."""
        self.check(principal)
        group_by = GroupBy(group_by)
        filters = filters or RatingFilters()
        columns: dict[GroupBy, tuple[Any, Any]] = {
            GroupBy.CLERK: (R.clerk_id, func.max(R.clerk_name)),
            GroupBy.COUNTER: (R.counter, func.max(R.counter)),
            GroupBy.AREA: (R.area_id, func.max(R.area_name)),
            GroupBy.PROCEDURE: (R.procedure_code, func.max(R.procedure_name)),
        }
        key_col, label_col = columns.get(group_by, (func.date(R.rated_at), func.count()))
        query = (
            select(key_col, label_col, func.count(), func.sum(R.score), *_level_sums())
            .where(*self._where(period, filters))
            .group_by(key_col)
        )
        with self.db.read() as session:
            found = session.execute(query).all()
        rows = [
            SummaryRow(
                "" if key is None else str(key),
                _label(group_by, key, label),
                tuple(int(c or 0) for c in counts),
                int(total),
                int(score or 0),
            )
            for key, label, total, score, *counts in found
        ]
        if group_by in (GroupBy.DAY, GroupBy.WEEK, GroupBy.MONTH):
            rows = self._fold_days(group_by, rows)
        else:
            rows.sort(key=lambda r: _order(group_by, r))
        total = sum_rows("", "Tổng cộng", rows)
        return RatingSummary(period, group_by, filters, tuple(rows), total)

    @staticmethod
    def _fold_days(group_by: GroupBy, rows: list[SummaryRow]) -> list[SummaryRow]:
        buckets: dict[str, tuple[str, list[SummaryRow]]] = {}
        for row in sorted(rows, key=lambda r: r.key):
            key, label = bucket(group_by, day_of(row.key))
            buckets.setdefault(key, (label, []))[1].append(row)
        return [sum_rows(key, label, parts) for key, (label, parts) in buckets.items()]

    def reasons(
        self, principal: Principal, period: Period, filters: RatingFilters | None = None
    ) -> ReasonReport:
        """Reasons chosen by the dissatisfied, most frequent first, and the comments."""
        self.check(principal)
        where = self._where(period, filters or RatingFilters())
        with self.db.read() as session:
            total = session.scalar(select(func.count()).where(*where)) or 0
            dissatisfied, blank = session.execute(
                select(
                    func.count(),
                    func.sum(case((func.json_array_length(R.reasons) == 0, 1), else_=0)),
                ).where(*where, R.level.in_(_NEED_REASON))
            ).one()
            counted = self._reason_counts(session, where)
            comments = [] if total < MIN_RATINGS_FOR_COMMENTS else self._comments(session, where)
        reasons = sorted(counted, key=lambda rc: (-rc[1], fold(rc[0])))
        return ReasonReport(
            total,
            int(dissatisfied or 0),
            int(blank or 0),
            tuple(ReasonCount(r, n, satisfaction_rate(n, dissatisfied)) for r, n in reasons),
            tuple(comments[:COMMENT_LIMIT]),
            0 < total < MIN_RATINGS_FOR_COMMENTS,
            len(comments) > COMMENT_LIMIT,
        )

    def _reason_counts(
        self, session: Session, where: list[ColumnElement[bool]]
    ) -> list[tuple[str, int]]:
        spread = func.json_each if self.db.is_sqlite else func.json_array_elements_text
        each = spread(R.reasons).table_valued("value")
        query = (
            select(each.c.value, func.count())
            .select_from(R)
            .join(each, true())
            .where(*where, R.level.in_(_NEED_REASON))
            .group_by(each.c.value)
        )
        return [(str(reason), int(n)) for reason, n in session.execute(query)]

    @staticmethod
    def _comments(session: Session, where: list[ColumnElement[bool]]) -> list[CommentLine]:
        day = func.date(R.rated_at)
        query = (
            select(day, R.counter, R.clerk_name, R.procedure_name, R.level, R.reasons, R.comment)
            .where(*where, or_(R.comment != "", R.level.in_(_NEED_REASON)))
            .order_by(day.desc(), R.counter, R.clerk_name, R.comment)
            .limit(COMMENT_LIMIT + 1)
        )
        return [
            CommentLine(day_of(d), counter, clerk, procedure, level, tuple(reasons or ()), comment)
            for d, counter, clerk, procedure, level, reasons, comment in session.execute(query)
        ]

    def choices(self, principal: Principal) -> FilterChoices:
        """The counters, clerks, areas and procedures that have ratings, for the filters."""
        self.check(principal)
        with self.db.read() as session:
            counters = session.scalars(
                select(R.counter).where(R.counter.is_not(None)).distinct()
            ).all()
            clerks = _named(session, R.clerk_id, R.clerk_name)
            areas = _named(session, R.area_id, R.area_name)
            procedures = _named(session, R.procedure_code, R.procedure_name)
        return FilterChoices(
            tuple(sorted(c for c in counters if c is not None)),
            tuple(clerks),
            tuple(areas),
            tuple((code, name) for code, name in procedures if code),
        )

    def describe(self, filters: RatingFilters) -> tuple[str, ...]:
        """The filters in words, e.g. ("Quầy: 2", "Công chức: Lê Thị Hồng")."""
        with self.db.read() as session:
            names = {
                "clerk": dict(_named(session, R.clerk_id, R.clerk_name)),
                "area": dict(_named(session, R.area_id, R.area_name)),
                "procedure": dict(_named(session, R.procedure_code, R.procedure_name)),
            }
        parts = [
            ("Quầy", filters.counter, {}),
            ("Công chức", filters.clerk_id, names["clerk"]),
            ("Khu vực", filters.area_id, names["area"]),
            ("Thủ tục", filters.procedure_code, names["procedure"]),
            ("Kênh", filters.channel, CHANNEL_LABELS),
        ]
        return tuple(f"{title}: {shown.get(v, v)}" for title, v, shown in parts if v is not None)

    def export(
        self,
        principal: Principal,
        period: Period,
        group_by: GroupBy | str,
        filters: RatingFilters | None = None,
        kind: ExportKind = "pdf",
        progress: Progress | None = None,
    ) -> bytes:
        """The report as PDF or XLSX bytes; the audit log notes who exported which period."""
        if kind not in EXPORT_KINDS:
            raise ValidationError(f"Định dạng báo cáo không hỗ trợ: {kind}")
        filters = filters or RatingFilters()
        reading = part(progress, 0.0, READ_SHARE)
        summary = self.summary(principal, period, group_by, filters)
        reading(0.5)
        reasons = self.reasons(principal, period, filters)
        reading(1.0)
        office = OfficeService(self.db, self.clock).get()
        now = self.clock()
        data = report_data(
            summary, reasons, office.name if office else "", self.describe(filters), now
        )
        rendered = render(data, kind, part(progress, READ_SHARE, 1.0))
        with self.db.write() as session:
            audit.record(
                session,
                principal,
                now,
                "rating.export",
                "rating_report",
                kind,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
                group_by=summary.group_by.value,
                filters={k: v for k, v in vars(filters).items() if v is not None},
            )
        return rendered


def _named(session: Session, key: Any, name: Any) -> list[tuple[Any, str]]:
    rows = session.execute(select(key, func.max(name)).where(key.is_not(None)).group_by(key))
    return sorted(((k, str(n or k)) for k, n in rows), key=lambda kn: fold(kn[1]))


def _label(group_by: GroupBy, key: object, label: object) -> str:
    if group_by is GroupBy.COUNTER:
        return "Không rõ quầy" if key is None else f"Quầy {key}"
    if group_by in (GroupBy.DAY, GroupBy.WEEK, GroupBy.MONTH):
        return str(key)
    if key is None or key == "" or not label:
        return {
            GroupBy.CLERK: "Không rõ công chức",
            GroupBy.AREA: "Không rõ khu vực",
            GroupBy.PROCEDURE: "Không gắn với hồ sơ",
        }[group_by]
    return str(label)


def _order(group_by: GroupBy, row: SummaryRow) -> tuple[int, int, str]:
    missing = row.key == ""
    if group_by is GroupBy.COUNTER:
        return (missing, 0 if missing else int(row.key), "")
    return (missing, 0, fold(row.label))
