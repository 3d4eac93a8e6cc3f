"""Changes made upstream (processing, done, supplement requested) brought down to the commune.

Each page of changes is applied in one local transaction together with the new cursor, so a
crash leaves either both or neither. A change already applied (the same change_id, seen
again after an epoch change) is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.clock import Clock
from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.roles import Role
from counter_app.domain.sync_payload import parse_portal_time
from counter_app.domain.text import normalize
from counter_app.services.dossier_events import add_event
from counter_app.services.principal import Principal
from counter_app.sync import state
from counter_app.sync.provincial import ProvincialAdapter
from db.engine import Database
from db.models import Dossier, DossierEvent

log = logging.getLogger(__name__)

UPSTREAM = "upstream"
PROVINCE_STATION = "Hệ thống tỉnh"
# Column sizes of db.models.DossierEvent (and Dossier.code), which PostgreSQL enforces.
MAX_CODE, MAX_ACTOR, MAX_UNIT, MAX_CHANGE_ID = 60, 120, 200, 200


def _text(value: object, limit: int | None = None) -> str:
    """A text member of an upstream change as stored: clean, cut to its column; "" if not text."""
    return normalize(value)[:limit] if isinstance(value, str) else ""


def pull_changes(
    db: Database, adapter: ProvincialAdapter, clock: Clock, crash: Callable[[str], None]
) -> int:
    """Fetch and apply every upstream change after the stored cursor; returns how many."""
    applied = 0
    with db.read() as session:
        cursor = state.get_int(session, state.CURSOR)
    while True:
        page = adapter.pull_changes(cursor)
        crash("mid_pull")
        with db.write() as session:
            for change in page.changes:
                applied += apply_change(session, change, clock)
            state.put(session, state.CURSOR, str(page.last_seq))
        cursor = page.last_seq
        if not page.more:
            return applied


def apply_change(session: Session, change: Mapping[str, Any], clock: Clock) -> int:
    """Apply one upstream change inside the caller's transaction; 1 if applied, 0 if skipped."""
    # Cleaned before any query: PostgreSQL refuses a NUL character in a parameter.
    change_id = _text(change.get("change_id"), MAX_CHANGE_ID)
    code = change.get("MaHoSo")
    if not isinstance(code, str) or not code or len(code) > MAX_CODE or code != normalize(code):
        log.warning("upstream change %s names no dossier code (%.80r), skipped", change_id, code)
        return 0
    dossier = session.scalars(select(Dossier).where(Dossier.code == code)).first()
    if dossier is None:
        log.warning("upstream change %s for unknown dossier %r skipped", change_id, code)
        return 0
    done = session.scalar(
        select(DossierEvent.id).where(
            DossierEvent.dossier_id == dossier.id,
            DossierEvent.action == UPSTREAM,
            DossierEvent.details["change_id"].as_string() == change_id,
        )
    )
    if done is not None:
        return 0
    try:
        raw_status = change["TrangThaiHoSo"]
        if isinstance(raw_status, bool):
            raise TypeError(f"TrangThaiHoSo {raw_status!r}")
        status = DossierStatus(int(raw_status))
        at = parse_portal_time(str(change["ThoiDiemXuLy"]))
        due = change.get("NgayHenTra")
        returned = change.get("NgayTra")
        due_at = parse_portal_time(due) if due else None
        returned_at = parse_portal_time(returned) if returned else None
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        log.error("upstream change %s unreadable, skipped: %s", change_id, exc)
        return 0
    actor = _text(change.get("NguoiXuLy"), MAX_ACTOR) or PROVINCE_STATION
    principal = Principal(None, "province", actor, Role.SUPERVISOR, PROVINCE_STATION)
    source = dossier.status
    dossier.status = int(status)
    if due_at is not None:
        dossier.due_at = due_at
    if returned_at is not None:
        dossier.returned_at = returned_at
    if status is DossierStatus.DA_XU_LY_XONG and dossier.result_ready_at is None:
        dossier.result_ready_at = at
    event = add_event(
        session,
        dossier,
        principal,
        at if at <= clock() else clock(),
        UPSTREAM,
        source,
        int(status),
        giver=_text(change.get("PhongBanXuLy"), MAX_UNIT) or PROVINCE_STATION,
        receiver="",
        unit=_text(change.get("PhongBanXuLy"), MAX_UNIT),
        note=_text(change.get("NoiDungXuLy")),
        change_id=change_id,
        server_seq=seq if isinstance(seq := change.get("seq"), int) else None,
    )
    event.actor_title = _text(change.get("ChucDanh"), MAX_ACTOR)
    return 1
