"""Satisfaction reports: aggregates per group and period, filters, reasons, who may read them."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from queue_fixtures import Hall, make_hall
from rating_rows import add_ratings, rating

from counter_app.domain.rating import (
    DISSATISFIED,
    NEUTRAL,
    SATISFIED,
    TICKET,
    VERY_DISSATISFIED,
    VERY_SATISFIED,
    event_key,
)
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.accounts import AccountService
from counter_app.services.errors import PermissionDenied, ValidationError
from counter_app.services.principal import Principal
from counter_app.services.rating import RatingInput, RatingService
from counter_app.services.rating_reports import (
    CommentLine,
    GroupBy,
    Period,
    RatingFilters,
    RatingReports,
)
from counter_app.settings import RatingSettings, SecuritySettings

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
WAIT = "Thời gian chờ đợi lâu"
PAPERS = "Thủ tục giấy tờ phức tạp"
BIRTH = ("1.001193", "Đăng ký khai sinh")


@dataclass
class Office:
    """A hall with two clerks, a supervisor and the report service."""

    hall: Hall
    reports: RatingReports
    supervisor: Principal
    hong: tuple[int, str]
    duc: tuple[int, str]


@pytest.fixture
def office(migrated_db) -> Office:
    hall = make_hall(migrated_db)
    accounts = AccountService(migrated_db, SecuritySettings(), "MAY-1", hall.clock)
    duc = accounts.create_user(hall.admin, "canbo2", "Nguyễn Văn Đức", Role.CLERK, "canbo1234")
    boss = accounts.create_user(hall.admin, "giamsat", "Trần Thị Giám", Role.SUPERVISOR, "gs123456")
    supervisor = Principal(boss.id, "giamsat", boss.full_name, Role.SUPERVISOR, "MAY-1")
    return Office(
        hall,
        RatingReports(migrated_db, hall.clock),
        supervisor,
        (hall.clerk.user_id or 0, hall.clerk.full_name),
        (duc.id, duc.full_name),
    )


@pytest.fixture
def rated(office: Office) -> Office:
    """Nine ratings in November: five for Hồng (counter 1, Hộ tịch), four for Đức (counter 2,
    Chứng thực, birth registration); five-level and three-level answers mixed."""
    a, b = office.hall.areas["A"], office.hall.areas["B"]
    hong = {"counter": 1, "clerk": office.hong, "area": (a.id, a.name)}
    duc = {"counter": 2, "clerk": office.duc, "area": (b.id, b.name), "procedure": BIRTH}
    add_ratings(
        office.hall.db,
        [
            rating(VERY_SATISFIED, datetime(2026, 11, 16, 9), **hong),
            rating(SATISFIED, datetime(2026, 11, 16, 10), **hong),
            rating(NEUTRAL, datetime(2026, 11, 17, 8), **hong),
            rating(
                DISSATISFIED,
                datetime(2026, 11, 18, 9),
                reasons=(WAIT, PAPERS),
                comment="Chờ lâu",
                **hong,
            ),
            rating(VERY_SATISFIED, datetime(2026, 11, 18, 15), scale="three", **hong),
            rating(
                VERY_DISSATISFIED,
                datetime(2026, 11, 17, 14),
                reasons=(WAIT,),
                channel="kiosk",
                **duc,
            ),
            rating(DISSATISFIED, datetime(2026, 11, 20, 9), scale="three", **duc),
            rating(SATISFIED, datetime(2026, 11, 20, 10), scale="three", comment="Tốt", **duc),
            rating(SATISFIED, datetime(2026, 11, 24, 10), **duc),
            # outside November: never counted
            rating(VERY_DISSATISFIED, datetime(2026, 10, 31, 23, 59, 59), **duc),
            rating(VERY_DISSATISFIED, datetime(2026, 12, 1, 0, 0, 0), **duc),
        ],
    )
    return office


def by_label(summary):
    return {row.label: row for row in summary.rows}


def test_rates_per_clerk_count_both_scales_together(rated: Office) -> None:
    summary = rated.reports.summary(rated.supervisor, NOV, "clerk")
    assert [r.label for r in summary.rows] == ["Lê Thị Hồng", "Nguyễn Văn Đức"]
    hong, duc = summary.rows
    assert hong.counts == (2, 1, 1, 1, 0) and hong.total == 5 and hong.satisfied == 3
    assert hong.rate == pytest.approx(0.6) and hong.average == pytest.approx(19 / 5)
    assert duc.counts == (0, 2, 0, 1, 1) and duc.total == 4 and duc.satisfied == 2
    assert duc.rate == pytest.approx(0.5) and duc.average == pytest.approx(11 / 4)
    assert duc.key == str(rated.duc[0])
    total = summary.total
    assert total.counts == (2, 3, 1, 2, 1) and total.total == 9 and total.satisfied == 5
    assert total.rate == pytest.approx(5 / 9) and total.average == pytest.approx(30 / 9)


def test_rates_per_counter_area_and_procedure(rated: Office) -> None:
    counters = rated.reports.summary(rated.supervisor, NOV, GroupBy.COUNTER)
    assert [(r.label, r.total, r.satisfied) for r in counters.rows] == [
        ("Quầy 1", 5, 3),
        ("Quầy 2", 4, 2),
    ]
    areas = rated.reports.summary(rated.supervisor, NOV, GroupBy.AREA)
    assert [(r.label, r.total) for r in areas.rows] == [("Chứng thực", 4), ("Hộ tịch", 5)]
    procedures = rated.reports.summary(rated.supervisor, NOV, GroupBy.PROCEDURE)
    assert [(r.key, r.label, r.total) for r in procedures.rows] == [
        ("1.001193", "Đăng ký khai sinh", 4),
        ("", "Không gắn với hồ sơ", 5),  # tickets served without a dossier come last
    ]
    for summary in (counters, areas, procedures):
        assert summary.total.total == 9 and summary.total.satisfied == 5


def test_rates_per_day_week_and_month(rated: Office) -> None:
    days = rated.reports.summary(rated.supervisor, NOV, GroupBy.DAY)
    assert [(r.label, r.total, r.rate) for r in days.rows] == [
        ("16/11/2026", 2, 1.0),
        ("17/11/2026", 2, 0.0),
        ("18/11/2026", 2, 0.5),
        ("20/11/2026", 2, 0.5),
        ("24/11/2026", 1, 1.0),
    ]
    weeks = rated.reports.summary(rated.supervisor, NOV, GroupBy.WEEK)
    assert [(r.key, r.label, r.total, r.satisfied) for r in weeks.rows] == [
        ("2026-W47", "Tuần 47 (16/11 – 22/11/2026)", 8, 4),
        ("2026-W48", "Tuần 48 (23/11 – 29/11/2026)", 1, 1),
    ]
    autumn = Period(date(2026, 10, 1), date(2026, 12, 31))
    months = rated.reports.summary(rated.supervisor, autumn, GroupBy.MONTH)
    assert [(r.label, r.total, r.counts) for r in months.rows] == [
        ("Tháng 10/2026", 1, (0, 0, 0, 0, 1)),
        ("Tháng 11/2026", 9, (2, 3, 1, 2, 1)),
        ("Tháng 12/2026", 1, (0, 0, 0, 0, 1)),
    ]
    assert months.total.total == 11


def test_period_bounds_are_whole_days_both_included(office: Office) -> None:
    add_ratings(
        office.hall.db,
        [
            rating(SATISFIED, datetime(2026, 11, 15, 23, 59, 59)),
            rating(SATISFIED, datetime(2026, 11, 16, 0, 0, 0)),
            rating(NEUTRAL, datetime(2026, 11, 18, 23, 59, 59)),
            rating(SATISFIED, datetime(2026, 11, 19, 0, 0, 0)),
        ],
    )
    period = Period(date(2026, 11, 16), date(2026, 11, 18))
    summary = office.reports.summary(office.supervisor, period, GroupBy.DAY)
    assert [(r.label, r.total) for r in summary.rows] == [("16/11/2026", 1), ("18/11/2026", 1)]
    one_day = office.reports.summary(office.supervisor, Period(period.end, period.end), "day")
    assert one_day.total.total == 1 and one_day.total.rate == 0.0


def test_filters_narrow_every_figure(rated: Office) -> None:
    def total(**kw: object) -> tuple[int, int]:
        t = rated.reports.summary(rated.supervisor, NOV, "counter", RatingFilters(**kw)).total
        return t.total, t.satisfied

    assert total(counter=2) == (4, 2)
    assert total(clerk_id=rated.hong[0]) == (5, 3)
    assert total(area_id=rated.hall.areas["B"].id) == (4, 2)
    assert total(procedure_code="1.001193") == (4, 2)
    assert total(channel="kiosk") == (1, 0)
    assert total(counter=1, channel="kiosk") == (0, 0)
    empty = rated.reports.summary(rated.supervisor, NOV, "clerk", RatingFilters(counter=3))
    assert empty.rows == () and empty.total.rate is None and empty.total.average is None


def test_reasons_counted_among_the_dissatisfied(rated: Office) -> None:
    report = rated.reports.reasons(rated.supervisor, NOV)
    assert report.total == 9 and report.dissatisfied == 3 and report.without_reason == 1
    assert [(r.reason, r.count) for r in report.reasons] == [(WAIT, 2), (PAPERS, 1)]
    assert report.reasons[0].share == pytest.approx(2 / 3)
    assert not report.comments_withheld and not report.comments_cut
    assert [(c.day, c.counter, c.level, c.reasons, c.comment) for c in report.comments] == [
        (date(2026, 11, 20), 2, DISSATISFIED, (), ""),
        (date(2026, 11, 20), 2, SATISFIED, (), "Tốt"),
        (date(2026, 11, 18), 1, DISSATISFIED, (WAIT, PAPERS), "Chờ lâu"),
        (date(2026, 11, 17), 2, VERY_DISSATISFIED, (WAIT,), ""),
    ]
    assert report.comments[2].clerk_name == "Lê Thị Hồng"
    assert report.comments[0].procedure_name == "Đăng ký khai sinh"
    assert report.comments[2].level_label == "Không hài lòng"


def test_comments_never_name_the_service_event(rated: Office) -> None:
    fields = {f.name for f in dataclasses.fields(CommentLine)}
    assert not fields & {"event_key", "ticket_id", "dossier_id", "rated_at", "station"}
    report = rated.reports.reasons(rated.supervisor, NOV)
    assert "ticket:" not in repr(report) and "DANHGIA" not in repr(report)


def test_comments_withheld_from_a_selection_too_small_to_hide_the_rater(rated: Office) -> None:
    report = rated.reports.reasons(rated.supervisor, NOV, RatingFilters(channel="kiosk"))
    assert report.total == 1 and report.comments == () and report.comments_withheld
    assert [(r.reason, r.count) for r in report.reasons] == [(WAIT, 1)]
    nothing = rated.reports.reasons(rated.supervisor, NOV, RatingFilters(counter=3))
    assert nothing.total == 0 and not nothing.comments_withheld and nothing.reasons == ()


@pytest.mark.parametrize("role", [Role.CLERK, Role.DEVICE])
def test_only_supervisors_and_admins_read_ratings(rated: Office, role: Role) -> None:
    who = dataclasses.replace(rated.hall.clerk, role=role)
    with pytest.raises(PermissionDenied, match="công chức không xem đánh giá"):
        rated.reports.summary(who, NOV, "clerk")
    with pytest.raises(PermissionDenied):
        rated.reports.reasons(who, NOV)
    with pytest.raises(PermissionDenied):
        rated.reports.export(who, NOV, "clerk", kind="pdf")
    with pytest.raises(PermissionDenied, match="đăng nhập"):
        rated.reports.summary(None, NOV, "clerk")  # type: ignore[arg-type]
    assert audit.recent(rated.hall.db, action="rating.export") == []
    admin_view = rated.reports.summary(rated.hall.admin, NOV, "clerk")
    assert admin_view.total.total == 9


def test_a_backwards_period_is_refused() -> None:
    with pytest.raises(ValidationError, match="Ngày bắt đầu"):
        Period(date(2026, 11, 30), date(2026, 11, 1))


def test_filter_choices_and_their_words(rated: Office) -> None:
    choices = rated.reports.choices(rated.supervisor)
    assert choices.counters == (1, 2)
    assert choices.clerks == (rated.hong, rated.duc)
    assert [name for _id, name in choices.areas] == ["Chứng thực", "Hộ tịch"]
    assert choices.procedures == (BIRTH,)
    words = rated.reports.describe(RatingFilters(counter=2, clerk_id=rated.duc[0], channel="kiosk"))
    assert words == ("Quầy: 2", "Công chức: Nguyễn Văn Đức", "Kênh: Kiosk (quét giấy hẹn)")


def test_export_records_who_and_which_period_not_the_ratings(rated: Office) -> None:
    data = rated.reports.export(rated.supervisor, NOV, "clerk", RatingFilters(counter=1), "xlsx")
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Tổng hợp", "Lý do chưa hài lòng", "Ý kiến"]
    pdf = rated.reports.export(rated.supervisor, NOV, "month", kind="pdf")
    assert pdf.startswith(b"%PDF-")
    lines = audit.recent(rated.hall.db, action="rating.export")
    assert [line.entity_id for line in lines] == ["pdf", "xlsx"]
    assert lines[1].username == "giamsat"
    assert lines[1].details == {
        "start": "2026-11-01",
        "end": "2026-11-30",
        "group_by": "clerk",
        "filters": {"counter": 1},
    }
    with pytest.raises(ValidationError):
        rated.reports.export(rated.supervisor, NOV, "clerk", kind="docx")  # type: ignore[arg-type]


def test_a_rating_given_on_the_screen_shows_in_the_report(office: Office) -> None:
    hall = office.hall
    ticket = hall.queue.issue(hall.kiosk, hall.areas["A"].id)
    hall.queue.call_next(hall.clerk, 1)
    hall.clock.advance(minutes=6)
    hall.queue.finish(hall.clerk, 1)
    screen = RatingService(hall.db, RatingSettings(), hall.clock)
    screen.submit(hall.kiosk, RatingInput(event_key(TICKET, ticket.id), SATISFIED, "k-1"))
    day = Period(hall.clock().date(), hall.clock().date())
    row = office.reports.summary(office.supervisor, day, "clerk").rows[0]
    assert (row.label, row.total, row.count(SATISFIED), row.rate) == ("Lê Thị Hồng", 1, 1, 1.0)
    area = office.reports.summary(office.supervisor, day, "area").rows[0]
    assert (area.label, area.key) == ("Hộ tịch", str(hall.areas["A"].id))
    counter = office.reports.summary(office.supervisor, day, "counter").rows[0]
    assert counter.label == "Quầy 1"
