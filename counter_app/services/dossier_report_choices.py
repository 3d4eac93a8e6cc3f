"""What the dossier report's filters offer, read from the dossiers the reports count.

Only values found in dossiers that were received or refused at intake are offered (a
procedure of the catalogue nobody applied for would only give an empty report). A dossier's
counter is the lowest counter of the queue tickets that led to it, as in the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.text import fold
from counter_app.services.dossier_report_models import CHANNEL_NAMES, DossierFilters
from db.models import Dossier as D
from db.models import Ticket


@dataclass(frozen=True)
class DossierChoices:
    """The filters' values with their names, in the order shown."""

    procedures: tuple[tuple[str, str], ...] = ()  # (code, name)
    fields: tuple[str, ...] = ()
    counters: tuple[int, ...] = ()
    clerks: tuple[tuple[int, str], ...] = ()  # (user id, name)
    channels: tuple[tuple[int, str], ...] = ()  # (KenhThucHien, name)


def _counted() -> ColumnElement[bool]:
    """Dossiers the reports count: received (with a code) or refused at intake."""
    return or_(D.code.is_not(None), D.status == int(DossierStatus.KHONG_DUOC_TIEP_NHAN))


def _by_name(pairs: Any) -> list[tuple[Any, str]]:
    return sorted(((key, str(name or "")) for key, name in pairs), key=lambda p: fold(p[1]))


def read_choices(session: Session) -> DossierChoices:
    """The procedures, fields, counters, clerks and channels of the counted dossiers."""
    procedures = session.execute(
        select(D.procedure_code, func.max(D.procedure_name))
        .where(_counted(), D.procedure_code != "")
        .group_by(D.procedure_code)
    ).all()
    fields = session.scalars(select(D.field).where(_counted(), D.field != "").distinct()).all()
    clerks = session.execute(
        select(D.received_by_id, func.max(D.received_by_name))
        .where(_counted(), D.received_by_id.is_not(None))
        .group_by(D.received_by_id)
    ).all()
    channels = session.scalars(select(D.channel).where(_counted()).distinct()).all()
    per_dossier = (
        select(func.min(Ticket.counter).label("counter"))
        .join(D, D.id == Ticket.dossier_id)
        .where(_counted())
        .group_by(Ticket.dossier_id)
        .subquery()
    )
    counters = session.scalars(
        select(per_dossier.c.counter).where(per_dossier.c.counter.is_not(None)).distinct()
    ).all()
    return DossierChoices(
        procedures=tuple(_by_name(procedures)),
        fields=tuple(sorted(fields, key=fold)),
        counters=tuple(sorted(counters)),
        clerks=tuple((int(key), name) for key, name in _by_name(clerks)),
        channels=tuple((c, CHANNEL_NAMES.get(c, f"Kênh {c}")) for c in sorted(channels)),
    )


def describe(choices: DossierChoices, filters: DossierFilters) -> tuple[str, ...]:
    """The filters in words for a printed report, e.g. ("Quầy: 2", "Kênh: Trực tuyến")."""
    parts: list[tuple[str, object, dict[Any, str]]] = [
        ("Thủ tục", filters.procedure_code, dict(choices.procedures)),
        ("Lĩnh vực", filters.field, {}),
        ("Quầy", filters.counter, {}),
        ("Công chức", filters.clerk_id, dict(choices.clerks)),
        ("Kênh", filters.channel, dict(CHANNEL_NAMES)),
    ]
    return tuple(f"{title}: {names.get(v, v)}" for title, v, names in parts if v is not None)
