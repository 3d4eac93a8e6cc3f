"""The queue: issuing numbers at the kiosk and calling them at the counters, from any station.

Every change is one transaction that also appends a queue event; PostgreSQL is told with
NOTIFY (delivered at commit), other databases are polled (see queue_watch). Calling locks the
chosen ticket (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's write lock serialises
writers), so no ticket is ever called by two counters.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta

from sqlalchemy import Select, case, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.queue import (
    CALLED,
    DONE,
    NO_SHOW,
    PRIORITY_KINDS,
    WAITING,
    estimate_wait,
    ticket_label,
)
from counter_app.domain.roles import Role
from counter_app.services.crash_points import crash_point
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.services.queue_areas import QueueAreas
from counter_app.services.queue_models import (
    TICKET_QR_PREFIX,
    TicketInfo,
)
from counter_app.services.queue_stream import add_event
from counter_app.services.sequences import next_value
from db.engine import Database
from db.models import Dossier, ServiceArea, Ticket

ISSUERS = (Role.DEVICE, Role.CLERK, Role.SUPERVISOR, Role.ADMIN)
CALLERS = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)


class QueueService(QueueAreas):
    """Tickets: issue, call, recall, skip, transfer, finish."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        super().__init__(db, clock)

    def issue(
        self, principal: Principal, area_id: int, priority: str = "", request_key: str | None = None
    ) -> TicketInfo:
        """Take a number; the same request key (a double tap) gives the same ticket back."""
        require_role(principal, *ISSUERS)
        if priority and priority not in PRIORITY_KINDS:
            raise ValidationError("Đối tượng ưu tiên không hợp lệ.")
        if request_key:
            existing = self._by_request_key(request_key)
            if existing is not None:
                return existing
        now = self.clock()
        try:
            with self.db.write() as session:
                # Plain SQL rows, not ORM objects: issuing is the hottest path of the queue.
                area = session.execute(
                    select(ServiceArea.name, ServiceArea.prefix, ServiceArea.counters).where(
                        ServiceArea.id == area_id, ServiceArea.active
                    )
                ).first()
                if area is None:
                    raise NotFound("Khu vực dịch vụ này không còn hoạt động.")
                # Read the estimate first: the numbering row, once taken, stays locked until
                # commit, so that stretch holds only the inserts.
                ahead = self._ahead(session, area_id, now, priority)
                recent = self._recent_service(session, area_id, now)
                number = next_value(session, f"ticket:{area.prefix}", now.date().isoformat())
                crash_point("ticket_number_taken")  # crash tests: the number must come back
                label = ticket_label(area.prefix, number)
                ticket_id = session.execute(
                    insert(Ticket)
                    .values(
                        day=now.date(),
                        prefix=area.prefix,
                        number=number,
                        label=label,
                        area_id=area_id,
                        priority=priority,
                        status=WAITING,
                        issued_at=now,
                        issued_station=principal.station,
                        request_key=request_key,
                    )
                    .returning(Ticket.id)
                ).scalar_one()
                add_event(
                    session,
                    now,
                    "issue",
                    principal,
                    (ticket_id, label),
                    area=area.name,
                    priority=priority,
                )
            wait = estimate_wait(ahead, recent, max(1, len(area.counters or ())))
            return TicketInfo(
                ticket_id,
                label,
                area_id,
                area.name,
                priority,
                WAITING,
                now,
                None,
                None,
                None,
                0,
                None,
                None,
                "pending",
                "",
                ahead,
                wait,
            )
        except IntegrityError:
            if request_key:  # the same tap reached us twice at once: the first one won
                existing = self._by_request_key(request_key)
                if existing is not None:
                    return existing
            raise

    def _by_request_key(self, key: str) -> TicketInfo | None:
        with self.db.read() as session:
            row = session.scalar(select(Ticket).where(Ticket.request_key == key))
            return self._info(session, row) if row else None

    @staticmethod
    def _ahead(session: Session, area_id: int, now: datetime, priority: str) -> int:
        """Waiting tickets of the area called before a new one (all priorities go first)."""
        query = select(func.count(Ticket.id)).where(
            Ticket.day == now.date(), Ticket.status == WAITING, Ticket.area_id == area_id
        )
        if priority:
            query = query.where(Ticket.priority != "")
        return int(session.scalar(query) or 0)

    def _recent_service(self, session: Session, area_id: int, now: datetime) -> list[float]:
        rows = session.execute(
            select(Ticket.called_at, Ticket.done_at)
            .where(
                Ticket.area_id == area_id,
                Ticket.status == DONE,
                Ticket.day >= now.date() - timedelta(days=7),
            )
            .order_by(Ticket.done_at.desc())
            .limit(30)
        )
        return [(done - called).total_seconds() for called, done in rows if called and done]

    def mark_printed(self, principal: Principal, ticket_id: int, ok: bool, error: str = "") -> None:
        """Record the ticket's printing; a failure alerts the clerks through the stream."""
        require_role(principal, *ISSUERS)
        now = self.clock()
        with self.db.write() as session:
            ticket = self._ticket(session, ticket_id)
            ticket.print_status = "printed" if ok else "failed"
            if not ok:
                add_event(session, now, "print_failed", principal, ticket, error=error)

    def call_next(self, principal: Principal, counter: int) -> TicketInfo | None:
        """Finish the counter's current ticket and call the next one it serves (or None)."""
        require_role(principal, *CALLERS)
        now = self.clock()
        with self.db.write() as session:
            self._finish_current(session, principal, counter, now)
            ticket = session.scalar(
                self._calling_order(session, counter, now)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if ticket is None:
                return None
            self._call(session, principal, ticket, counter, now, "call")
            return self._info(session, ticket)

    def waiting_for(self, counter: int) -> list[TicketInfo]:
        """Today's waiting tickets this counter would call, in the order call_next calls them."""
        now = self.clock()
        with self.db.read() as session:
            rows = session.scalars(self._calling_order(session, counter, now))
            return [self._info(session, r) for r in rows]

    def _calling_order(self, session: Session, counter: int, now: datetime) -> Select[Ticket]:
        """The one rule of who a counter calls, and in which order.

        Eligible: sent to this counter, or sent nowhere and in an area the counter serves.
        Order: sent to this counter first, then priority tickets, then first come, first served.
        """
        areas = self._areas_of(session, counter)
        eligible = (Ticket.target_counter == counter) | (
            Ticket.target_counter.is_(None) & Ticket.area_id.in_(areas or [-1])
        )
        tier = case((Ticket.target_counter == counter, 0), (Ticket.priority != "", 1), else_=2)
        return (
            select(Ticket)
            .where(Ticket.day == now.date(), Ticket.status == WAITING, eligible)
            .order_by(tier, Ticket.issued_at, Ticket.id)
        )

    def _call(
        self,
        session: Session,
        principal: Principal,
        ticket: Ticket,
        counter: int,
        now: datetime,
        kind: str,
    ) -> None:
        ticket.status = CALLED
        ticket.counter = counter
        ticket.called_at = now
        ticket.call_count = 1
        ticket.target_counter = None
        ticket.served_by_id = principal.user_id
        ticket.served_by_name = principal.full_name
        add_event(session, now, kind, principal, ticket, counter)

    def _finish_current(
        self, session: Session, principal: Principal, counter: int, now: datetime
    ) -> None:
        for current in session.scalars(self._current_query(counter, now)):
            current.status = DONE
            current.done_at = now
            add_event(session, now, "done", principal, current, counter)

    @staticmethod
    def _current_query(counter: int, now: datetime):  # type: ignore[no-untyped-def]
        return select(Ticket).where(
            Ticket.day == now.date(), Ticket.status == CALLED, Ticket.counter == counter
        )

    def current(self, counter: int) -> TicketInfo | None:
        """The ticket being served at the counter."""
        now = self.clock()
        with self.db.read() as session:
            row = session.scalar(self._current_query(counter, now).order_by(Ticket.id.desc()))
            return self._info(session, row) if row else None

    def _require_current(self, session: Session, counter: int, now: datetime) -> Ticket:
        row = session.scalar(self._current_query(counter, now).order_by(Ticket.id.desc()))
        if row is None:
            raise ValidationError(f"Quầy số {counter} chưa gọi số nào.")
        return row

    def recall(self, principal: Principal, counter: int) -> TicketInfo:
        """Call the counter's current number again (the board speaks it again)."""
        require_role(principal, *CALLERS)
        now = self.clock()
        with self.db.write() as session:
            ticket = self._require_current(session, counter, now)
            ticket.call_count += 1
            add_event(session, now, "recall", principal, ticket, counter)
            return self._info(session, ticket)

    def skip(self, principal: Principal, counter: int) -> TicketInfo:
        """The called citizen did not come: a no-show (may be called again by number)."""
        require_role(principal, *CALLERS)
        now = self.clock()
        with self.db.write() as session:
            ticket = self._require_current(session, counter, now)
            ticket.status = NO_SHOW
            ticket.done_at = now
            add_event(session, now, "skip", principal, ticket, counter)
            return self._info(session, ticket)

    def finish(
        self, principal: Principal, counter: int, dossier_id: int | None = None
    ) -> TicketInfo:
        """Serving is done; the ticket may be linked to the dossier taken in."""
        require_role(principal, *CALLERS)
        now = self.clock()
        with self.db.write() as session:
            ticket = self._require_current(session, counter, now)
            ticket.status = DONE
            ticket.done_at = now
            if dossier_id is not None:
                ticket.dossier_id = dossier_id
            add_event(session, now, "done", principal, ticket, counter, dossier_id=dossier_id)
            return self._info(session, ticket)

    def transfer(
        self,
        principal: Principal,
        counter: int,
        to_counter: int | None = None,
        to_area_id: int | None = None,
    ) -> TicketInfo:
        """Send the current citizen to another counter or service, keeping the same number."""
        require_role(principal, *CALLERS)
        if (to_counter is None) == (to_area_id is None):
            raise ValidationError("Chọn một quầy hoặc một khu vực dịch vụ để chuyển đến.")
        if to_counter == counter:
            raise ValidationError("Không thể chuyển sang chính quầy đang phục vụ.")
        now = self.clock()
        with self.db.write() as session:
            ticket = self._require_current(session, counter, now)
            if to_area_id is not None:
                area = session.get(ServiceArea, to_area_id)
                if area is None or not area.active:
                    raise NotFound("Khu vực dịch vụ này không còn hoạt động.")
                ticket.area_id = area.id
            if to_counter is not None and to_counter not in self._counter_numbers(session):
                raise ValidationError(f"Không có quầy số {to_counter}.")
            ticket.status = WAITING
            ticket.target_counter = to_counter
            ticket.requeued_at = now
            add_event(
                session,
                now,
                "transfer",
                principal,
                ticket,
                counter,
                to_counter=to_counter,
                to_area_id=to_area_id,
            )
            return self._info(session, ticket)

    def call_number(self, principal: Principal, counter: int, label: str) -> TicketInfo:
        """Call a given number of today (waiting, or a no-show who came back)."""
        require_role(principal, *CALLERS)
        now = self.clock()
        wanted = label.strip().upper()
        with self.db.write() as session:
            ticket = session.scalar(
                select(Ticket)
                .where(Ticket.day == now.date(), Ticket.label == wanted)
                .with_for_update()
            )
            if ticket is None:
                raise NotFound(f"Hôm nay chưa có số {wanted}.")
            if ticket.status not in (WAITING, NO_SHOW):
                raise ValidationError(
                    f"Số {wanted} đang ở trạng thái: {self._info(session, ticket).status_label}."
                )
            self._finish_current(session, principal, counter, now)
            self._call(session, principal, ticket, counter, now, "call")
            return self._info(session, ticket)

    def link_dossier(self, principal: Principal, ticket_id: int, dossier_id: int) -> TicketInfo:
        """Join a ticket to the dossier taken in while serving it (for reports)."""
        require_role(principal, *CALLERS)
        with self.db.write() as session:
            ticket = self._ticket(session, ticket_id)
            if session.get(Dossier, dossier_id) is None:
                raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
            ticket.dossier_id = dossier_id
            return self._info(session, ticket)

    def find_scanned(self, scanned: str) -> TicketInfo:
        """The ticket whose QR code was scanned at the counter."""
        payload = "".join(ch for ch in scanned if ch.isprintable()).strip()
        if not payload.startswith(TICKET_QR_PREFIX):
            raise NotFound("Mã vừa quét không phải mã QR trên vé xếp hàng.")
        ticket_id = payload[len(TICKET_QR_PREFIX) :].split(":", 1)[0]
        if not ticket_id.isdigit():
            raise NotFound("Mã QR trên vé không đọc được.")
        with self.db.read() as session:
            return self._info(session, self._ticket(session, int(ticket_id)))

    def waiting(self, area_id: int | None = None) -> list[TicketInfo]:
        """Today's waiting tickets in calling order (transfers and priorities first)."""
        now = self.clock()
        with self.db.read() as session:
            query = select(Ticket).where(Ticket.day == now.date(), Ticket.status == WAITING)
            if area_id is not None:
                query = query.where(Ticket.area_id == area_id)
            tier = case(
                (Ticket.target_counter.is_not(None), 0), (Ticket.priority != "", 1), else_=2
            )
            rows = session.scalars(query.order_by(tier, Ticket.issued_at, Ticket.id))
            return [self._info(session, r) for r in rows]

    @staticmethod
    def _ticket(session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound(f"Không tìm thấy vé số {ticket_id}.")
        return ticket

    def service_seconds_today(self) -> list[float]:
        """How long each finished service took today (for the dashboard and estimates)."""
        now = self.clock()
        with self.db.read() as session:
            rows = session.execute(
                select(Ticket.called_at, Ticket.done_at).where(
                    Ticket.day == now.date(), Ticket.status == DONE
                )
            )
            return [(d - c).total_seconds() for c, d in rows if c and d]

    def median_service_minutes(self) -> float | None:
        """Median service time today, in minutes."""
        seconds = self.service_seconds_today()
        return statistics.median(seconds) / 60 if seconds else None
