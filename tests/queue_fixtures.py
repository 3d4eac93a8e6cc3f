"""Shared set-up for queue tests: an office with 3 counters, default areas, a kiosk, clerks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from counter_app.services.queue_models import AreaInfo
from counter_app.settings import SecuritySettings
from db.engine import Database


@dataclass
class Hall:
    """The waiting hall of one office."""

    db: Database
    clock: FrozenClock
    queue: QueueService
    admin: Principal
    kiosk: Principal
    clerk: Principal
    areas: dict[str, AreaInfo]


def make_hall(
    db: Database, at: datetime = datetime(2026, 11, 16, 7, 30), counters: int = 3
) -> Hall:
    """Counters (3 unless told), the default areas served by all, a kiosk and one clerk."""
    clock = FrozenClock(at)
    admin = OfficeService(db, clock).set_up(
        OfficeSetup(
            "Trung tâm Phục vụ hành chính công xã Phong Thổ",
            "000.00.06.H56",
            "01",
            "00004",
            counters,
        ),
        AdminSetup("quantri", "Quản Trị", "matkhau123"),
        SecuritySettings(),
        "MAY-1",
    )
    accounts = AccountService(db, SecuritySettings(), "QUAY-1", clock)
    accounts.create_user(admin, "kiosk", "Kiosk sảnh", Role.DEVICE, "kiosk1234")
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    queue = QueueService(db, clock)
    areas = {a.prefix: a for a in queue.ensure_default_areas(admin)}
    kiosk = Principal(2, "kiosk", "Kiosk sảnh", Role.DEVICE, "KIOSK-1")
    clerk = Principal(3, "canbo1", "Lê Thị Hồng", Role.CLERK, "QUAY-1")
    return Hall(db, clock, queue, admin, kiosk, clerk, areas)
