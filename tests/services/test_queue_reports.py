"""Queue reports over a known history: every count, mean and 90th percentile checked."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from queue_fixtures import Hall, make_hall

from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.errors import PermissionDenied
from counter_app.services.principal import Principal
from counter_app.services.queue_report_models import (
    HOURS,
    Durations,
    Period,
    QueueFilters,
    QueueReport,
    QueueRow,
    minutes_text,
)
from counter_app.services.queue_reports import QueueReports
from counter_app.settings import SecuritySettings
from db.engine import Database

PERIOD = Period(date(2026, 11, 16), date(2026, 11, 17))


def p90(values: list[float]) -> float:
    """By hand: the value at 0.9 × (n − 1) in the sorted list, interpolated linearly."""
    ordered = sorted(values)
    position = 0.9 * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])


def durations(values: list[float]) -> Durations:
    if not values:
        return Durations(0, None, None)
    return Durations(len(values), sum(values) / len(values), p90(values))


def at(day: int, hh: int, mm: int) -> datetime:
    return datetime(2026, 11, day, hh, mm)


def build_history(db: Database) -> tuple[Hall, Principal, Principal]:
    """Day 13 and 18 surround the period; minutes of each step are in the comments."""
    hall = make_hall(db, at(13, 7, 30))
    accounts = AccountService(db, SecuritySettings(), "QUAY-2", hall.clock)
    other = accounts.create_user(hall.admin, "canbo2", "Phạm Văn Bình", Role.CLERK, "canbo1234")
    c1 = hall.clerk
    c2 = Principal(other.id, "canbo2", "Phạm Văn Bình", Role.CLERK, "QUAY-2")
    q, a, b, c = hall.queue, hall.areas["A"].id, hall.areas["B"].id, hall.areas["C"].id

    def step(when: datetime, action) -> None:  # type: ignore[no-untyped-def]
        hall.clock.at = when
        action()

    # Friday 13: served, but before the period.
    step(at(13, 7, 30), lambda: q.issue(hall.kiosk, a))
    step(at(13, 7, 40), lambda: q.call_next(c1, 1))
    step(at(13, 7, 45), lambda: q.finish(c1, 1))
    # Monday 16.
    step(at(16, 7, 50), lambda: q.issue(hall.kiosk, a))  # A001
    step(at(16, 8, 0), lambda: q.issue(hall.kiosk, a))  # A002
    step(at(16, 8, 10), lambda: q.issue(hall.kiosk, b))  # B001
    step(at(16, 8, 15), lambda: q.call_next(c1, 1))  # A001 waited 25
    step(at(16, 8, 20), lambda: q.call_next(c2, 2))  # A002 waited 20
    step(at(16, 8, 27), lambda: q.finish(c1, 1))  # A001 served 12
    step(at(16, 8, 30), lambda: q.call_next(c1, 1))  # B001 waited 20
    step(at(16, 8, 35), lambda: q.skip(c2, 2))  # A002 no-show
    step(at(16, 8, 50), lambda: q.finish(c1, 1))  # B001 served 20
    step(at(16, 9, 5), lambda: q.issue(hall.kiosk, a))  # A003
    step(at(16, 9, 10), lambda: q.call_next(c2, 2))  # A003 waited 5
    step(at(16, 9, 18), lambda: q.finish(c2, 2))  # A003 served 8
    step(at(16, 16, 55), lambda: q.issue(hall.kiosk, b))  # B002 never called
    step(at(16, 18, 10), lambda: q.issue(hall.kiosk, a))  # A004 never called, after hours
    # Tuesday 17.
    step(at(17, 6, 45), lambda: q.issue(hall.kiosk, c))  # C001 before hours
    step(at(17, 7, 0), lambda: q.call_next(c2, 3))  # C001 waited 15
    step(at(17, 7, 30), lambda: q.finish(c2, 3))  # C001 served 30
    step(at(17, 7, 35), lambda: q.issue(hall.kiosk, a))  # A001
    step(at(17, 7, 36), lambda: q.issue(hall.kiosk, a))  # A002
    step(at(17, 7, 40), lambda: q.call_next(c1, 1))  # A001 waited 5
    step(at(17, 7, 41), lambda: q.finish(c1, 1))  # served 1
    step(at(17, 7, 42), lambda: q.call_next(c1, 1))  # A002 waited 6
    step(at(17, 7, 50), lambda: q.finish(c1, 1))  # served 8
    # Wednesday 18: after the period.
    step(at(18, 8, 0), lambda: q.issue(hall.kiosk, b))
    step(at(18, 8, 5), lambda: q.call_next(c2, 2))
    step(at(18, 8, 10), lambda: q.finish(c2, 2))
    hall.clock.at = at(18, 9, 0)
    return hall, c1, c2


@pytest.fixture
def history(migrated_db: Database) -> tuple[Hall, QueueReports, Principal, Principal]:
    hall, c1, c2 = build_history(migrated_db)
    return hall, QueueReports(migrated_db, hall.clock), c1, c2


def row(
    key: str, label: str, tickets: int, served: int, absent: int, waits: list, services: list
) -> QueueRow:
    return QueueRow(key, label, tickets, served, absent, durations(waits), durations(services))


def assert_rows(found: tuple[QueueRow, ...], expected: list[QueueRow]) -> None:
    assert [(r.key, r.label, r.tickets, r.served, r.no_shows) for r in found] == [
        (r.key, r.label, r.tickets, r.served, r.no_shows) for r in expected
    ]
    for got, want in zip(found, expected, strict=True):
        for measure in ("wait", "service"):
            g, w = getattr(got, measure), getattr(want, measure)
            assert g.count == w.count, (got.label, measure)
            assert g.average == pytest.approx(w.average), (got.label, measure)
            assert g.p90 == pytest.approx(w.p90), (got.label, measure)


def test_every_figure_of_the_period(history) -> None:
    hall, reports, c1, c2 = history
    report: QueueReport = reports.report(hall.admin, PERIOD)
    a, b, c = (str(hall.areas[p].id) for p in "ABC")
    assert_rows(
        report.by_area,
        [
            row(a, "Hộ tịch", 6, 4, 1, [25, 20, 5, 5, 6], [12, 8, 1, 8]),
            row(b, "Chứng thực", 2, 1, 0, [20], [20]),
            row(c, "Đất đai, xây dựng", 1, 1, 0, [15], [30]),
        ],
    )
    assert_rows(
        report.by_counter,
        [
            row("1", "Quầy 1", 4, 4, 0, [25, 20, 5, 6], [12, 20, 1, 8]),
            row("2", "Quầy 2", 2, 1, 1, [20, 5], [8]),
            row("3", "Quầy 3", 1, 1, 0, [15], [30]),
            row("", "Chưa được gọi", 2, 0, 0, [], []),
        ],
    )
    assert_rows(
        report.by_clerk,
        [
            row(str(c1.user_id), "Lê Thị Hồng", 4, 4, 0, [25, 20, 5, 6], [12, 20, 1, 8]),
            row(str(c2.user_id), "Phạm Văn Bình", 3, 2, 1, [20, 5, 15], [8, 30]),
            row("", "Chưa được gọi", 2, 0, 0, [], []),
        ],
    )
    waits, services = [25, 20, 20, 5, 15, 5, 6], [12, 20, 8, 30, 1, 8]
    assert_rows((report.total,), [row("", "Tổng cộng", 9, 6, 1, waits, services)])
    assert report.total.unfinished == 2
    # Written out once, so a wrong helper could not hide a wrong report.
    assert report.total.wait.average == pytest.approx(96 / 7)
    assert report.total.wait.p90 == pytest.approx(22.0)  # 20 + 0.4 × (25 − 20)
    assert report.total.service.p90 == pytest.approx(25.0)  # 20 + 0.5 × (30 − 20)
    assert minutes_text(report.total.wait.average) == "13,7"


def test_tickets_per_area_and_hour(history) -> None:
    hall, reports, *_ = history
    report = reports.report(hall.admin, PERIOD)

    def counts(**per_hour: int) -> tuple[int, ...]:
        return tuple(per_hour.get(f"h{h}", 0) for h in HOURS)

    assert [(r.label, r.counts) for r in report.hours] == [
        ("Hộ tịch", counts(h7=3, h8=1, h9=1, h17=1)),  # 18:10 counts in 17 h
        ("Chứng thực", counts(h8=1, h16=1)),
        ("Đất đai, xây dựng", counts(h7=1)),  # 06:45 counts in 7 h
    ]
    assert report.hour_total.counts == counts(h7=4, h8=2, h9=1, h16=1, h17=1)
    assert report.hour_total.total == report.total.tickets == 9


def test_period_boundaries_and_filters(history) -> None:
    hall, reports, _c1, c2 = history
    one_day = reports.report(hall.admin, Period(date(2026, 11, 17), date(2026, 11, 17)))
    assert (one_day.total.tickets, one_day.total.served) == (3, 3)
    before = reports.report(hall.admin, Period(date(2026, 11, 13), date(2026, 11, 15)))
    assert (before.total.tickets, before.total.wait.average) == (1, pytest.approx(10.0))
    empty = reports.report(hall.admin, Period(date(2026, 11, 14), date(2026, 11, 15)))
    assert empty.total == QueueRow("", "Tổng cộng", 0, 0, 0, Durations(), Durations())
    assert empty.by_area == empty.hours == ()

    counter2 = reports.report(hall.admin, PERIOD, QueueFilters(counter=2))
    assert_rows((counter2.total,), [row("", "Tổng cộng", 2, 1, 1, [20, 5], [8])])
    area_b = reports.report(hall.admin, PERIOD, QueueFilters(area_id=hall.areas["B"].id))
    assert (area_b.total.tickets, area_b.total.served) == (2, 1)
    clerk2 = reports.report(hall.admin, PERIOD, QueueFilters(clerk_id=c2.user_id))
    assert_rows((clerk2.total,), [row("", "Tổng cộng", 3, 2, 1, [20, 5, 15], [8, 30])])


def test_day_hours_for_the_dashboard(history) -> None:
    hall, reports, *_ = history
    per_hour = reports.day_hours(hall.admin, date(2026, 11, 16))
    assert per_hour == tuple({7: 1, 8: 2, 9: 1, 16: 1, 17: 1}.get(h, 0) for h in HOURS)


def test_only_supervisors_and_admins(history) -> None:
    _hall, reports, c1, _ = history
    with pytest.raises(PermissionDenied):
        reports.report(c1, PERIOD)
    with pytest.raises(PermissionDenied):
        reports.report(None, PERIOD)  # type: ignore[arg-type]
    supervisor = Principal(1, "giamsat", "Giám Sát", Role.SUPERVISOR, "MAY-1")
    assert reports.report(supervisor, PERIOD).total.tickets == 9


def test_export_pdf_and_xlsx(history, tmp_path) -> None:
    import io

    from openpyxl import load_workbook

    from counter_app.services import audit

    hall, reports, *_ = history
    pdf = reports.export(hall.admin, PERIOD, QueueFilters(counter=2), "pdf")
    assert pdf.startswith(b"%PDF")
    (tmp_path / "queue.pdf").write_bytes(pdf)
    book = load_workbook(io.BytesIO(reports.export(hall.admin, PERIOD, kind="xlsx")))
    assert book.sheetnames == ["Theo giờ", "Theo khu vực dịch vụ", "Theo quầy", "Theo công chức"]
    sheet = book["Theo quầy"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=8, max_row=12)]
    assert values[0][:4] == ["Quầy 1", 4, 4, 0]
    assert values[-1][:4] == ["Tổng cộng", 9, 6, 1]
    assert values[-1][4] == pytest.approx(96 / 7)
    assert audit.recent(hall.db, 1)[0].action == "queue.export"
