"""Start-up: folders, settings, database checks and migrations, and the services built on them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.calendar import WorkCalendar
from counter_app.paths import AppDirs, ensure_private_dir
from counter_app.services.accounts import AccountService
from counter_app.services.attachment_store import AttachmentStore
from counter_app.services.attachments import AttachmentService
from counter_app.services.backup import BackupService
from counter_app.services.catalog import CatalogService
from counter_app.services.dashboard import Dashboard
from counter_app.services.db_errors import describe_db_error
from counter_app.services.dossier_lifecycle import LifecycleService
from counter_app.services.dossier_queries import DossierQueries
from counter_app.services.dossier_reports import DossierReports
from counter_app.services.forms import FormService
from counter_app.services.intake import IntakeService
from counter_app.services.office import OfficeService
from counter_app.services.queue import QueueService
from counter_app.services.queue_reports import QueueReports
from counter_app.services.rating import RatingService
from counter_app.services.rating_reports import RatingReports
from counter_app.services.sync_status import SyncStatusService
from counter_app.settings import Settings
from counter_app.sync.factory import SenderFactory
from db.engine import Database, DatabaseSetupError, is_sqlite, sqlite_path
from db.migrate import SchemaTooNew, migrate
from db.sqlite_backup import check_sqlite_file

log = logging.getLogger(__name__)


class StartupError(RuntimeError):
    """The app cannot start on this database; the message is for the user."""


class CorruptDatabase(StartupError):
    """The SQLite file failed its integrity check; `backups` lists what could replace it."""

    def __init__(self, path: Path, problems: list[str], backups: list[Path]) -> None:
        self.path = path
        self.problems = problems
        self.backups = backups
        super().__init__(
            f"Tệp dữ liệu {path} bị hỏng ({'; '.join(problems[:3])}). "
            + (
                f"Có thể khôi phục từ bản sao lưu gần nhất: {backups[0].name}."
                if backups
                else "Không tìm thấy bản sao lưu nào để khôi phục."
            )
        )


@dataclass
class AppContext:
    """Everything the windows and commands need, built once at start."""

    dirs: AppDirs
    settings: Settings
    db: Database
    clock: Clock
    demo: bool = False
    accounts: AccountService = field(init=False)
    office: OfficeService = field(init=False)
    catalog: CatalogService = field(init=False)
    backups: BackupService = field(init=False)
    calendar: WorkCalendar = field(init=False)
    attachments: AttachmentService = field(init=False)
    intake: IntakeService = field(init=False)
    lifecycle: LifecycleService = field(init=False)
    dossiers: DossierQueries = field(init=False)
    forms: FormService = field(init=False)
    queue: QueueService = field(init=False)
    ratings: RatingService = field(init=False)
    rating_reports: RatingReports = field(init=False)
    dossier_reports: DossierReports = field(init=False)
    queue_reports: QueueReports = field(init=False)
    dashboard: Dashboard = field(init=False)
    sync_status: SyncStatusService = field(init=False)

    def __post_init__(self) -> None:
        station = self.settings.station.name
        self.accounts = AccountService(self.db, self.settings.security, station, self.clock)
        self.office = OfficeService(self.db, self.clock)
        self.catalog = CatalogService(self.db, self.clock)
        self.backups = BackupService(self.db, self.settings.backup_dir(self.dirs), self.clock)
        cal = self.settings.calendar
        self.calendar = WorkCalendar(
            office_hours=cal.office_hours,
            extra_holidays=tuple(date.fromisoformat(d) for d in cal.extra_holidays),
            extra_working_days=tuple(date.fromisoformat(d) for d in cal.extra_working_days),
        )
        store = AttachmentStore(
            self.settings.attachments_dir(self.dirs), self.settings.attachments.max_mb * 1024 * 1024
        )
        store.sweep_partials()
        self.attachments = AttachmentService(self.db, store, self.clock)
        self.intake = IntakeService(self.db, self.calendar, self.clock, self.attachments)
        self.lifecycle = LifecycleService(self.db, self.calendar, self.clock)
        self.dossiers = DossierQueries(self.db, self.clock, self.calendar)
        paper = "A4" if self.settings.printing.paper_size == "A4" else "A5"
        self.queue = QueueService(self.db, self.clock)
        self.ratings = RatingService(self.db, self.settings.rating, self.clock)
        self.rating_reports = RatingReports(self.db, self.clock)
        self.dossier_reports = DossierReports(self.db, self.calendar, self.clock)
        self.queue_reports = QueueReports(self.db, self.clock)
        self.dashboard = Dashboard(self.db, self.clock, self.rating_reports)
        self.sync_status = SyncStatusService(self.db, self.settings.sync.url, self.clock)
        self.forms = FormService(self.db, self.office, self.dossiers, paper, self.clock)

    @property
    def station(self) -> str:
        """This station's name in the audit log."""
        return self.settings.station.name

    def sync_sender_factory(self) -> SenderFactory:
        """What the background sender uses to send this office's outbox to the province."""
        return SenderFactory(
            self.db, self.settings.sync, self.attachments.store, self.clock, self.station
        )

    def close(self) -> None:
        """Release database connections."""
        self.db.dispose()


def prepare_dirs(dirs: AppDirs) -> None:
    """Create the config and data folders, or explain why they cannot be."""
    for folder in (dirs.config_dir, dirs.data_dir, dirs.log_dir):
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            raise StartupError(
                f"Không tạo được thư mục {folder}: {exc.strerror or exc}. "
                "Hãy kiểm tra quyền ghi hoặc đặt biến MOTCUA_DATA_DIR / MOTCUA_CONFIG_DIR."
            ) from exc


def open_context(
    dirs: AppDirs, settings: Settings, *, demo: bool = False, clock: Clock = vietnam_now
) -> AppContext:
    """Check and migrate the database, then build the services. Raises StartupError."""
    prepare_dirs(dirs)
    url = settings.database_url(dirs)
    backup_dir = settings.backup_dir(dirs)
    path = sqlite_path(url) if is_sqlite(url) else None
    if path is not None and path.exists() and path.stat().st_size > 0:
        problems = check_sqlite_file(path, quick=True)
        if problems:
            log.error("integrity check failed for %s: %s", path, problems[:5])
            backups = sorted(
                backup_dir.glob("*.sqlite3") if backup_dir.is_dir() else [],
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            raise CorruptDatabase(path, problems, backups)
    try:
        db = Database(
            url,
            busy_timeout_ms=settings.database.busy_timeout_ms,
            connect_timeout_s=settings.database.connect_timeout_s,
        )
        migrate(db, backup_dir)
    except SchemaTooNew as exc:
        raise StartupError(str(exc)) from exc
    except (SQLAlchemyError, DatabaseSetupError, OSError) as exc:
        log.exception("cannot open database")
        raise StartupError(describe_db_error(exc)) from exc
    return AppContext(dirs, settings, db, clock, demo)
