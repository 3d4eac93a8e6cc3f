"""Gap-free numbering shared by every station: dossier codes, tracking books, tickets.

Each number comes from one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` on a counter
row, inside the caller's transaction: two stations can never get the same number, and a
rolled-back transaction gives its number back.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.domain.dossier_code import make_code
from db.models import SequenceCounter


def next_value(session: Session, name: str, period: str) -> int:
    """Take the next number (from 1) of the named sequence in the period."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = SequenceCounter.__table__
    stmt = (
        insert(table)
        .values(name=name, period=period, last_value=1)
        .on_conflict_do_update(
            index_elements=[table.c.name, table.c.period],
            set_={"last_value": table.c.last_value + 1},
        )
        .returning(table.c.last_value)
    )
    value = session.execute(stmt).scalar_one()
    return int(value)


def allocate_dossier_code(session: Session, agency_code: str, day: date) -> str:
    """The next dossier code of the agency for the day, e.g. 000.00.06.H56-231027-0361."""
    seq = next_value(session, f"dossier:{agency_code}", day.isoformat())
    return make_code(agency_code, day, seq)
