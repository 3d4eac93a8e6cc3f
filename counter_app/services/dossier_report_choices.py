"""What the dossier report's filters offer, read from the office's own lists.

The catalogue's procedures and fields, the counters of the service areas, the people who may
receive dossiers, and the three channels. These are small tables: reading the values found in
a million dossiers instead took 5.7 s on SQLite (bench/report_bench.py), on every refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.roles import PEOPLE_ROLES
from counter_app.domain.text import fold
from counter_app.services.dossier_report_models import CHANNEL_NAMES, DossierFilters
from db.models import Procedure, ServiceArea, User


@dataclass(frozen=True)
class DossierChoices:
    """The filters' values with their names, in the order shown."""

    procedures: tuple[tuple[str, str], ...] = ()  # (code, name)
    fields: tuple[str, ...] = ()
    counters: tuple[int, ...] = ()
    clerks: tuple[tuple[int, str], ...] = ()  # (user id, name)
    channels: tuple[tuple[int, str], ...] = ()  # (KenhThucHien, name)


def _by_name(pairs: Any) -> list[tuple[Any, str]]:
    return sorted(((key, str(name or "")) for key, name in pairs), key=lambda p: fold(p[1]))


def office_counters(session: Session) -> list[int]:
    """Every counter number some service area is served at."""
    return sorted(
        {int(n) for numbers in session.scalars(select(ServiceArea.counters)) for n in numbers or ()}
    )


def office_people(session: Session) -> list[tuple[int, str]]:
    """The people (not devices) of the office, by name: who receives and serves."""
    rows = session.execute(
        select(User.id, User.full_name).where(User.role.in_([str(r) for r in PEOPLE_ROLES]))
    )
    return [(int(key), name) for key, name in _by_name(rows)]


def read_choices(session: Session) -> DossierChoices:
    """The catalogue's procedures and fields, the counters, the people and the channels."""
    catalogue = session.execute(select(Procedure.code, Procedure.name, Procedure.field)).all()
    return DossierChoices(
        procedures=tuple(_by_name((code, name) for code, name, _ in catalogue)),
        fields=tuple(sorted({field for *_, field in catalogue if field}, key=fold)),
        counters=tuple(office_counters(session)),
        clerks=tuple(office_people(session)),
        channels=tuple(sorted(CHANNEL_NAMES.items())),
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
