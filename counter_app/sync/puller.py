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
from counter_app.services.dossier_events import add_event
from counter_app.services.principal import Principal
from counter_app.sync import state
from counter_app.sync.provincial import ProvincialAdapter
from db.engine import Database
from db.models import Dossier, DossierEvent

log = logging.getLogger(__name__)

UPSTREAM = "upstream"
PROVINCE_STATION = "Hệ thống tỉnh"


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
    change_id = str(change.get("change_id", ""))
    code = change.get("MaHoSo")
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
        status = DossierStatus(int(change["TrangThaiHoSo"]))
        at = parse_portal_time(str(change["ThoiDiemXuLy"]))
        due = change.get("NgayHenTra")
        returned = change.get("NgayTra")
        due_at = parse_portal_time(due) if due else None
        returned_at = parse_portal_time(returned) if returned else None
    except (KeyError, ValueError, TypeError) as exc:
        log.error("upstream change %s unreadable, skipped: %s", change_id, exc)
        return 0
    actor = str(change.get("NguoiXuLy") or PROVINCE_STATION)
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
        giver=str(change.get("PhongBanXuLy") or PROVINCE_STATION),
        receiver="",
        unit=str(change.get("PhongBanXuLy") or ""),
        note=str(change.get("NoiDungXuLy") or ""),
        change_id=change_id,
        server_seq=change.get("seq"),
    )
    event.actor_title = str(change.get("ChucDanh") or "")
    return 1
