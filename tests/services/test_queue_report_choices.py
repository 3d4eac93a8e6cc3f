"""The queue report's filter choices over the known history of test_queue_reports."""

from __future__ import annotations

import dataclasses

import pytest
from test_queue_reports import PERIOD, build_history

from counter_app.domain.roles import Role
from counter_app.services.errors import PermissionDenied
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInput
from counter_app.services.queue_report_choices import QueueChoices
from counter_app.services.queue_report_models import QueueFilters
from counter_app.services.queue_reports import QueueReports
from db.engine import Database


@pytest.fixture
def history(migrated_db: Database):  # type: ignore[no-untyped-def]
    hall, c1, c2 = build_history(migrated_db)
    return hall, QueueReports(migrated_db, hall.clock), c1, c2


def test_choices_name_what_the_queue_holds(history) -> None:
    hall, reports, c1, c2 = history
    ids = {p: hall.areas[p].id for p in "ABCDEF"}
    choices = reports.choices(hall.admin)
    assert choices == QueueChoices(
        areas=(
            (ids["A"], "Hộ tịch"),
            (ids["B"], "Chứng thực"),
            (ids["C"], "Đất đai, xây dựng"),
            (ids["D"], "Bảo trợ xã hội"),
            (ids["E"], "Kinh doanh"),
            (ids["F"], "Lĩnh vực khác"),
        ),
        counters=(1, 2, 3),  # those the areas are served at
        clerks=(
            (c1.user_id, "Lê Thị Hồng"),
            (c2.user_id, "Phạm Văn Bình"),
            (hall.admin.user_id, "Quản Trị"),
        ),
    )


def test_retired_areas_come_last(history) -> None:
    hall, reports, *_ = history

    def retire(prefix: str) -> None:
        area = hall.areas[prefix]
        fields = dataclasses.asdict(area)
        hall.queue.save_area(hall.admin, AreaInput(**{**fields, "active": False}))

    retire("B")  # their history can still be read
    retire("D")
    areas = [name for _, name in reports.choices(hall.admin).areas]
    assert areas == [
        "Hộ tịch",
        "Đất đai, xây dựng",
        "Kinh doanh",
        "Lĩnh vực khác",
        "Chứng thực",
        "Bảo trợ xã hội",
    ]


def test_each_choice_narrows_the_report(history) -> None:
    hall, reports, _c1, c2 = history
    choices = reports.choices(hall.admin)
    by_counter = {
        n: reports.report(hall.admin, PERIOD, QueueFilters(counter=n)).total.tickets
        for n in choices.counters
    }
    assert by_counter == {1: 4, 2: 2, 3: 1}
    clerk2 = reports.report(hall.admin, PERIOD, QueueFilters(clerk_id=c2.user_id))
    assert [(r.label, r.tickets) for r in clerk2.by_counter] == [("Quầy 2", 2), ("Quầy 3", 1)]


def test_only_managers_see_the_choices(history) -> None:
    _hall, reports, c1, _ = history
    with pytest.raises(PermissionDenied):
        reports.choices(c1)
    with pytest.raises(PermissionDenied):
        reports.choices(None)  # type: ignore[arg-type]
    supervisor = Principal(1, "giamsat", "Giám Sát", Role.SUPERVISOR, "MAY-1")
    assert reports.choices(supervisor).counters == (1, 2, 3)


def test_an_empty_queue_offers_the_office_lists(migrated_db: Database) -> None:
    from queue_fixtures import make_hall

    hall = make_hall(migrated_db)
    choices = QueueReports(migrated_db, hall.clock).choices(hall.admin)
    assert len(choices.areas) == 6 and choices.counters == (1, 2, 3)
    assert [name for _, name in choices.clerks] == ["Lê Thị Hồng", "Quản Trị"]
