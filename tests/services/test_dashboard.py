"""Today's figures over a known morning: queue, counters, dossiers and ratings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from queue_fixtures import make_hall
from rating_rows import add_ratings, rating

from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.dashboard import Dashboard, TodayFigures
from counter_app.services.errors import PermissionDenied
from counter_app.services.principal import Principal
from counter_app.settings import SecuritySettings
from db.engine import Database
from db.models import Applicant, Dossier

S = DossierStatus


def at(day: int, hh: int, mm: int) -> datetime:
    return datetime(2026, 11, day, hh, mm)


def add_dossiers(db: Database, rows: list[tuple[str | None, S, datetime, datetime | None]]) -> None:
    """Dossiers straight into the table: (code, status, received_at, due_at)."""
    with db.write() as session:
        person = Applicant(
            full_name="Nguyễn Văn An", created_at=at(1, 8, 0), updated_at=at(1, 8, 0)
        )
        session.add(person)
        session.flush()
        for i, (code, status, received, due) in enumerate(rows):
            session.add(
                Dossier(
                    code=code,
                    status=int(status),
                    applicant_id=person.id,
                    applicant_name=person.full_name,
                    procedure_code="1.001193",
                    procedure_name="Đăng ký khai sinh",
                    field="Hộ tịch",
                    processing_days="1",
                    received_at=received,
                    due_at=due,
                    created_at=received,
                    updated_at=received,
                    book_year=None,
                    book_number=None,
                    search_text=f"hs{i}",
                )
            )


@pytest.fixture
def morning(migrated_db: Database):
    hall = make_hall(migrated_db, at(13, 8, 0))
    q, a, b = hall.queue, hall.areas["A"].id, hall.areas["B"].id
    accounts = AccountService(migrated_db, SecuritySettings(), "QUAY-2", hall.clock)
    other = accounts.create_user(hall.admin, "canbo2", "Phạm Văn Bình", Role.CLERK, "canbo1234")
    c1, c2 = hall.clerk, Principal(other.id, "canbo2", "Phạm Văn Bình", Role.CLERK, "QUAY-2")
    q.issue(hall.kiosk, a)  # Friday 13: still "waiting", never counted today
    for when, action in (
        (at(16, 7, 30), lambda: q.issue(hall.kiosk, a)),
        (at(16, 7, 35), lambda: q.issue(hall.kiosk, a)),
        (at(16, 7, 40), lambda: q.issue(hall.kiosk, b)),
        (at(16, 7, 45), lambda: q.issue(hall.kiosk, a)),
        (at(16, 7, 50), lambda: q.call_next(c1, 1)),
        (at(16, 8, 2), lambda: q.finish(c1, 1)),  # served in 12 minutes
        (at(16, 8, 5), lambda: q.call_next(c2, 2)),
        (at(16, 8, 6), lambda: q.skip(c2, 2)),  # no-show
        (at(16, 8, 10), lambda: q.call_next(c2, 2)),  # B001, being served
    ):
        hall.clock.at = when
        action()
    add_dossiers(
        migrated_db,
        [
            ("H56.1", S.DUOC_TIEP_NHAN, at(16, 7, 55), at(16, 16, 0)),  # today, due today
            ("H56.2", S.DANG_XU_LY, at(12, 9, 0), at(16, 8, 0)),  # overdue since 8:00
            ("H56.3", S.DANG_XU_LY, at(10, 9, 0), at(13, 17, 0)),  # overdue
            ("H56.4", S.DA_TRA_KET_QUA, at(10, 9, 0), at(13, 17, 0)),  # returned: not late
            ("H56.5", S.YEU_CAU_BO_SUNG, at(11, 9, 0), at(13, 17, 0)),  # clock stopped
            ("H56.6", S.DANG_XU_LY, at(16, 8, 1), at(17, 16, 0)),  # due tomorrow
            (None, S.KHONG_DUOC_TIEP_NHAN, at(16, 8, 3), None),  # refused: not received
            ("H56.7", S.DUOC_TIEP_NHAN, at(13, 15, 0), at(16, 23, 59)),  # yesterday's, due today
        ],
    )
    add_ratings(
        migrated_db,
        [
            rating("very_satisfied", at(16, 8, 3)),
            rating("satisfied", at(16, 8, 4)),
            rating("dissatisfied", at(16, 8, 7), reasons=("Chờ lâu",)),
            rating("very_dissatisfied", at(13, 9, 0), reasons=("Chờ lâu",)),  # not today
        ],
    )
    hall.clock.at = at(16, 8, 20)
    return hall, Dashboard(migrated_db, hall.clock), c1


def test_figures_of_the_morning(morning) -> None:
    hall, dashboard, _ = morning
    assert dashboard.today(hall.admin) == TodayFigures(
        at=at(16, 8, 20),
        waiting=1,  # A003 since 7:45
        serving=1,
        served=1,
        no_shows=1,
        longest_wait=timedelta(minutes=35),
        new_ticket_wait=timedelta(minutes=6),  # 1 waiting × 12 min ÷ 2 counters open
        counters_open=2,  # 2 serving, 1 finished at 8:02
        counters_total=3,
        dossiers_received=2,  # H56.1 and H56.6; the refused one has no code
        dossiers_due_today=2,  # H56.1 and H56.7
        dossiers_overdue=2,  # H56.2 and H56.3
        ratings=3,
        satisfaction=pytest.approx(2 / 3),
    )


def test_counters_close_after_half_an_hour_idle(morning) -> None:
    hall, dashboard, _ = morning
    hall.clock.at = at(16, 8, 40)
    figures = dashboard.today(hall.admin)
    assert figures.counters_open == 1  # only counter 2, serving B001
    assert figures.longest_wait == timedelta(minutes=55)
    assert figures.new_ticket_wait == timedelta(minutes=12)
    assert figures.dossiers_due_today == 2 and figures.issued == 4


def test_an_empty_day(morning) -> None:
    hall, dashboard, _ = morning
    hall.clock.at = at(19, 7, 0)
    figures = dashboard.today(hall.admin)
    assert (figures.waiting, figures.served, figures.counters_open) == (0, 0, 0)
    assert figures.longest_wait is None and figures.satisfaction is None
    assert figures.dossiers_overdue == 5  # H56.1, H56.6 and H56.7 ran out too


def test_clerks_may_not_read_it(morning) -> None:
    _hall, dashboard, clerk = morning
    with pytest.raises(PermissionDenied):
        dashboard.today(clerk)
