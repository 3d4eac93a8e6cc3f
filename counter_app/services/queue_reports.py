"""Queue reports for the supervisor: tickets per area and hour, waits and service times.

A ticket belongs to the day it was issued (`Ticket.day`). Wait runs from taking the number to
the call at the counter that served it last (`called_at`), service from that call to done;
both in minutes, averaged and at the 90th percentile (linear interpolation, as
PostgreSQL's percentile_cont). PostgreSQL computes everything in SQL (GROUP BY,
percentile_cont). SQLite has no percentile function: one scan of the period's tickets (via
ix_ticket_day_status) returns only small integers (keys, status, hour, seconds), folded in
Python: a month of a busy centre is under 100,000 such rows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, extract, func, literal, select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.queue import DONE, NO_SHOW
from counter_app.domain.text import fold
from counter_app.services import audit, report_access
from counter_app.services.errors import ValidationError
from counter_app.services.office import OfficeService
from counter_app.services.principal import Principal
from counter_app.services.queue_report_choices import QueueChoices, read_choices
from counter_app.services.queue_report_exports import EXPORT_KINDS, render, report_data
from counter_app.services.queue_report_folding import Stats, fold_hours, fold_stats
from counter_app.services.queue_report_models import (
    HOURS,
    PERCENTILE,
    Durations,
    HourRow,
    Period,
    QueueFilters,
    QueueReport,
    QueueRow,
    hour_column,
)
from db.engine import Database
from db.models import ServiceArea, Ticket
from printers.progress import Progress, part

NOT_CALLED = "Chưa được gọi"
#: The share of an export's progress that reading the figures takes.
READ_SHARE = 0.4


def check_manager(principal: Principal | None) -> Principal:
    """The principal when it is a supervisor or admin; PermissionDenied otherwise."""
    return report_access.check_manager(principal, "xem báo cáo xếp hàng")


class QueueReports:
    """Aggregates of the queue over whole days, for supervisors and admins only."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock

    # --- SQL pieces -----------------------------------------------------------------------

    def _seconds(self, end: Any, start: Any) -> ColumnElement[Any]:
        if self.db.is_sqlite:
            # Stored to the second: whole seconds, no julianday rounding.
            return cast(func.strftime("%s", end), Integer) - cast(
                func.strftime("%s", start), Integer
            )
        return extract("epoch", end - start)

    def _hour(self) -> ColumnElement[Any]:
        if self.db.is_sqlite:
            return cast(func.strftime("%H", Ticket.issued_at), Integer)
        return cast(extract("hour", Ticket.issued_at), Integer)

    def _wait(self) -> ColumnElement[Any]:
        return self._seconds(Ticket.called_at, Ticket.issued_at)

    def _service(self) -> ColumnElement[Any]:
        return case((Ticket.status == DONE, self._seconds(Ticket.done_at, Ticket.called_at)))

    @staticmethod
    def where(period: Period, filters: QueueFilters) -> list[ColumnElement[bool]]:
        """The tickets of the period's days that the filters keep."""
        conds: list[ColumnElement[bool]] = [Ticket.day >= period.start, Ticket.day <= period.end]
        if filters.area_id is not None:
            conds.append(Ticket.area_id == filters.area_id)
        if filters.counter is not None:
            conds.append(Ticket.counter == filters.counter)
        if filters.clerk_id is not None:
            conds.append(Ticket.served_by_id == filters.clerk_id)
        return conds

    # --- aggregates -----------------------------------------------------------------------

    def _stats(self, session: Session, key: Any, where: list[ColumnElement[bool]]) -> Stats:
        """Per key (PostgreSQL): tickets, served, no-shows, (count, mean, p90) of both times."""
        wait, service = self._wait(), self._service()
        total = key is None  # one row for everything: no GROUP BY
        query = select(
            literal(0) if total else key,
            func.count(),
            func.sum(case((Ticket.status == DONE, 1), else_=0)),
            func.sum(case((Ticket.status == NO_SHOW, 1), else_=0)),
            func.count(wait),
            func.avg(wait),
            func.percentile_cont(PERCENTILE).within_group(wait),
            func.count(service),
            func.avg(service),
            func.percentile_cont(PERCENTILE).within_group(service),
        ).where(*where)
        if not total:
            query = query.group_by(key)
        return {
            k: [int(n), int(served or 0), int(absent or 0), *rest]
            for k, n, served, absent, *rest in session.execute(query)
        }

    def _narrow_rows(self, session: Session, where: list[ColumnElement[bool]]) -> list[Any]:
        """SQLite: the period's tickets as small integers only (keys, status, hour, seconds)."""
        query = select(
            Ticket.area_id,
            Ticket.counter,
            Ticket.served_by_id,
            case((Ticket.status == DONE, 1), (Ticket.status == NO_SHOW, 2), else_=0),
            self._hour(),
            self._wait(),
            self._service(),
        ).where(*where)
        return list(session.execute(query))

    def _hours(self, session: Session, where: list[ColumnElement[bool]]) -> dict[int, list[int]]:
        hour = self._hour()
        counts: dict[int, list[int]] = defaultdict(lambda: [0] * len(HOURS))
        query = (
            select(Ticket.area_id, hour, func.count()).where(*where).group_by(Ticket.area_id, hour)
        )
        for area_id, h, n in session.execute(query):
            counts[area_id][hour_column(int(h))] += int(n)
        return counts

    # --- the report -----------------------------------------------------------------------

    def report(
        self, principal: Principal, period: Period, filters: QueueFilters | None = None
    ) -> QueueReport:
        """Per area, counter and clerk, the total, and the area × hour table of a period."""
        check_manager(principal)
        filters = filters or QueueFilters()
        where = self.where(period, filters)
        with self.db.read() as session:
            areas = {
                a.id: (a.position, a.name)
                for a in session.execute(
                    select(ServiceArea.id, ServiceArea.position, ServiceArea.name)
                )
            }
            if self.db.is_sqlite:
                # One narrow scan folded in Python beats a dozen strftime-heavy scans.
                rows = self._narrow_rows(session, where)
                by_area, by_counter, by_clerk, total = (fold_stats(rows, i) for i in (0, 1, 2, -1))
                hours = fold_hours(rows)
            else:
                by_area = self._stats(session, Ticket.area_id, where)
                by_counter = self._stats(session, Ticket.counter, where)
                by_clerk = self._stats(session, Ticket.served_by_id, where)
                total = self._stats(session, None, where)
                hours = self._hours(session, where)
            clerk_names = dict(
                session.execute(
                    select(Ticket.served_by_id, func.max(Ticket.served_by_name))
                    .where(*where, Ticket.served_by_id.is_not(None))
                    .group_by(Ticket.served_by_id)
                ).all()
            )

        def area_label(k: Any) -> str:
            return areas.get(k, (0, f"Khu vực {k}"))[1]

        area_rows = sorted(
            (_row(k, area_label(k), v) for k, v in by_area.items()),
            key=lambda r: (areas.get(int(r.key), (0, ""))[0], int(r.key)),
        )
        counter_rows = sorted(
            (_row(k, NOT_CALLED if k is None else f"Quầy {k}", v) for k, v in by_counter.items()),
            key=lambda r: (r.key == "", int(r.key or 0)),
        )
        clerk_rows = sorted(
            (
                _row(k, NOT_CALLED if k is None else str(clerk_names.get(k) or k), v)
                for k, v in by_clerk.items()
            ),
            key=lambda r: (r.key == "", fold(r.label)),
        )
        empty = [0, 0, 0, 0, None, None, 0, None, None]
        hour_rows = sorted(
            (HourRow(str(k), area_label(k), tuple(c)) for k, c in hours.items()),
            key=lambda r: (areas.get(int(r.key), (0, ""))[0], int(r.key)),
        )
        summed = tuple(sum(r.counts[i] for r in hour_rows) for i in range(len(HOURS)))
        return QueueReport(
            period,
            filters,
            tuple(area_rows),
            tuple(counter_rows),
            tuple(clerk_rows),
            _row("", "Tổng cộng", total.get(0, empty)),
            tuple(hour_rows),
            HourRow("", "Tổng cộng", summed),
            self.clock(),
        )

    def choices(self, principal: Principal) -> QueueChoices:
        """What the filters offer: areas, counters and clerks found in the queue."""
        check_manager(principal)
        with self.db.read() as session:
            return read_choices(session)

    def export(
        self,
        principal: Principal,
        period: Period,
        filters: QueueFilters | None = None,
        kind: str = "pdf",
        progress: Progress | None = None,
    ) -> bytes:
        """The report as PDF or XLSX bytes; the audit log notes who exported which period."""
        if kind not in EXPORT_KINDS:
            raise ValidationError(f"Định dạng báo cáo không hỗ trợ: {kind}")
        report = self.report(principal, period, filters)
        part(progress, 0.0, READ_SHARE)(1.0)
        office = OfficeService(self.db, self.clock).get()
        data = report_data(report, office.name if office else "", _words(report), report.made_at)
        rendered = render(data, kind, part(progress, READ_SHARE, 1.0))
        with self.db.write() as session:
            audit.record(
                session,
                principal,
                report.made_at,
                "queue.export",
                "queue_report",
                kind,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
        return rendered

    def day_hours(self, principal: Principal, day: date) -> tuple[int, ...]:
        """Tickets issued per hour column (HOURS) on one day, all areas."""
        check_manager(principal)
        with self.db.read() as session:
            hours = self._hours(session, self.where(Period(day, day), QueueFilters()))
        return tuple(sum(c[i] for c in hours.values()) for i in range(len(HOURS)))


def _words(report: QueueReport) -> tuple[str, ...]:
    """The filters in words, named as in the report's own rows."""
    f, words = report.filters, []
    if f.area_id is not None:
        words.append(f"Khu vực: {report.by_area[0].label if report.by_area else f.area_id}")
    if f.counter is not None:
        words.append(f"Quầy: {f.counter}")
    if f.clerk_id is not None:
        named = [r.label for r in report.by_clerk if r.key == str(f.clerk_id)]
        words.append(f"Công chức: {named[0] if named else f.clerk_id}")
    return tuple(words)


def _minutes(seconds: Any) -> float | None:
    return None if seconds is None else float(seconds) / 60


def _row(key: Any, label: str, v: list[Any]) -> QueueRow:
    tickets, served, absent, wn, wavg, wp90, sn, savg, sp90 = v
    return QueueRow(
        "" if key is None else str(key),
        label,
        tickets,
        served,
        absent,
        Durations(int(wn or 0), _minutes(wavg), _minutes(wp90)),
        Durations(int(sn or 0), _minutes(savg), _minutes(sp90)),
    )
