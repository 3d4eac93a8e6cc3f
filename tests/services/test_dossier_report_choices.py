"""The dossier report's filter choices, over the known history of test_dossier_reports."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from dossier_fixtures import complete_intake
from pypdf import PdfReader
from sqlalchemy import insert, select
from test_dossier_reports import (
    BAN_SAO,
    CHUNG_THUC,
    HKD,
    HO_KINH_DOANH,
    HO_TICH,
    HON_NHAN,
    KHAI_SINH,
    NOV,
    History,
    _build,
)

from counter_app.domain.text import fold
from counter_app.services.dossier_report_choices import DossierChoices, describe
from counter_app.services.dossier_report_models import DossierFilters
from counter_app.services.errors import PermissionDenied
from counter_app.services.queue import QueueService
from db.engine import Database
from db.models import Procedure, ServiceArea, Ticket

KHAI_TU = "1.000656"  # only ever asked to supplement: never received, never offered


@pytest.fixture
def history(migrated_db: Database) -> History:
    h = _build(migrated_db)
    c = h.counter
    c.clock.at = datetime(2026, 11, 20, 9, 0)
    waiting = c.intake.request_supplement(
        c.clerk, complete_intake(c, KHAI_TU, reasons="Thiếu giấy báo tử")
    )
    area = QueueService(c.db, c.clock).ensure_default_areas(c.admin)[0]
    row = dict(
        day=date(2026, 11, 20),
        prefix=area.prefix,
        number=99,
        label="A099",
        area_id=area.id,
        issued_at=datetime(2026, 11, 20, 8, 0),
        counter=7,
        dossier_id=waiting.id,
        status="done",
    )
    with c.db.write() as session:
        session.execute(insert(Ticket), [row])
    c.clock.at = datetime(2026, 12, 10, 9, 0)
    return h


def test_choices_offer_the_office_lists(history: History) -> None:
    r, who, db = history.reports, history.supervisor, history.counter.db
    got = r.choices(who)
    with db.read() as session:
        catalogue = session.execute(select(Procedure.code, Procedure.name)).all()
        areas = session.scalars(select(ServiceArea.counters)).all()
    # The whole catalogue, by name: KHAI_TU was never received but may still be chosen.
    assert sorted(got.procedures) == sorted((code, name) for code, name in catalogue)
    assert [fold(name) for _, name in got.procedures] == sorted(
        fold(name) for _, name in got.procedures
    )
    assert {KHAI_SINH, HON_NHAN, BAN_SAO, HO_KINH_DOANH, KHAI_TU} <= dict(got.procedures).keys()
    assert {CHUNG_THUC, HO_TICH, HKD} <= set(got.fields)
    assert list(got.fields) == sorted(got.fields, key=fold) and len(set(got.fields)) == len(
        got.fields
    )
    assert got.counters == tuple(sorted({n for numbers in areas for n in numbers}))
    assert 7 not in got.counters  # a ticket's counter that no area lists is not offered
    names = dict(got.clerks)
    assert names[history.counter.clerk.user_id] == "Lê Thị Hồng"
    assert names[history.clerk2.user_id] == "Nguyễn Văn Đức"
    assert got.channels == (
        (1, "Trực tiếp tại quầy"),
        (2, "Trực tuyến"),
        (3, "Qua bưu chính công ích"),
    )


def test_devices_and_missing_areas_are_not_offered(migrated_db: Database) -> None:
    from dossier_fixtures import make_counter

    from counter_app.domain.roles import Role
    from counter_app.services.accounts import AccountService
    from counter_app.services.dossier_reports import DossierReports
    from counter_app.services.principal import Principal
    from counter_app.settings import SecuritySettings

    c = make_counter(migrated_db)
    AccountService(migrated_db, SecuritySettings(), "QUAY-1", c.clock).create_user(
        c.admin, "kiosk9", "Kiosk sảnh", Role.DEVICE, "Kiosk@2026x"
    )
    boss = Principal(None, "giamsat", "Giám Sát", Role.SUPERVISOR, "MAY-1")
    got = DossierReports(migrated_db, c.calendar, c.clock).choices(boss)
    assert got.counters == ()  # no service area yet
    assert "Kiosk sảnh" not in dict(got.clerks).values()


def test_clerks_get_no_choices(history: History) -> None:
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):
        history.reports.choices(history.clerk2)


def test_describe_names_the_filters() -> None:
    choices = DossierChoices(
        procedures=((BAN_SAO, "Chứng thực bản sao"),), clerks=((5, "Nguyễn Văn Đức"),)
    )
    assert describe(choices, DossierFilters()) == ()
    assert describe(
        choices, DossierFilters(BAN_SAO, CHUNG_THUC, counter=2, clerk_id=5, channel=3)
    ) == (
        "Thủ tục: Chứng thực bản sao",
        "Lĩnh vực: Chứng thực",
        "Quầy: 2",
        "Công chức: Nguyễn Văn Đức",
        "Kênh: Qua bưu chính công ích",
    )


def test_a_filtered_export_says_which_filter_and_counts_only_it(history: History) -> None:
    r, who = history.reports, history.supervisor
    only = DossierFilters(clerk_id=history.clerk2.user_id)
    pdf = r.export(who, *NOV, "field", only, kind="pdf")
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Công chức: Nguyễn Văn Đức" in text
    # d5 (Hộ tịch, early) and d6 (hộ kinh doanh, apology: open late) only.
    assert "Tổng cộng 2 0 1 0 0 0 1 0 0 0 0" in text
    plain = " ".join(
        PdfReader(io.BytesIO(r.export(who, *NOV, "field", kind="pdf")))
        .pages[0]
        .extract_text()
        .split()
    )
    assert "Công chức:" not in plain
