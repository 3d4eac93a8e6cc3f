"""The demo office a newcomer sees at once: real catalogue, sample accounts, separate database."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.catalog import CatalogService
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from counter_app.settings import SecuritySettings
from db.engine import Database

DEMO_PASSWORD = "Demo@2026"

DEMO_OFFICE = OfficeSetup(
    name="Trung tâm Phục vụ hành chính công phường Ba Đình (DEMO)",
    agency_code="000.00.01.H01",
    province_code="01",
    commune_code="00004",
    counter_count=4,
    address="Số 1 phố Demo, phường Ba Đình, thành phố Hà Nội",
    phone="024 0000 0000",
)


@dataclass(frozen=True)
class DemoAccount:
    """A demo account to print on the console."""

    username: str
    password: str
    role: Role
    full_name: str


DEMO_ACCOUNTS = (
    DemoAccount("quantri", DEMO_PASSWORD, Role.ADMIN, "Nguyễn Văn Quản"),
    DemoAccount("giamsat", DEMO_PASSWORD, Role.SUPERVISOR, "Trần Thị Giám"),
    DemoAccount("canbo1", DEMO_PASSWORD, Role.CLERK, "Lê Thị Hồng"),
    DemoAccount("canbo2", DEMO_PASSWORD, Role.CLERK, "Phạm Đức Minh"),
    DemoAccount("kiosk", DEMO_PASSWORD, Role.DEVICE, "Kiosk lấy số"),
)


def ensure_demo_office(
    db: Database,
    office: OfficeService,
    catalog: CatalogService,
    security: SecuritySettings,
    station: str,
) -> tuple[DemoAccount, ...]:
    """Set up the demo office once (office, counters, accounts, catalogue); idempotent."""
    if office.get() is None:
        first = DEMO_ACCOUNTS[0]
        admin = office.set_up(
            DEMO_OFFICE,
            AdminSetup(first.username, first.full_name, first.password),
            security,
            station,
            is_demo=True,
        )
        accounts = AccountService(db, security, station, office.clock)
        for demo in DEMO_ACCOUNTS[1:]:
            accounts.create_user(admin, demo.username, demo.full_name, demo.role, demo.password)
    if catalog.count() == 0:
        catalog.load_shipped(Principal.system(station))
    QueueService(db, office.clock).ensure_default_areas(Principal.system(station))
    return DEMO_ACCOUNTS
