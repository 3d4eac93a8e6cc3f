"""Taking citizens' ratings: what to ask about, and saving each answer once.

A rating is tied to a service event (a ticket served, a dossier's result returned or its
receipt scanned at the kiosk), the counter, the clerk and the time. It never records who
rated. Only a screen facing the citizen (a device account) may save one, so a clerk cannot
rate their own service from their own window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.queue import DONE
from counter_app.domain.rating import (
    AT_COUNTER,
    AT_KIOSK,
    DOSSIER,
    TICKET,
    RatingScale,
    clean_reasons,
    event_key,
    parse_event_key,
    rating_problems,
    scale_named,
)
from counter_app.domain.roles import Role
from counter_app.domain.text import normalize
from counter_app.services.crash_points import crash_point
from counter_app.services.dossier_queries import DossierQueries
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.services.queue_models import QueueEventInfo
from counter_app.settings import RatingSettings
from counter_app.sync.outbox import mark_rating
from db.engine import Database
from db.models import Counter, Dossier, DossierEvent, ServiceArea, ServiceRating, Ticket

log = logging.getLogger(__name__)

#: Queue events after which the screen at that counter asks for a rating.
PROMPTING_EVENTS = ("done", "returned")


class AlreadyRated(ValidationError):
    """This service event has its rating already."""

    def __init__(self) -> None:
        super().__init__("Lượt phục vụ này đã được đánh giá. Mỗi lượt chỉ đánh giá một lần.")


@dataclass(frozen=True)
class RatingPrompt:
    """What the rating screen shows: which service, at which counter, by whom."""

    event_key: str
    counter: int | None
    clerk_name: str
    ticket_label: str = ""
    dossier_code: str = ""
    procedure_name: str = ""
    served_at: datetime | None = None


@dataclass(frozen=True)
class RatingInput:
    """A citizen's answer, as the screen sends it (and keeps it while the database is away)."""

    event_key: str
    level: str
    client_key: str  # one per answer: a resend after an outage is not a second rating
    reasons: tuple[str, ...] = ()
    comment: str = ""
    channel: str = AT_COUNTER
    rated_at: datetime | None = None  # when the citizen answered; now if not given


@dataclass(frozen=True)
class RatingSaved:
    """The stored rating's key facts; `repeated` when this answer had been saved before."""

    event_key: str
    level: str
    rated_at: datetime
    repeated: bool = False


