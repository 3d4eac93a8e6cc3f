"""Migrations: applied at start, SQLite backed up first, a newer schema refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect, text

from db.engine import Database
from db.migrate import SchemaTooNew, current_revision, head_revision, migrate


def test_fresh_database_gets_every_table(db_url):
    db = Database(db_url)
    result = migrate(db)
    assert result.from_revision is None and result.to_revision == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "office",
        "counter",
        "app_user",
        "audit_entry",
        "procedure",
        "procedure_paper",
        "sequence_counter",
        "app_meta",
        "alembic_version",
    } <= tables
    assert migrate(db).backup is None  # already current: nothing to do
    db.dispose()


def test_schema_from_a_newer_version_is_refused_untouched(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = Database(url)
    migrate(db)
    with db.write() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    db.dispose()
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew, match="phiên bản phần mềm mới hơn"):
        migrate(Database(url), tmp_path / "backups")
    assert not (tmp_path / "backups").exists()  # refused before touching anything


def test_migration_of_existing_sqlite_writes_a_backup(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = Database(url)
    migrate(db)
    with db.write() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    # Simulate an installation one revision behind by faking the known head.
    import db.migrate as m

    monkeypatch.setattr(m, "current_revision", lambda _db: "0000-older")
    monkeypatch.setattr(m, "known_revisions", lambda: {"0000-older", head_revision()})
    monkeypatch.setattr(m.command, "upgrade", lambda *a, **k: None)
    result = m.migrate(db, tmp_path / "backups")
    assert result.backup is not None and result.backup.exists()
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT value FROM app_meta WHERE key='k'").fetchone() == ("v",)
    copy.close()
    db.dispose()


def test_current_revision_reports_head_after_migrate(db_url):
    db = Database(db_url)
    assert current_revision(db) is None
    migrate(db)
    assert current_revision(db) == head_revision()
    db.dispose()


def test_migrations_match_the_models(db_url):
    """Every model change has its migration: autogenerate finds nothing left to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.migrate import include_object
    from db.models import Base

    db = Database(db_url)
    migrate(db)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "include_object": include_object},
        )
        diff = compare_metadata(context, Base.metadata)
    db.dispose()
    assert diff == []
