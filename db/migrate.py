"""Apply Alembic migrations at start; SQLite is backed up first, a newer schema is refused."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import Database
from db.sqlite_backup import backup_sqlite_file

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """What autogenerate compares: everything but the search index (FTS5 tables, trigram)."""
    return not (name or "").startswith(("dossier_search", "ix_dossier_search"))


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of the app: refuse to run on it."""


@dataclass(frozen=True)
class MigrationResult:
    """What a migration run did."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest migration this version of the app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at, None when it has no schema yet."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    """Every revision shipped with this version."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def migrate(db: Database, backup_dir: Path | None = None) -> MigrationResult:
    """Bring the database to the newest schema; back up an existing SQLite file first."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"Cơ sở dữ liệu đang ở phiên bản cấu trúc {current}, do một phiên bản phần mềm mới hơn "
            "tạo ra. Không thể dùng phiên bản cũ này trên dữ liệu đó: hãy cài lại phiên bản mới."
        )
    backup = None
    if current is not None and db.sqlite_file is not None and backup_dir is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite_file(
            db.sqlite_file, backup_dir / f"truoc-nang-cap-{current}-{stamp}.sqlite3"
        )
        log.info("backed up database before migrating to %s", backup)
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database migrated from %s to %s", current, head)
    return MigrationResult(current, head, backup)
