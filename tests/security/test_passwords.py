"""Passwords: argon2id, a minimum length, lock-out on a frozen clock, forced first change."""

from __future__ import annotations

from datetime import datetime

import pytest
from cli_runner import run_cli
from sqlalchemy import select, update

from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.accounts import WRONG_CREDENTIALS, AccountService, SignInError
from counter_app.services.catalog import CatalogService
from counter_app.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_demo_office
from counter_app.services.errors import PermissionDenied, ValidationError
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.services.passwords import PUBLISHED_PASSWORDS, hash_password, password_problems
from counter_app.settings import SecuritySettings, SettingsError, parse_settings
from db.engine import Database
from db.migrate import migrate
from db.models import User

SECURITY = SecuritySettings(min_password_length=8, max_failed_logins=3, lockout_minutes=15)
OFFICE = OfficeSetup(
    "Trung tâm Phục vụ hành chính công xã Mường Tè", "000.00.20.H12", "01", "00004"
)
PASSWORD = "MatKhau2026"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 23, 8, 0))


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = Database(sqlite_url)
    migrate(database)
    yield database
    database.dispose()


@pytest.fixture
def accounts(db: Database, clock: FrozenClock) -> AccountService:
    """A real office (not the demo) with its first admin and one clerk."""
    admin = OfficeService(db, clock).set_up(
        OFFICE, AdminSetup("quantri", "Lò Văn Páo", PASSWORD), SECURITY, "MAY-1"
    )
    service = AccountService(db, SECURITY, "QUAY-1", clock)
    service.create_user(admin, "canbo", "Lê Thị Hồng", Role.CLERK, PASSWORD)
    return service


def _stored_hash(db: Database, username: str) -> str:
    with db.read() as session:
        return session.scalar(select(User.password_hash).where(User.username == username))


# --- hashing and length -------------------------------------------------------------------------


def test_passwords_are_stored_as_argon2id_never_in_clear(accounts, db):
    stored = _stored_hash(db, "canbo")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert hash_password(PASSWORD) != stored  # salted: the same password hashes differently


def test_minimum_length_is_eight_with_a_vietnamese_message(accounts):
    assert password_problems("Ab1cdef", 8) == ["Mật khẩu phải có ít nhất 8 ký tự."]
    assert password_problems("Ab1cdefg", 8) == []
    # No caller can lower the floor, not even with a smaller setting passed in code.
    assert password_problems("Ab1cd", 4) == ["Mật khẩu phải có ít nhất 8 ký tự."]
    admin = accounts.sign_in("quantri", PASSWORD)
    with pytest.raises(ValidationError) as short:
        accounts.create_user(admin, "canbo2", "Phạm Đức Minh", Role.CLERK, "Ngan12")
    assert "ít nhất 8 ký tự" in str(short.value)
    assert "canbo2" not in {u.username for u in accounts.list_users(admin)}


def test_settings_refuse_a_minimum_below_eight():
    with pytest.raises(SettingsError) as refused:
        parse_settings({"security": {"min_password_length": 6}}, "motcua.toml", environ={})
    assert "mức tối thiểu 8" in str(refused.value)
    longer = parse_settings({"security": {"min_password_length": 12}}, "motcua.toml", environ={})
    assert password_problems("MatKhau2026", longer.security.min_password_length) == [
        "Mật khẩu phải có ít nhất 12 ký tự."
    ]


def test_change_and_reset_check_the_length_too(accounts):
    clerk = accounts.sign_in("canbo", PASSWORD)
    with pytest.raises(ValidationError, match="ít nhất 8 ký tự"):
        accounts.change_password(clerk, PASSWORD, "Ngan1")
    admin = accounts.sign_in("quantri", PASSWORD)
    with pytest.raises(ValidationError, match="ít nhất 8 ký tự"):
        accounts.reset_password(admin, "canbo", "Ngan1")
    assert accounts.sign_in("canbo", PASSWORD).username == "canbo"  # unchanged


# --- lock-out -----------------------------------------------------------------------------------


def _wrong(accounts: AccountService, times: int) -> list[str]:
    said = []
    for _ in range(times):
        with pytest.raises(SignInError) as refused:
            accounts.sign_in("canbo", "SaiMatKhau1")
        said.append(str(refused.value))
    return said


def test_locked_for_fifteen_minutes_after_three_failures(accounts, clock):
    said = _wrong(accounts, 3)
    assert said[:2] == [WRONG_CREDENTIALS] * 2
    assert said[2] == "Nhập sai mật khẩu quá số lần cho phép: tài khoản tạm khóa 15 phút."
    with pytest.raises(SignInError) as locked:
        accounts.sign_in("canbo", PASSWORD)  # the right password does not open it now
    assert "thử lại sau 08:15 ngày 23/11/2026" in str(locked.value)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(SignInError):
        accounts.sign_in("canbo", PASSWORD)
    clock.advance(seconds=1)
    assert accounts.sign_in("canbo", PASSWORD).username == "canbo"
    reasons = [
        line.details.get("reason")
        for line in audit.recent(accounts.db, 20, action="auth.sign_in_failed")
    ]
    assert reasons.count("locked") == 2 and reasons.count("locked-now") == 1


