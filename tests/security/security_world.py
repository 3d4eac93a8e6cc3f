"""One office with every kind of account and something to act on, for the role-refusal table."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dossier_fixtures import AGENCY, complete_intake
from PIL import Image
from sqlalchemy import select

from counter_app.clock import FrozenClock
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.attachment_store import AttachmentStore
from counter_app.services.attachments import AttachmentService
from counter_app.services.backup import BackupService
from counter_app.services.catalog import CatalogService
from counter_app.services.dashboard import Dashboard
from counter_app.services.dossier_lifecycle import LifecycleService
from counter_app.services.dossier_reports import DossierReports
from counter_app.services.intake import IntakeService
from counter_app.services.kiosk_lock import KioskLock
from counter_app.services.office import AdminSetup, OfficeService, OfficeSetup
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from counter_app.services.queue_reports import QueueReports
from counter_app.services.rating import RatingService
from counter_app.services.rating_reports import RatingReports
from counter_app.services.sync_status import SyncStatusService
from counter_app.settings import RatingSettings, SecuritySettings
from db.base import Base
from db.engine import Database
from db.migrate import migrate

PASSWORD = "MatKhau2026"
DEVICE_PASSWORD = "ThietBi2026"
NOW = datetime(2026, 11, 16, 8, 30)  # a Monday


@dataclass
class World:
    """Services on one database, the four kinds of principal, and ids to act on."""

    db: Database
    clock: FrozenClock
    files: Path
    admin: Principal
    supervisor: Principal
    clerk: Principal
    device: Principal
    accounts: AccountService
    office: OfficeService
    catalog: CatalogService
    queue: QueueService
    intake: IntakeService
    lifecycle: LifecycleService
    attachments: AttachmentService
    ratings: RatingService
    dashboard: Dashboard
    dossier_reports: DossierReports
    queue_reports: QueueReports
    rating_reports: RatingReports
    sync_status: SyncStatusService
    kiosk_lock: KioskLock
    backups: BackupService
    dossier_id: int = 0
    attachment_id: int = 0
    serving_ticket_id: int = 0
    waiting_label: str = ""
    rated_key: str = ""
    area_id: int = 0

    def by_role(self, role: Role | None) -> Principal | None:
        """The signed-in principal of that role; None stands for a signed-out session."""
        if role is None:
            return None
        return {
            Role.ADMIN: self.admin,
            Role.SUPERVISOR: self.supervisor,
            Role.CLERK: self.clerk,
            Role.DEVICE: self.device,
        }[role]

    def fingerprint(self) -> str:
        """A digest of every table's rows and every file written: any change alters it."""
        digest = hashlib.sha256()
        with self.db.read() as session:
            for table in Base.metadata.sorted_tables:
                rows = sorted(repr(tuple(row)) for row in session.execute(select(table)))
                digest.update(table.name.encode())
                digest.update("\n".join(rows).encode())
        for path in sorted(self.files.rglob("*")):
            digest.update(str(path.relative_to(self.files)).encode())
        return digest.hexdigest()


def png(path: Path) -> Path:
    """A small white PNG scan."""
    Image.new("RGB", (320, 200), "white").save(path, "PNG")
    return path


def build_world(root: Path) -> World:
    """Set up the office, sign everyone in, receive a dossier, serve tickets, attach a scan."""
    db = Database(f"sqlite:///{root / 'office.sqlite3'}")
    migrate(db)
    clock = FrozenClock(NOW)
    security = SecuritySettings()
    office = OfficeService(db, clock)
    admin = office.set_up(
        OfficeSetup("Trung tâm Phục vụ hành chính công xã Phong Thổ", AGENCY, "01", "00004", 3),
        AdminSetup("quantri", "Quản Trị", PASSWORD),
        security,
        "MAY-1",
    )
    accounts = AccountService(db, security, "QUAY-1", clock)
    for username, name, role, password in (
        ("giamsat", "Trần Thị Giám", Role.SUPERVISOR, PASSWORD),
        ("canbo", "Lê Thị Hồng", Role.CLERK, PASSWORD),
        ("canbo2", "Phạm Đức Minh", Role.CLERK, PASSWORD),
        ("kiosk", "Kiosk sảnh", Role.DEVICE, DEVICE_PASSWORD),
    ):
        accounts.create_user(admin, username, name, role, password)
    files = root / "files"
    calendar = WorkCalendar()
    catalog = CatalogService(db, clock)
    catalog.load_shipped(Principal.system("MAY-1"))
    attachments = AttachmentService(db, AttachmentStore(files / "scans"), clock)
    world = World(
        db=db,
        clock=clock,
        files=files,
        admin=admin,
        supervisor=accounts.sign_in("giamsat", PASSWORD),
        clerk=accounts.sign_in("canbo", PASSWORD),
        device=accounts.sign_in("kiosk", DEVICE_PASSWORD),
        accounts=accounts,
        office=office,
        catalog=catalog,
        queue=QueueService(db, clock),
        intake=IntakeService(db, calendar, clock, attachments),
        lifecycle=LifecycleService(db, calendar, clock),
        attachments=attachments,
        ratings=RatingService(db, RatingSettings(), clock),
        dashboard=Dashboard(db, clock),
        dossier_reports=DossierReports(db, calendar, clock),
        queue_reports=QueueReports(db, clock),
        rating_reports=RatingReports(db, clock),
        sync_status=SyncStatusService(db, "", clock),
        kiosk_lock=KioskLock(db, clock),
        backups=BackupService(db, files / "backups", clock),
    )
    _fill(world, accounts.sign_in("canbo2", PASSWORD))
    return world


def _fill(w: World, other_clerk: Principal) -> None:
    """A received dossier with a scan; a ticket served by another clerk; one being served."""
    w.dossier_id = w.intake.accept(w.clerk, complete_intake(w)).id  # type: ignore[arg-type]
    scan = png(Path(tempfile.mkdtemp(prefix="motcua-scan-")) / "giay-to.png")
    w.attachment_id = w.attachments.attach(w.clerk, w.dossier_id, scan).id
    w.area_id = w.queue.ensure_default_areas(w.admin)[0].id
    w.queue.issue(w.device, w.area_id)
    w.queue.call_next(other_clerk, 3)
    w.clock.advance(minutes=3)
    w.rated_key = f"ticket:{w.queue.finish(other_clerk, 3).id}"
    w.queue.issue(w.device, w.area_id)
    w.serving_ticket_id = w.queue.call_next(w.clerk, 1).id  # type: ignore[union-attr]
    w.waiting_label = w.queue.issue(w.device, w.area_id).label
    w.clock.advance(minutes=2)
