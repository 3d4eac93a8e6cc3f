"""The office this installation serves: first-run setup, its counters, its details."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.agency_code import agency_code_problems, normalize_agency_code
from counter_app.domain.roles import Role
from counter_app.domain.text import normalize
from counter_app.services import admin_units, audit
from counter_app.services.accounts import AccountService
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.settings import SecuritySettings
from db.engine import Database
from db.models import Counter, Office

MAX_COUNTERS = 30


@dataclass(frozen=True)
class CounterInfo:
    """A counter of the office."""

    number: int
    name: str
    active: bool


@dataclass(frozen=True)
class OfficeInfo:
    """The office's details as shown and printed."""

    name: str
    agency_code: str
    province_code: str
    province_name: str
    commune_code: str
    commune_name: str
    address: str
    phone: str
    is_demo: bool
    counters: tuple[CounterInfo, ...]


@dataclass(frozen=True)
class OfficeSetup:
    """What the setup wizard collects about the office."""

    name: str
    agency_code: str
    province_code: str
    commune_code: str
    counter_count: int = 1
    address: str = ""
    phone: str = ""
    counter_names: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class AdminSetup:
    """The first admin account, chosen in the setup wizard."""

    username: str
    full_name: str
    password: str


def office_setup_problems(setup: OfficeSetup) -> list[str]:
    """Everything wrong with the office details, for showing beside the fields."""
    problems = []
    if not normalize(setup.name):
        problems.append("Cần nhập tên cơ quan (ví dụ: Trung tâm Phục vụ hành chính công xã …).")
    problems += agency_code_problems(normalize_agency_code(setup.agency_code))
    if admin_units.province(setup.province_code) is None:
        problems.append("Cần chọn tỉnh/thành phố trong danh sách.")
    elif admin_units.commune(setup.province_code, setup.commune_code) is None:
        problems.append("Cần chọn xã/phường thuộc tỉnh/thành phố đã chọn.")
    if not 1 <= setup.counter_count <= MAX_COUNTERS:
        problems.append(f"Số quầy phải từ 1 đến {MAX_COUNTERS}.")
    return problems


def _info(office: Office) -> OfficeInfo:
    counters = tuple(CounterInfo(c.number, c.name, c.active) for c in office.counters)
    return OfficeInfo(
        office.name,
        office.agency_code,
        office.province_code,
        office.province_name,
        office.commune_code,
        office.commune_name,
        office.address,
        office.phone,
        office.is_demo,
        counters,
    )


class OfficeService:
    """Reads and sets up the office."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock

    def get(self) -> OfficeInfo | None:
        """The office, or None before setup."""
        with self.db.read() as session:
            office = session.scalar(select(Office).order_by(Office.id).limit(1))
            return _info(office) if office else None

    def require(self) -> OfficeInfo:
        """The office, raising NotFound before setup."""
        office = self.get()
        if office is None:
            raise NotFound("Chưa khai báo cơ quan: hãy chạy trình thiết lập ban đầu.")
        return office

    def set_up(
        self,
        setup: OfficeSetup,
        admin: AdminSetup,
        security: SecuritySettings,
        station: str,
        is_demo: bool = False,
    ) -> Principal:
        """Create the office, its counters and the first admin in one transaction.

        The first admin must change the password at first sign-in, except in the demo office.
        """
        problems = office_setup_problems(setup)
        if problems:
            raise ValidationError(problems)
        province = admin_units.province(setup.province_code)
        commune = admin_units.commune(setup.province_code, setup.commune_code)
        assert province is not None and commune is not None
        now = self.clock()
        system = Principal.system(station)
        accounts = AccountService(self.db, security, station, self.clock)
        with self.db.write() as session:
            if session.scalar(select(Office.id).limit(1)) is not None:
                raise ValidationError("Cơ quan đã được thiết lập trước đó.")
            office = Office(
                name=normalize(setup.name),
                agency_code=normalize_agency_code(setup.agency_code),
                province_code=province.code,
                province_name=province.name,
                commune_code=commune.code,
                commune_name=commune.name,
                address=normalize(setup.address),
                phone=normalize(setup.phone),
                is_demo=is_demo,
                created_at=now,
            )
            for number in range(1, setup.counter_count + 1):
                names = setup.counter_names
                name = names[number - 1] if number <= len(names) else f"Quầy số {number}"
                office.counters.append(Counter(number=number, name=normalize(name), active=True))
            session.add(office)
            session.flush()
            audit.record(
                session,
                system,
                now,
                "office.setup",
                "office",
                office.id,
                agency_code=office.agency_code,
                counters=setup.counter_count,
            )
            # The first password was typed at set-up (often by an installer or a script): the
            # admin chooses their own at first sign-in. The demo office's are published anyway.
            must_change = not is_demo
            user = accounts._add_user(
                session,
                system,
                admin.username,
                admin.full_name,
                Role.ADMIN,
                admin.password,
                must_change,
            )
            return Principal(user.id, user.username, user.full_name, Role.ADMIN, station)

    def set_counters(self, actor: Principal, count: int) -> OfficeInfo:
        """Open or close counters so that counters 1..count are active."""
        require_role(actor, Role.ADMIN)
        if not 1 <= count <= MAX_COUNTERS:
            raise ValidationError(f"Số quầy phải từ 1 đến {MAX_COUNTERS}.")
        with self.db.write() as session:
            office = session.scalar(select(Office).order_by(Office.id).limit(1))
            if office is None:
                raise NotFound("Chưa khai báo cơ quan.")
            existing = {c.number: c for c in office.counters}
            for number in range(1, max(count, len(existing)) + 1):
                if number in existing:
                    existing[number].active = number <= count
                else:
                    office.counters.append(
                        Counter(number=number, name=f"Quầy số {number}", active=True)
                    )
            audit.record(
                session, actor, self.clock(), "office.counters", "office", office.id, count=count
            )
            session.flush()
            return _info(office)
