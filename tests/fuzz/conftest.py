"""Fuzz-test fixtures: a migrated database on SQLite and on PostgreSQL (for the few checks
that only PostgreSQL's column sizes and NUL refusal make meaningful)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.engine import Database
from db.migrate import migrate


@pytest.fixture
def migrated_db(db_url: str) -> Iterator[Database]:
    """A database at the newest schema; runs each test on SQLite and on PostgreSQL."""
    db = Database(db_url)
    migrate(db)
    try:
        yield db
    finally:
        db.dispose()