def test_a_success_resets_the_count(accounts):
    _wrong(accounts, 2)
    accounts.sign_in("canbo", PASSWORD)
    assert _wrong(accounts, 2) == [WRONG_CREDENTIALS] * 2  # not locked: counting started again
    assert accounts.sign_in("canbo", PASSWORD).username == "canbo"


def test_unknown_names_lock_nothing_and_say_the_same(accounts):
    for _ in range(5):
        with pytest.raises(SignInError, match=WRONG_CREDENTIALS):
            accounts.sign_in("khongco", "SaiMatKhau1")
    assert accounts.sign_in("canbo", PASSWORD).username == "canbo"


def test_an_admin_reset_unlocks(accounts):
    _wrong(accounts, 3)
    admin = accounts.sign_in("quantri", PASSWORD)
    accounts.reset_password(admin, "canbo", "TamThoi2026")
    clerk = accounts.sign_in("canbo", "TamThoi2026")
    assert accounts.must_change_password(clerk)


# --- forced change of the first admin's password ------------------------------------------------


def test_first_admin_of_a_real_office_must_change_it(accounts):
    admin = accounts.sign_in("quantri", PASSWORD)
    assert accounts.must_change_password(admin)
    accounts.change_password(admin, PASSWORD, "RiengToi2026")
    assert not accounts.must_change_password(accounts.sign_in("quantri", "RiengToi2026"))


def test_cli_init_admin_must_change_it(tmp_path):
    init = [
        *("admin", "init", "--office-name", "Trung tâm Phục vụ hành chính công xã Mường Tè"),
        *("--agency-code", "000.00.20.H12", "--province", "01", "--commune", "00004"),
        *("--admin-user", "quantri", "--admin-name", "Lò Văn Páo", "--no-catalog"),
    ]
    result = run_cli(tmp_path, *init, stdin="matkhau123\n")
    assert result.returncode == 0, result.stderr
    db = Database(f"sqlite:///{tmp_path / 'data' / 'counter.sqlite3'}")
    try:
        with db.read() as session:
            user = session.scalars(select(User).where(User.username == "quantri")).one()
            assert user.must_change_password and user.role == "admin"
    finally:
        db.dispose()


def test_demo_office_accounts_are_exempt(db, clock):
    office = OfficeService(db, clock)
    ensure_demo_office(db, office, CatalogService(db, clock), SECURITY, "MAY-1")
    accounts = AccountService(db, SECURITY, "QUAY-1", clock)
    for demo in DEMO_ACCOUNTS:
        principal = accounts.sign_in(demo.username, DEMO_PASSWORD)
        assert not accounts.must_change_password(principal), demo.username


def test_published_password_outside_the_demo_office_is_refused_and_forces_a_change(accounts, db):
    assert DEMO_PASSWORD in PUBLISHED_PASSWORDS
    admin = accounts.sign_in("quantri", PASSWORD)
    with pytest.raises(ValidationError, match="công bố công khai"):
        accounts.create_user(admin, "canbo2", "Phạm Đức Minh", Role.CLERK, DEMO_PASSWORD)
    with pytest.raises(ValidationError, match="công bố công khai"):
        accounts.reset_password(admin, "canbo", DEMO_PASSWORD)
    clerk = accounts.sign_in("canbo", PASSWORD)
    with pytest.raises(ValidationError, match="công bố công khai"):
        accounts.change_password(clerk, PASSWORD, DEMO_PASSWORD)
    # An account that still has it (e.g. a demo database copied into service) must change it.
    with db.write() as session:
        session.execute(
            update(User)
            .where(User.username == "canbo")
            .values(password_hash=hash_password(DEMO_PASSWORD))
        )
    assert accounts.must_change_password(accounts.sign_in("canbo", DEMO_PASSWORD))


def test_only_people_change_their_own_password(accounts):
    admin = accounts.sign_in("quantri", PASSWORD)
    accounts.create_user(admin, "kiosk", "Kiosk sảnh", Role.DEVICE, "ThietBi2026")
    device = accounts.sign_in("kiosk", "ThietBi2026")
    with pytest.raises(PermissionDenied):
        accounts.change_password(device, "ThietBi2026", "ThietBi2027")
    with pytest.raises(PermissionDenied, match="đăng nhập"):
        accounts.change_password(None, PASSWORD, "DoiMoi2027")  # type: ignore[arg-type]
    assert accounts.sign_in("kiosk", "ThietBi2026").role is Role.DEVICE
