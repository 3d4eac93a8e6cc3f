"""Checks on what a service stored: every text column clean and within its declared size."""

from __future__ import annotations

import unicodedata

from sqlalchemy import String, func, select
from sqlalchemy.orm import Session

from db.base import Base


def row_problems(row: Base) -> list[str]:
    """Text columns of a row that PostgreSQL would refuse (too long, NUL) or that are not NFC
    or hold control characters; empty when the row is sound."""
    problems = []
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        if not isinstance(value, str):
            continue
        length = column.type.length if isinstance(column.type, String) else None
        if length is not None and len(value) > length:
            problems.append(f"{column.key}: {len(value)} characters > {length}")
        # Search keys are folded on purpose (a Hangul syllable folds to its letters).
        is_search_key = column.key.endswith("_folded") or column.key == "search_text"
        if not is_search_key and not unicodedata.is_normalized("NFC", value):
            problems.append(f"{column.key}: not NFC: {value[:60]!r}")
        if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
            problems.append(f"{column.key}: control character in {value[:60]!r}")
    return problems


def count(session: Session, model: type[Base]) -> int:
    """How many rows a table holds."""
    return session.scalar(select(func.count()).select_from(model)) or 0
