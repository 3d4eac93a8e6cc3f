"""Where the sync stands, for the clerk and the admin: per dossier and for the whole office."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.roles import Role
from counter_app.domain.text import normalize
from counter_app.services import audit
from counter_app.services.errors import ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.sync import state
from db.engine import Database
from db.models import SyncOutbox

NOT_SENT = "Chưa gửi"
SENDING = "Đang gửi"
SYNCED = "Đã đồng bộ"
FAILED = "Lỗi"
SKEW_WARNING = timedelta(minutes=5)


@dataclass(frozen=True)
class DossierSync:
    """One dossier's sync state and, for an error, why."""

    label: str
    reason: str = ""


@dataclass(frozen=True)
class SyncOverview:
    """The office's sync at a glance."""

    configured: bool
    pending: int
    oldest_pending_at: datetime | None
    set_aside: int
    last_success: datetime | None
    last_error: str
    last_error_at: datetime | None
    next_attempt: datetime | None
    token_refused: bool
    skew: timedelta | None

    @property
    def skew_warning(self) -> bool:
        """The PC's clock and the province's differ by more than five minutes."""
        return self.skew is not None and abs(self.skew) > SKEW_WARNING


@dataclass(frozen=True)
class SetAside:
    """An operation held back for a person to look at."""

    what: str  # the dossier code, or "Đánh giá" for a rating
    error: str
    created_at: datetime


class SyncStatusService:
    """Reads the outbox and the sync's memory; lets the admin enter a new token."""

    def __init__(self, db: Database, url: str, clock: Clock = vietnam_now) -> None:
        self.db, self.url, self.clock = db, url, clock

    def for_dossiers(self, ids: Iterable[int]) -> dict[int, DossierSync]:
        """The state of each dossier asked for (not yet received ones are absent)."""
        wanted = list(ids)
        if not wanted:
            return {}
        with self.db.read() as session:
            rows = session.execute(
                select(
                    SyncOutbox.dossier_id,
                    SyncOutbox.state,
                    SyncOutbox.last_error,
                    SyncOutbox.attempts,
                )
                .where(SyncOutbox.dossier_id.in_(wanted), SyncOutbox.kind != "rating")
                .order_by(SyncOutbox.id)
            ).all()
        found: dict[int, list[tuple[str, str, int]]] = {}
        for row in rows:
            found.setdefault(row.dossier_id, []).append((row.state, row.last_error, row.attempts))
        return {dossier_id: _label(ops) for dossier_id, ops in found.items()}

    def overview(self) -> SyncOverview:
        """Pending count and age, last success and error, token and clock warnings."""
        with self.db.read() as session:
            pending, oldest = session.execute(
                select(func.count(), func.min(SyncOutbox.created_at)).where(
                    SyncOutbox.state.in_(("pending", "sending"))
                )
            ).one()
            set_aside = session.scalar(select(func.count()).where(SyncOutbox.state == "rejected"))
            skew_text = state.get(session, state.SKEW)
            return SyncOverview(
                configured=bool(self.url and state.get(session, state.TOKEN)),
                pending=pending,
                oldest_pending_at=oldest,
                set_aside=set_aside or 0,
                last_success=state.get_time(session, state.LAST_SUCCESS),
                last_error=state.get(session, state.LAST_ERROR),
                last_error_at=state.get_time(session, state.LAST_ERROR_AT),
                next_attempt=state.get_time(session, state.NEXT_ATTEMPT),
                token_refused=state.get(session, state.PAUSED) == "token",
                skew=timedelta(seconds=int(skew_text)) if skew_text else None,
            )

    def set_aside(self, limit: int = 200) -> list[SetAside]:
        """Operations the province refused for good, newest first."""
        with self.db.read() as session:
            rows = session.execute(
                select(
                    SyncOutbox.kind, SyncOutbox.code, SyncOutbox.last_error, SyncOutbox.created_at
                )
                .where(SyncOutbox.state == "rejected")
                .order_by(SyncOutbox.id.desc())
                .limit(limit)
            ).all()
        return [
            SetAside(r.code if r.kind != "rating" else "Đánh giá", r.last_error, r.created_at)
            for r in rows
        ]

    def token(self, principal: Principal) -> str:
        """The province's token for this office ("" when none was entered); admins only."""
        require_role(principal, Role.ADMIN)
        with self.db.read() as session:
            return state.get(session, state.TOKEN)

    def set_token(self, principal: Principal, token: str) -> None:
        """An admin enters the token the province issued; sending resumes at once."""
        require_role(principal, Role.ADMIN)
        token = normalize(token)
        if len(token) < 16 or any(ch.isspace() for ch in token):
            raise ValidationError(
                "Mã truy cập do tỉnh cấp không hợp lệ (ít nhất 16 ký tự, không có dấu cách)."
            )
        with self.db.write() as session:
            state.put(session, state.TOKEN, token)
            state.put(session, state.PAUSED, "")
            state.put_time(session, state.NEXT_ATTEMPT, None)
            audit.record(session, principal, self.clock(), "sync.token", "sync", None)

    def send_again(self, principal: Principal) -> int:
        """Put set-aside operations back in the queue (after the cause was fixed)."""
        require_role(principal, Role.ADMIN, Role.SUPERVISOR)
        with self.db.write() as session:
            count = session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.state == "rejected")
                .values(state="pending", next_attempt_at=None, attempts=0)
            ).rowcount
            audit.record(session, principal, self.clock(), "sync.resend", "sync", None, count=count)
        return count


def _label(ops: list[tuple[str, str, int]]) -> DossierSync:
    for op_state, error, _attempts in ops:
        if op_state == "rejected":
            return DossierSync(FAILED, error)
    waiting = [op for op in ops if op[0] in ("pending", "sending")]
    if not waiting:
        return DossierSync(SYNCED)
    errors = [error for _state, error, attempts in waiting if error and attempts]
    if errors:
        return DossierSync(FAILED, errors[-1])
    if any(op_state == "sending" for op_state, _e, _a in waiting):
        return DossierSync(SENDING)
    return DossierSync(NOT_SENT)
