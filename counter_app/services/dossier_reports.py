"""Dossier reports for the supervisor: intake and resolution per procedure, field, counter…

Definitions (a period runs from `start` 00:00 to the day after `end` 00:00, whole days):

- **Received**: a dossier with a code (Mẫu 01 issued), counted on `received_at`. Dossiers
  never received (online registrations, Mẫu 02 before receipt) are not counted; refusals
  (status 3, Mẫu 03) are counted apart, on their `received_at`.
- **Resolved** at `result_ready_at` (status 9 or 10 today; `returned_at` when the result time
  is missing). **Closed without result** at the last change (`updated_at`) for status 7
  (withdrawn) and 8 (stopped): nothing changes a dossier once it is in those statuses.
- **Open at a moment**: received before it and neither resolved nor closed before it.
  *Carried over* = open at the period's start; *in progress at the end* = open at its end.
  So carried over + received = resolved + withdrawn + stopped + in progress at the end.
- **Timeliness** (as `counter_app.domain.deadline.timeliness`, against `due_at`, the deadline
  in force): late after `due_at`; on time on the due day up to `due_at`; early before the due
  day. A dossier with an apology letter (`apology_used`) is **late** whatever its new date
  (Decree 118/2025: the apology is due to missing the deadline). A dossier without a deadline
  is on time. In progress at the end is late when `due_at` passed before the period's end
  (before now, for a period not over yet), except while it waits for the citizen (status 5
  or 6 today: the clock is stopped).
- **Counter** of a dossier: the counter of the queue ticket that led to it (`ticket.dossier_id`,
  the lowest number if several). Dossiers no ticket led to (online, post, served without a
  number) form the group "Không qua quầy có số".

Statuses are today's: a dossier reopened (9 → 4) counts as unresolved in every period, and an
apology letter written after a past period still marks the dossier late in that period.
Everything is counted by one GROUP BY with conditional sums; only dossiers received in the
period or open at its start are read (indexes on `received_at`, `status`, `result_ready_at`).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.services import audit
from counter_app.services.dossier_exports import ExportKind, province_data, summary_data
from counter_app.services.dossier_report_choices import DossierChoices, describe, read_choices
from counter_app.services.dossier_report_models import (
    COUNT_NAMES,
    DossierCounts,
    DossierFilters,
    DossierGroupBy,
    DossierRow,
    DossierSummary,
    row_label,
    row_order,
    total_row,
)
from counter_app.services.errors import ValidationError
from counter_app.services.office import OfficeService
from counter_app.services.principal import Principal
from counter_app.services.report_access import ReportPeriod, check_manager
from db.engine import Database
from db.models import Dossier as D
from db.models import Ticket
from printers.progress import Progress, part
from printers.reports.dossier_report_data import ProvinceReportData
from printers.reports.province_report_pdf import render_province_pdf
from printers.reports.province_report_xlsx import render_province_xlsx
from printers.reports.summary_table import render_summary_pdf, render_summary_xlsx

#: The share of an export's progress that reading the figures takes.
READ_SHARE = 0.4
_RESOLVED = (int(S.DA_XU_LY_XONG), int(S.DA_TRA_KET_QUA))
_ENDED = (int(S.CONG_DAN_RUT_HO_SO), int(S.DUNG_XU_LY))
_WAITING = (int(S.YEU_CAU_BO_SUNG), int(S.YEU_CAU_NGHIA_VU_TAI_CHINH))
_OPEN_NOW = tuple(
    int(s)
    for s in S
    if s not in (S.MOI_DANG_KY, S.KHONG_DUOC_TIEP_NHAN) and int(s) not in (*_RESOLVED, *_ENDED)
)


def _counter_of() -> Any:
    """The counter of the ticket that led to the dossier (None when none did)."""
    return (
        select(func.min(Ticket.counter))
        .where(Ticket.dossier_id == D.id)
        .correlate(D)
        .scalar_subquery()
    )


def _sum(cond: ColumnElement[bool]) -> Any:
    return func.sum(case((cond, 1), else_=0))


class DossierReports:
    """Counts of dossiers received, resolved and in progress, for supervisors and admins."""

    def __init__(self, db: Database, calendar: WorkCalendar, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.calendar = calendar
        self.clock = clock

    @staticmethod
    def check(principal: Principal | None) -> Principal:
        """The principal when it may read the reports; PermissionDenied otherwise."""
        return check_manager(principal, "xem báo cáo tình hình tiếp nhận và giải quyết hồ sơ")

    @staticmethod
    def _measures(start: datetime, end: datetime, as_of: datetime) -> list[Any]:
        """The conditional sums, in DossierCounts field order.

        `as_of` is the period's end, or now for a period not over yet: a dossier due later
        this month is not late today.
        """
        resolved_at = func.coalesce(D.result_ready_at, D.returned_at)
        is_resolved = D.status.in_(_RESOLVED)
        received = D.code.is_not(None)

        def open_at(moment: datetime) -> ColumnElement[bool]:
            return and_(
                received,
                D.received_at < moment,
                or_(
                    D.status.in_(_OPEN_NOW),
                    and_(is_resolved, or_(resolved_at.is_(None), resolved_at >= moment)),
                    and_(D.status.in_(_ENDED), D.updated_at >= moment),
                ),
            )

        def within(column: Any) -> ColumnElement[bool]:
            return and_(column >= start, column < end)

        resolved_now = and_(received, is_resolved, within(resolved_at))
        late = or_(D.apology_used.is_(True), and_(D.due_at.is_not(None), resolved_at > D.due_at))
        early = and_(~late, D.due_at.is_not(None), resolved_at < func.date(D.due_at))
        open_end = open_at(end)
        open_late = or_(
            D.apology_used.is_(True),
            and_(D.due_at.is_not(None), D.due_at < as_of, D.status.not_in(_WAITING)),
        )
        received_now = and_(received, within(D.received_at))
        conditions: dict[str, ColumnElement[bool]] = {
            "received": received_now,
            "carried_over": open_at(start),
            "resolved_early": and_(resolved_now, early),
            "resolved_on_time": and_(resolved_now, ~late, ~early),
            "resolved_late": and_(resolved_now, late),
            "open_on_time": and_(open_end, ~open_late),
            "open_late": and_(open_end, open_late),
            "returned": and_(received, within(D.returned_at)),
            "withdrawn": and_(
                received, D.status == int(S.CONG_DAN_RUT_HO_SO), within(D.updated_at)
            ),
            "stopped": and_(received, D.status == int(S.DUNG_XU_LY), within(D.updated_at)),
            "refused": and_(D.status == int(S.KHONG_DUOC_TIEP_NHAN), within(D.received_at)),
            "at_counter": and_(received_now, D.channel == 1),
            "online": and_(received_now, D.channel == 2),
            "by_post": and_(received_now, D.channel == 3),
        }
        return [_sum(conditions[name]) for name in COUNT_NAMES]

    @staticmethod
    def _where(start: datetime, end: datetime, filters: DossierFilters) -> list[Any]:
        # Each OR branch can use an index of its own: received in the period, open today,
        # resolved or closed since the start (those were open at the start).
        since_start = or_(
            D.status.in_(_OPEN_NOW),
            D.result_ready_at >= start,
            D.returned_at >= start,
            and_(D.status.in_(_ENDED), D.updated_at >= start),
        )
        conds: list[Any] = [
            or_(and_(D.received_at >= start, D.received_at < end), since_start),
            D.received_at < end,
        ]
        if filters.procedure_code is not None:
            conds.append(D.procedure_code == filters.procedure_code)
        if filters.field is not None:
            conds.append(D.field == filters.field)
        if filters.clerk_id is not None:
            conds.append(D.received_by_id == filters.clerk_id)
        if filters.channel is not None:
            conds.append(D.channel == filters.channel)
        if filters.counter is not None:
            conds.append(_counter_of() == filters.counter)
        return conds

    def summary(
        self,
        principal: Principal,
        period_start: date,
        period_end: date,
        group_by: DossierGroupBy | str = DossierGroupBy.FIELD,
        filters: DossierFilters | None = None,
    ) -> DossierSummary:
        """The figures of each group over the period (both days included) and the total row."""
        self.check(principal)
        period = ReportPeriod(period_start, period_end)
        group_by = DossierGroupBy(group_by)
        filters = filters or DossierFilters()
        start = datetime.combine(period.start, time())
        end = datetime.combine(period.end + timedelta(days=1), time())
        keys: dict[DossierGroupBy, tuple[Any, Any]] = {
            # coalesce(): keeps SQLite from grouping by walking ix_dossier_procedure (the
            # whole table) instead of reading only the period's dossiers.
            DossierGroupBy.PROCEDURE: (
                func.coalesce(D.procedure_code, ""),
                func.max(D.procedure_name),
            ),
            DossierGroupBy.FIELD: (D.field, func.max(D.field)),
            DossierGroupBy.CLERK: (D.received_by_id, func.max(D.received_by_name)),
            DossierGroupBy.CHANNEL: (D.channel, literal("")),
        }
        key_col, label_col = keys.get(group_by, (_counter_of(), literal("")))
        query = (
            select(
                key_col.label("k"), label_col, *self._measures(start, end, min(end, self.clock()))
            )
            .where(*self._where(start, end, filters))
            .group_by("k")
        )
        with self.db.read() as session:
            found = session.execute(query).all()
        rows = [
            DossierRow(
                "" if key is None else str(key),
                row_label(group_by, key, label),
                DossierCounts(*(int(n or 0) for n in counts)),
            )
            for key, label, *counts in found
        ]
        rows = [r for r in rows if r.counts != DossierCounts()]
        rows.sort(key=lambda r: row_order(group_by, r))
        return DossierSummary(period, group_by, filters, tuple(rows), total_row(rows))

    def choices(self, principal: Principal) -> DossierChoices:
        """What the filters offer: procedures, fields, counters, clerks and channels in use."""
        self.check(principal)
        with self.db.read() as session:
            return read_choices(session)

    def province_report(
        self, principal: Principal, period_start: date, period_end: date
    ) -> ProvinceReportData:
        """The periodic report to the province: one row per field (lĩnh vực), then the total."""
        summary = self.summary(principal, period_start, period_end, DossierGroupBy.FIELD)
        office = OfficeService(self.db, self.clock).get()
        return province_data(summary, office, self.clock())

    def export(
        self,
        principal: Principal,
        period_start: date,
        period_end: date,
        group_by: DossierGroupBy | str = DossierGroupBy.FIELD,
        filters: DossierFilters | None = None,
        kind: ExportKind = "pdf",
        progress: Progress | None = None,
    ) -> bytes:
        """The summary table as PDF or XLSX bytes; the audit log notes who exported it."""
        _check_kind(kind)
        summary = self.summary(principal, period_start, period_end, group_by, filters)
        part(progress, 0.0, READ_SHARE)(1.0)
        office = OfficeService(self.db, self.clock).get()
        said = describe(self.choices(principal), summary.filters) if filters else ()
        data = summary_data(summary, office.name if office else "", said, self.clock())
        rendering = part(progress, READ_SHARE, 1.0)
        rendered = (
            render_summary_pdf(data, rendering)
            if kind == "pdf"
            else render_summary_xlsx(data, rendering)
        )
        self._audit(principal, "dossier_report.export", kind, summary.period, group_by)
        return rendered

    def export_province(
        self,
        principal: Principal,
        period_start: date,
        period_end: date,
        kind: ExportKind = "pdf",
        progress: Progress | None = None,
    ) -> bytes:
        """The province report as PDF (A4 landscape) or XLSX bytes, audited."""
        _check_kind(kind)
        data = self.province_report(principal, period_start, period_end)
        part(progress, 0.0, READ_SHARE)(1.0)
        rendering = part(progress, READ_SHARE, 1.0)
        rendered = (
            render_province_pdf(data, rendering)
            if kind == "pdf"
            else render_province_xlsx(data, rendering)
        )
        period = ReportPeriod(period_start, period_end)
        self._audit(principal, "dossier_report.province", kind, period, "field")
        return rendered

    def _audit(
        self, principal: Principal, action: str, kind: str, period: ReportPeriod, group: str
    ) -> None:
        with self.db.write() as session:
            audit.record(
                session,
                principal,
                self.clock(),
                action,
                "dossier_report",
                kind,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
                group_by=str(group),
            )


def _check_kind(kind: str) -> None:
    if kind not in ("pdf", "xlsx"):
        raise ValidationError(f"Định dạng báo cáo không hỗ trợ: {kind}")
