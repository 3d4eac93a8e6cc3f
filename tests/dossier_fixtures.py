"""Shared set-up for dossier tests: an office, a clerk, the shipped catalogue, a frozen clock."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.clock import FrozenClock
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.intake import ApplicantInput, IntakeInput, PaperCheck
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.attachment_store import AttachmentStore
from counter_app.services.attachments import AttachmentService
from counter_app.services.catalog import CatalogService
from counter_app.services.dossier_lifecycle import LifecycleService
from counter_app.services.dossier_queries import DossierQueries
from counter_app.services.intake import IntakeService
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.services.principal import Principal
from counter_app.settings import SecuritySettings
from db.engine import Database

AGENCY = "000.00.06.H56"
KHAI_SINH = "1.001193"


@dataclass
class Counter:
    """Everything a dossier test needs."""

    db: Database
    clock: FrozenClock
    calendar: WorkCalendar
    clerk: Principal
    admin: Principal
    intake: IntakeService
    lifecycle: LifecycleService
    queries: DossierQueries
    catalog: CatalogService
    attachments: AttachmentService


def make_counter(db: Database, at: datetime = datetime(2026, 11, 16, 8, 30)) -> Counter:
    """An office, an admin and a clerk, the shipped catalogue, a clock at `at`, a file store."""
    clock = FrozenClock(at)
    security = SecuritySettings()
    admin = OfficeService(db, clock).set_up(
        OfficeSetup("Trung tâm Phục vụ hành chính công xã Phong Thổ", AGENCY, "01", "00004", 2),
        AdminSetup("quantri", "Quản Trị", "matkhau123"),
        security,
        "MAY-1",
    )
    accounts = AccountService(db, security, "QUAY-1", clock)
    accounts.create_user(admin, "canbo1", "Lê Thị Hồng", Role.CLERK, "canbo1234")
    clerk = accounts.sign_in("canbo1", "canbo1234")
    catalog = CatalogService(db, clock)
    catalog.load_shipped(Principal.system("MAY-1"))
    calendar = WorkCalendar()
    store = AttachmentStore(Path(tempfile.mkdtemp(prefix="motcua-files-")))
    attachments = AttachmentService(db, store, clock)
    return Counter(
        db,
        clock,
        calendar,
        clerk,
        admin,
        IntakeService(db, calendar, clock, attachments),
        LifecycleService(db, calendar, clock),
        DossierQueries(db, clock, calendar),
        catalog,
        attachments,
    )


def citizen(**changes: object) -> ApplicantInput:
    """A consistent citizen (male, born 1990 in Hà Nội)."""
    base = dict(
        full_name="Nguyễn Văn An",
        id_number="001090012345",
        gender="Nam",
        birth_date=datetime(1990, 5, 2).date(),
        address="Bản Nậm Xe, xã Phong Thổ",
        phone="0912 345 678",
    )
    base.update(changes)
    return ApplicantInput(**base)  # type: ignore[arg-type]


def complete_intake(counter: Counter, code: str = KHAI_SINH, **changes: object) -> IntakeInput:
    """An intake with every paper of the procedure ticked."""
    detail = counter.catalog.get(code)
    papers = tuple(PaperCheck(i, True) for i, _ in enumerate(detail.papers, start=1))
    fields = dict(applicant=citizen(), procedure_code=code, papers=papers)
    fields.update(changes)
    return IntakeInput(**fields)  # type: ignore[arg-type]