@dataclass
class _Context:
    """What a rating is tied to, read from the database, never taken from the screen."""

    ticket_id: int | None = None
    dossier_id: int | None = None
    counter: int | None = None
    clerk_id: int | None = None
    clerk_name: str = ""
    area_id: int | None = None
    area_name: str = ""
    procedure_code: str = ""
    procedure_name: str = ""
    served_at: datetime | None = None
    ticket_label: str = ""
    dossier_code: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class RatingService:
    """Prompts for the rating screen and the one-rating-per-service rule."""

    def __init__(self, db: Database, settings: RatingSettings, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock
        self.scale: RatingScale = scale_named(settings.scale)
        self.reasons: tuple[str, ...] = settings.reasons

    # --- what to ask about ------------------------------------------------------------------

    def active_counters(self) -> list[int]:
        """The office's counters in service, for checking a rating screen's counter."""
        with self.db.read() as session:
            rows = session.scalars(select(Counter.number).where(Counter.active))
            return sorted(rows)

    def prompt_for_event(self, event: QueueEventInfo, counter: int) -> RatingPrompt | None:
        """The prompt a queue event at `counter` calls for, or None (other event, rated)."""
        if event.kind not in PROMPTING_EVENTS or event.counter != counter:
            return None
        if event.kind == "done" and event.ticket_id is not None:
            return self.prompt_for(event_key(TICKET, event.ticket_id))
        dossier_id = event.details.get("dossier_id")
        if event.kind == "returned" and isinstance(dossier_id, int):
            return self.prompt_for(event_key(DOSSIER, dossier_id))
        return None

    def prompt_for(self, key: str) -> RatingPrompt | None:
        """The prompt for a service event, or None when it is rated or cannot be rated."""
        with self.db.read() as session:
            try:
                ctx = self._context(session, key)
            except (NotFound, ValidationError):
                return None
            if self._rated(session, key):
                return None
        return _prompt(key, ctx)

    def prompt_for_scan(self, scanned: str, queries: DossierQueries) -> RatingPrompt:
        """The prompt for the dossier on a scanned receipt; NotFound or AlreadyRated."""
        detail = queries.resolve_scan(scanned)
        key = event_key(DOSSIER, detail.id)
        with self.db.read() as session:
            ctx = self._context(session, key)
            if self._rated(session, key):
                raise AlreadyRated()
        return _prompt(key, ctx)

    # --- saving -----------------------------------------------------------------------------

    def submit(self, principal: Principal, rating: RatingInput) -> RatingSaved:
        """Save a citizen's answer once; the same answer resent returns the first save."""
        require_role(principal, *Role)  # signed in; only a device may rate (_check_rater)
        key = rating.event_key
        reasons = clean_reasons(rating.reasons)
        comment = normalize(rating.comment)
        problems = rating_problems(self.scale, rating.level, reasons, comment, self.reasons)
        if rating.channel not in (AT_COUNTER, AT_KIOSK):
            problems.append("Kênh đánh giá không hợp lệ.")
        if not rating.client_key or len(rating.client_key) > 40:
            problems.append("Thiếu mã lần đánh giá.")
        if problems:
            raise ValidationError(problems)
        level = self.scale.level(rating.level)
        now = self.clock()
        rated_at = min(rating.rated_at or now, now)
        try:
            with self.db.write() as session:
                earlier = session.scalars(
                    select(ServiceRating).where(ServiceRating.client_key == rating.client_key)
                ).first()
                if earlier is not None and earlier.event_key == key:
                    return RatingSaved(key, earlier.level, earlier.rated_at, repeated=True)
                ctx = self._context(session, key)
                _check_rater(principal, ctx)
                if earlier is not None or self._rated(session, key):
                    raise AlreadyRated()
                row = ServiceRating(
                    event_key=key,
                    client_key=rating.client_key,
                    ticket_id=ctx.ticket_id,
                    dossier_id=ctx.dossier_id,
                    counter=ctx.counter,
                    clerk_id=ctx.clerk_id,
                    clerk_name=ctx.clerk_name,
                    area_id=ctx.area_id,
                    area_name=ctx.area_name,
                    procedure_code=ctx.procedure_code,
                    procedure_name=ctx.procedure_name,
                    scale=self.scale.name,
                    level=level.code,
                    score=level.score,
                    satisfied=level.satisfied,
                    reasons=list(reasons) if level.needs_reason else [],
                    comment=comment,
                    served_at=ctx.served_at,
                    rated_at=rated_at,
                    saved_at=now,
                    channel=rating.channel,
                    station=principal.station,
                )
                session.add(row)
                session.flush()
                mark_rating(session, row, now)
                crash_point("rating_before_commit")  # crash tests: the journal keeps it
        except IntegrityError:
            # Another screen saved this event (or this answer) between our check and insert.
            log.info("rating for %s refused: already saved", key)
            raise AlreadyRated() from None
        crash_point("rating_after_commit")  # crash tests: still in the journal, saved once
        log.info("rating saved for %s at counter %s (%s)", key, ctx.counter, rating.channel)
        return RatingSaved(key, level.code, rated_at)

    # --- the service event ------------------------------------------------------------------

    @staticmethod
    def _rated(session: Session, key: str) -> bool:
        found = session.scalar(select(ServiceRating.id).where(ServiceRating.event_key == key))
        return found is not None

    def _context(self, session: Session, key: str) -> _Context:
        try:
            kind, ref = parse_event_key(key)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        if kind == TICKET:
            return _ticket_context(session, ref)
        return _dossier_context(session, ref)


def _check_rater(principal: Principal, ctx: _Context) -> None:
    if principal.user_id is not None and principal.user_id == ctx.clerk_id:
        raise PermissionDenied("Công chức không được tự đánh giá lượt phục vụ của chính mình.")
    if principal.role != Role.DEVICE:
        raise PermissionDenied(
            "Chỉ màn hình đánh giá dành cho công dân mới ghi nhận được đánh giá; "
            "cán bộ không đánh giá thay công dân."
        )


def _prompt(key: str, ctx: _Context) -> RatingPrompt:
    return RatingPrompt(
        key,
        ctx.counter,
        ctx.clerk_name,
        ctx.ticket_label,
        ctx.dossier_code,
        ctx.procedure_name,
        ctx.served_at,
    )


def _ticket_context(session: Session, ticket_id: int) -> _Context:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"Không tìm thấy số thứ tự {ticket_id}.")
    if ticket.status != DONE:
        raise ValidationError(f"Số {ticket.label} chưa được phục vụ xong, chưa thể đánh giá.")
    area = session.get(ServiceArea, ticket.area_id)
    ctx = _Context(
        ticket_id=ticket.id,
        dossier_id=ticket.dossier_id,
        counter=ticket.counter,
        clerk_id=ticket.served_by_id,
        clerk_name=ticket.served_by_name,
        area_id=ticket.area_id,
        area_name=area.name if area else "",
        served_at=ticket.done_at,
        ticket_label=ticket.label,
    )
    if ticket.dossier_id is not None:
        dossier = session.get(Dossier, ticket.dossier_id)
        if dossier is not None:
            ctx.procedure_code, ctx.procedure_name = dossier.procedure_code, dossier.procedure_name
            ctx.dossier_code = dossier.code or ""
    return ctx


def _dossier_context(session: Session, dossier_id: int) -> _Context:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or dossier.code is None:
        raise NotFound("Không tìm thấy hồ sơ đã tiếp nhận để đánh giá.")
    ctx = _Context(
        dossier_id=dossier.id,
        clerk_id=dossier.received_by_id,
        clerk_name=dossier.received_by_name,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        served_at=dossier.received_at,
        dossier_code=dossier.code,
    )
    ticket = session.scalars(
        select(Ticket).where(Ticket.dossier_id == dossier.id).order_by(Ticket.id.desc())
    ).first()
    if ticket is not None:
        area = session.get(ServiceArea, ticket.area_id)
        ctx.counter, ctx.area_id = ticket.counter, ticket.area_id
        ctx.area_name = area.name if area else ""
    returned = session.scalars(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier.id, DossierEvent.action == "return")
        .order_by(DossierEvent.id.desc())
    ).first()
    if returned is not None:
        # The result's return is the service rated: its clerk and counter, not intake's.
        ctx.clerk_id, ctx.clerk_name, ctx.served_at = (
            returned.user_id,
            returned.actor_name,
            returned.at,
        )
        counter = (returned.details or {}).get("counter")
        if isinstance(counter, int):
            ctx.counter = counter
    return ctx
