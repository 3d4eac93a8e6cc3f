"""Accounts: creation rules, sign-in, lock-out, password changes and the audit log."""

from __future__ import annotations

from datetime import datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.accounts import AccountService, SignInError
from counter_app.services.errors import PermissionDenied, ValidationError
from counter_app.services.principal import Principal
from counter_app.settings import SecuritySettings
from db.models import User

SECURITY = SecuritySettings(min_password_length=8, max_failed_logins=3, lockout_minutes=15)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 23, 8, 0))


@pytest.fixture
def accounts(migrated_db, clock) -> AccountService:
    return AccountService(migrated_db, SECURITY, "QUAY-1", clock)


@pytest.fixture
def admin(accounts) -> Principal:
    system = Principal.system("QUAY-1")
    accounts.create_user(system, "quantri", "Nguyễn Văn Quản", Role.ADMIN, "matkhau123")
    return accounts.sign_in("quantri", "matkhau123")


def test_password_is_stored_as_argon2_hash(accounts, admin, migrated_db):
    with migrated_db.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "quantri"))
    assert stored.startswith("$argon2id$")
    assert "matkhau123" not in stored
    assert PasswordHasher().verify(stored, "matkhau123")


def test_sign_in_returns_principal_with_role_and_station(admin):
    assert admin.username == "quantri"
    assert admin.role is Role.ADMIN
    assert admin.station == "QUAY-1"
    assert admin.full_name == "Nguyễn Văn Quản"


def test_username_is_case_insensitive_and_trimmed(accounts, admin):
    assert accounts.sign_in("  QuanTri ", "matkhau123").user_id == admin.user_id


def test_wrong_password_and_unknown_user_give_the_same_message(accounts, admin):
    with pytest.raises(SignInError) as wrong:
        accounts.sign_in("quantri", "sai-mat-khau1")
    with pytest.raises(SignInError) as unknown:
        accounts.sign_in("khongco", "sai-mat-khau1")
    assert str(wrong.value) == str(unknown.value) == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_lock_out_after_repeated_failures_then_unlock_after_the_period(accounts, admin, clock):
    for _ in range(SECURITY.max_failed_logins - 1):
        with pytest.raises(SignInError, match="không đúng"):
            accounts.sign_in("quantri", "sai-mat-khau1")
    with pytest.raises(SignInError, match="tạm khóa 15 phút"):
        accounts.sign_in("quantri", "sai-mat-khau1")
    # Even the right password is refused while locked.
    with pytest.raises(SignInError, match="thử lại sau 08:15"):
        accounts.sign_in("quantri", "matkhau123")
    clock.advance(minutes=16)
    assert accounts.sign_in("quantri", "matkhau123").username == "quantri"


def test_successful_sign_in_resets_the_failure_count(accounts, admin):
    for _ in range(SECURITY.max_failed_logins - 1):
        with pytest.raises(SignInError):
            accounts.sign_in("quantri", "sai-mat-khau1")
    accounts.sign_in("quantri", "matkhau123")
    for _ in range(SECURITY.max_failed_logins - 1):
        with pytest.raises(SignInError, match="không đúng"):
            accounts.sign_in("quantri", "sai-mat-khau1")


def test_every_sign_in_attempt_is_audited(accounts, admin, migrated_db):
    with pytest.raises(SignInError):
        accounts.sign_in("quantri", "sai-mat-khau1")
    lines = audit.recent(migrated_db)
    actions = [(line.action, line.username, line.station) for line in lines]
    assert ("auth.sign_in_failed", "quantri", "QUAY-1") in actions
    assert ("auth.sign_in", "quantri", "QUAY-1") in actions
    assert ("user.create", "system", "QUAY-1") in actions
    failed = next(line for line in lines if line.action == "auth.sign_in_failed")
    assert failed.details == {"reason": "wrong-password"}


def test_only_admin_creates_users(accounts, admin):
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    clerk = accounts.sign_in("canbo1", "canbo1234")
    with pytest.raises(PermissionDenied):
        accounts.create_user(clerk, "canbo2", "Phạm Minh", Role.CLERK, "canbo1234")
    with pytest.raises(PermissionDenied):
        accounts.create_user(None, "canbo2", "Phạm Minh", Role.CLERK, "canbo1234")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("ab", "matkhau123", "từ 3 đến 50"),
        ("Nguyễn", "matkhau123", "chữ thường không dấu"),
        ("canbo", "ngan1", "ít nhất 8"),
        ("canbo", "12345678", "cả chữ và số"),
        ("quantri", "matkhau123", "đã có người dùng"),
    ],
)
def test_bad_new_accounts_are_refused_with_a_reason(accounts, admin, username, password, message):
    with pytest.raises(ValidationError, match=message):
        accounts.create_user(admin, username, "Tên", Role.CLERK, password)


def test_disabled_account_cannot_sign_in_and_admin_cannot_disable_self(accounts, admin):
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    accounts.set_active(admin, "canbo1", False)
    with pytest.raises(SignInError, match="đã bị khóa bởi quản trị"):
        accounts.sign_in("canbo1", "canbo1234")
    with pytest.raises(ValidationError):
        accounts.set_active(admin, "quantri", False)


def test_reset_password_forces_a_change_and_change_checks_the_old(accounts, admin):
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    accounts.reset_password(admin, "canbo1", "tamthoi123")
    clerk = accounts.sign_in("canbo1", "tamthoi123")
    assert accounts.must_change_password(clerk)
    with pytest.raises(ValidationError, match="hiện tại không đúng"):
        accounts.change_password(clerk, "sai-cu-123", "moi-mat-khau1")
    with pytest.raises(ValidationError, match="phải khác"):
        accounts.change_password(clerk, "tamthoi123", "tamthoi123")
    accounts.change_password(clerk, "tamthoi123", "moi-mat-khau1")
    assert not accounts.must_change_password(clerk)
    assert accounts.sign_in("canbo1", "moi-mat-khau1").role is Role.CLERK


def test_list_users_for_admin_and_supervisor_only(accounts, admin):
    accounts.create_user(admin, "giamsat", "Trần Giám", Role.SUPERVISOR, "giamsat123")
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    supervisor = accounts.sign_in("giamsat", "giamsat123")
    names = [u.username for u in accounts.list_users(supervisor)]
    assert names == ["canbo1", "giamsat", "quantri"]
    with pytest.raises(PermissionDenied):
        accounts.list_users(accounts.sign_in("canbo1", "canbo1234"))
