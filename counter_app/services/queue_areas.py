"""Queue set-up and read side: service areas, the display board's state, the event stream."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.queue import CALLED, WAITING, prefix_problems
from counter_app.domain.roles import Role
from counter_app.domain.text import normalize
from counter_app.services import audit
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.services.queue_models import (
    AreaInfo,
    AreaInput,
    BoardState,
    CounterNow,
    QueueEventInfo,
    TicketInfo,
    area_info,
    event_info,
    ticket_info,
)
from counter_app.services.queue_stream import add_event
from db.engine import Database
from db.models import AppMeta, Counter, QueueEvent, ServiceArea, Ticket

NOTICE_KEY = "display.notice"
RECENT_CALLS = 8

DEFAULT_AREAS = (
    ("Hộ tịch", "A"),
    ("Chứng thực", "B"),
    ("Đất đai, xây dựng", "C"),
    ("Bảo trợ xã hội", "D"),
    ("Kinh doanh", "E"),
    ("Lĩnh vực khác", "F"),
)


class QueueAreas:
    """Areas, board state and events (the base of QueueService)."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock

    def areas(self, active_only: bool = True) -> list[AreaInfo]:
        """Service areas in kiosk order."""
        with self.db.read() as session:
            query = select(ServiceArea).order_by(ServiceArea.position, ServiceArea.id)
            if active_only:
                query = query.where(ServiceArea.active)
            return [area_info(a) for a in session.scalars(query)]

    def ensure_default_areas(self, principal: Principal) -> list[AreaInfo]:
        """Create the usual commune areas (admin), served by every counter, when there are none."""
        require_role(principal, Role.ADMIN)
        with self.db.write() as session:
            if session.scalar(select(func.count(ServiceArea.id))):
                return self.areas()
            counters = sorted(self._counter_numbers(session)) or [1]
            for position, (name, prefix) in enumerate(DEFAULT_AREAS):
                session.add(
                    ServiceArea(
                        name=name, prefix=prefix, position=position, counters=counters, active=True
                    )
                )
            audit.record(session, principal, self.clock(), "queue.default_areas")
        return self.areas()

    def save_area(self, principal: Principal, area: AreaInput) -> AreaInfo:
        """Create or change a service area (admin)."""
        require_role(principal, Role.ADMIN)
        name = normalize(area.name)
        prefix = area.prefix.strip().upper()
        problems = prefix_problems(prefix)
        if not name:
            problems.append("Cần nhập tên khu vực dịch vụ.")
        with self.db.write() as session:
            known = self._counter_numbers(session)
            unknown = [c for c in area.counters if c not in known]
            if unknown:
                problems.append(f"Không có quầy số {', '.join(map(str, unknown))}.")
            if not area.counters and area.active:
                problems.append("Khu vực dịch vụ cần ít nhất một quầy phục vụ.")
            clash = session.scalar(select(ServiceArea.id).where(ServiceArea.prefix == prefix))
            if clash is not None and clash != area.id:
                problems.append(f"Ký hiệu {prefix} đã dùng cho khu vực khác.")
            if problems:
                raise ValidationError(problems)
            row = session.get(ServiceArea, area.id) if area.id is not None else ServiceArea()
            if row is None:
                raise NotFound("Không tìm thấy khu vực dịch vụ.")
            row.name, row.prefix, row.position = name, prefix, area.position
            row.counters, row.active = sorted(set(area.counters)), area.active
            session.add(row)
            session.flush()
            audit.record(
                session,
                principal,
                self.clock(),
                "queue.area",
                "service_area",
                row.id,
                prefix=prefix,
            )
            return area_info(row)

    @staticmethod
    def _counter_numbers(session: Session) -> set[int]:
        return set(session.scalars(select(Counter.number).where(Counter.active)))

    @staticmethod
    def _areas_of(session: Session, counter: int) -> list[int]:
        rows = session.scalars(select(ServiceArea).where(ServiceArea.active))
        return [a.id for a in rows if counter in (a.counters or ())]

    @staticmethod
    def _info(session: Session, row: Ticket) -> TicketInfo:
        area = session.get(ServiceArea, row.area_id)
        return ticket_info(row, area.name if area else "")

    def board(self, recent: int = RECENT_CALLS) -> BoardState:
        """What the board shows now: counters serving, the last `recent` calls, waiting, notice."""
        today = self.clock().date()
        with self.db.read() as session:
            serving = tuple(
                CounterNow(t.counter or 0, t.label, t.called_at or t.issued_at)
                for t in session.scalars(
                    select(Ticket)
                    .where(Ticket.day == today, Ticket.status == CALLED)
                    .order_by(Ticket.counter)
                )
            )
            calls = self._recent_calls(session, today, recent)
            waiting = dict(
                session.execute(
                    select(ServiceArea.name, func.count(Ticket.id))
                    .join(Ticket, Ticket.area_id == ServiceArea.id)
                    .where(Ticket.day == today, Ticket.status == WAITING)
                    .group_by(ServiceArea.name)
                ).all()
            )
            last = session.scalar(select(func.max(QueueEvent.id))) or 0
            notice = session.get(AppMeta, NOTICE_KEY)
            return BoardState(
                serving,
                calls,
                {str(k): int(v) for k, v in waiting.items()},
                notice.value if notice else "",
                int(last),
            )

    @staticmethod
    def _recent_calls(session: Session, today: date, recent: int) -> tuple[QueueEventInfo, ...]:
        """The newest call or recall of each of the last `recent` numbers called, newest first
        (a recall takes no second line, so the board's list stays full)."""
        newest = session.scalars(
            select(func.max(QueueEvent.id))
            .where(QueueEvent.day == today, QueueEvent.kind.in_(("call", "recall")))
            .group_by(QueueEvent.label)
            .order_by(func.max(QueueEvent.id).desc())
            .limit(max(1, recent))
        ).all()
        rows = session.scalars(
            select(QueueEvent).where(QueueEvent.id.in_(newest)).order_by(QueueEvent.id.desc())
        )
        return tuple(event_info(e) for e in rows)

    def events_after(self, last_id: int, limit: int = 200) -> list[QueueEventInfo]:
        """Events newer than last_id, oldest first."""
        with self.db.read() as session:
            rows = session.scalars(
                select(QueueEvent)
                .where(QueueEvent.id > last_id)
                .order_by(QueueEvent.id)
                .limit(limit)
            )
            return [event_info(e) for e in rows]

    def last_event_id(self) -> int:
        """The id of the newest event (0 when none)."""
        with self.db.read() as session:
            return int(session.scalar(select(func.max(QueueEvent.id))) or 0)

    def set_notice(self, principal: Principal, notice: str) -> None:
        """The scrolling notice on the display board (admin or supervisor)."""
        require_role(principal, Role.ADMIN, Role.SUPERVISOR)
        notice = normalize(notice)
        if len(notice) > 500:
            raise ValidationError("Thông báo quá dài (tối đa 500 ký tự).")
        now = self.clock()
        with self.db.write() as session:
            row = session.get(AppMeta, NOTICE_KEY) or AppMeta(key=NOTICE_KEY, value="")
            row.value = notice
            session.add(row)
            add_event(session, now, "notice", principal, notice=notice)
            audit.record(session, principal, now, "queue.notice")
