"""Office setup: validation, one transaction with the first admin, counters."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services import admin_units
from counter_app.services.accounts import AccountService
from counter_app.services.errors import PermissionDenied, ValidationError
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.settings import SecuritySettings
from db.models import AuditEntry, Office, User

SECURITY = SecuritySettings()
SETUP = OfficeSetup(
    name="Trung tâm Phục vụ hành chính công xã Đồng Văn",
    agency_code=" 000.00.12.h42 ",
    province_code="01",
    commune_code="00004",
    counter_count=3,
)
ADMIN = AdminSetup("quantri", "Hoàng Văn Thái", "matkhau123")


@pytest.fixture
def office(migrated_db) -> OfficeService:
    return OfficeService(migrated_db, FrozenClock(datetime(2026, 11, 23, 7, 30)))


def test_post_2025_units_are_34_provinces_and_3321_communes():
    assert len(admin_units.provinces()) == 34
    assert sum(len(admin_units.communes(p.code)) for p in admin_units.provinces()) == 3321
    assert admin_units.province("01").name == "Thành phố Hà Nội"
    assert admin_units.commune("01", "00004").name == "Phường Ba Đình"
    assert admin_units.commune("79", "00004") is None


def test_set_up_creates_office_counters_and_admin(office, migrated_db):
    principal = office.set_up(SETUP, ADMIN, SECURITY, "MAY-1")
    info = office.require()
    assert info.agency_code == "000.00.12.H42"
    assert info.province_name == "Thành phố Hà Nội"
    assert info.commune_name == "Phường Ba Đình"
    assert [c.number for c in info.counters] == [1, 2, 3]
    assert info.counters[0].name == "Quầy số 1"
    assert principal.role is Role.ADMIN
    signed = AccountService(migrated_db, SECURITY, "MAY-1").sign_in("quantri", "matkhau123")
    assert signed.user_id == principal.user_id
    with migrated_db.read() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"office.setup", "user.create"} <= actions


def test_bad_setup_reports_every_problem_and_writes_nothing(office, migrated_db):
    bad = OfficeSetup(
        name=" ", agency_code="H56 06", province_code="01", commune_code="99999", counter_count=0
    )
    with pytest.raises(ValidationError) as caught:
        office.set_up(bad, ADMIN, SECURITY, "MAY-1")
    text = "\n".join(caught.value.problems)
    assert "tên cơ quan" in text
    assert "xã/phường" in text
    assert "Số quầy" in text
    assert len(caught.value.problems) >= 4
    assert office.get() is None


def test_bad_admin_password_leaves_no_office_behind(office, migrated_db):
    with pytest.raises(ValidationError, match="ít nhất 8"):
        office.set_up(SETUP, AdminSetup("quantri", "Thái", "ngan"), SECURITY, "MAY-1")
    with migrated_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Office)) == 0
        assert session.scalar(select(func.count()).select_from(User)) == 0


def test_set_up_twice_is_refused(office):
    office.set_up(SETUP, ADMIN, SECURITY, "MAY-1")
    with pytest.raises(ValidationError, match="đã được thiết lập"):
        office.set_up(SETUP, AdminSetup("khac", "Khác", "matkhau123"), SECURITY, "MAY-1")


def test_counters_can_be_opened_and_closed_by_admin_only(office, migrated_db):
    admin = office.set_up(SETUP, ADMIN, SECURITY, "MAY-1")
    info = office.set_counters(admin, 5)
    assert [(c.number, c.active) for c in info.counters] == [(n, True) for n in range(1, 6)]
    info = office.set_counters(admin, 2)
    assert [c.number for c in info.counters if c.active] == [1, 2]
    accounts = AccountService(migrated_db, SECURITY, "MAY-1")
    accounts.create_user(admin, "canbo1", "Lê Hồng", Role.CLERK, "canbo1234")
    with pytest.raises(PermissionDenied):
        office.set_counters(accounts.sign_in("canbo1", "canbo1234"), 3)
