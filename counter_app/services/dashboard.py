"""Today at a glance for the head of the centre: the queue, the counters, dossiers, ratings.

Definitions (shown to the supervisor in the same words):
- waiting: today's tickets waiting (transferred ones included); serving: being served now.
- longest wait: now minus the oldest waiting ticket's issue time; new-ticket estimate: everyone
  waiting × the median of today's last 30 service times ÷ the counters open.
- a counter is open when it is serving a ticket now, or called or finished one in the last
  OPEN_WINDOW_MINUTES minutes.
- dossiers received today: given a code today; due today: still running (received or being
  processed) with a deadline later today; overdue: still running, past the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import case, func, or_, select

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.queue import CALLED, DONE, NO_SHOW, WAITING, estimate_wait
from counter_app.services.dossier_queries import RUNNING
from counter_app.services.principal import Principal
from counter_app.services.queue_reports import check_manager
from counter_app.services.rating_report_models import GroupBy, Period
from counter_app.services.rating_reports import RatingReports
from db.engine import Database
from db.models import Counter, Dossier, Ticket

#: A counter that called or finished a ticket this recently counts as open.
OPEN_WINDOW_MINUTES = 30
#: How many of today's latest service times the new-ticket estimate uses.
RECENT_SERVICES = 30


@dataclass(frozen=True)
class TodayFigures:
    """The dashboard's figures at `at`."""

    at: datetime
    waiting: int
    serving: int
    served: int
    no_shows: int
    longest_wait: timedelta | None  # None when nobody waits
    new_ticket_wait: timedelta
    counters_open: int
    counters_total: int
    dossiers_received: int
    dossiers_due_today: int
    dossiers_overdue: int
    ratings: int
    satisfaction: float | None  # a fraction; None without ratings

    @property
    def issued(self) -> int:
        """All of today's tickets."""
        return self.waiting + self.serving + self.served + self.no_shows


class Dashboard:
    """Reads today's figures with a handful of indexed queries."""

    def __init__(
        self, db: Database, clock: Clock = vietnam_now, ratings: RatingReports | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.ratings = ratings or RatingReports(db, clock)

    def today(self, principal: Principal) -> TodayFigures:
        """The figures now (supervisors and admins only)."""
        check_manager(principal)
        now = self.clock()
        today = now.date()
        recent = now - timedelta(minutes=OPEN_WINDOW_MINUTES)
        tomorrow = datetime.combine(today + timedelta(days=1), time())
        running = [int(s) for s in RUNNING]
        with self.db.read() as session:
            counts = dict(
                session.execute(
                    select(Ticket.status, func.count())
                    .where(Ticket.day == today)
                    .group_by(Ticket.status)
                ).all()
            )
            oldest = session.scalar(
                select(func.min(Ticket.issued_at)).where(
                    Ticket.day == today, Ticket.status == WAITING
                )
            )
            open_counters = session.scalar(
                select(func.count(func.distinct(Ticket.counter))).where(
                    Ticket.day == today,
                    Ticket.counter.is_not(None),
                    or_(
                        Ticket.status == CALLED,
                        Ticket.called_at >= recent,
                        Ticket.done_at >= recent,
                    ),
                )
            )
            services = session.execute(
                select(Ticket.called_at, Ticket.done_at)
                .where(Ticket.day == today, Ticket.status == DONE)
                .order_by(Ticket.done_at.desc())
                .limit(RECENT_SERVICES)
            ).all()
            counters_total = session.scalar(
                select(func.count()).select_from(Counter).where(Counter.active)
            )
            start = datetime.combine(today, time())
            received = session.scalar(
                select(func.count()).where(
                    Dossier.received_at >= start,
                    Dossier.received_at < tomorrow,
                    Dossier.code.is_not(None),
                )
            )
            due_today, overdue = session.execute(
                select(
                    func.sum(case((Dossier.due_at >= now, 1), else_=0)),
                    func.sum(case((Dossier.due_at < now, 1), else_=0)),
                ).where(Dossier.status.in_(running), Dossier.due_at < tomorrow)
            ).one()
        rated = self.ratings.summary(principal, Period(today, today), GroupBy.COUNTER).total
        waiting = int(counts.get(WAITING, 0))
        seconds = [(d - c).total_seconds() for c, d in services if c and d]
        opened = int(open_counters or 0)
        return TodayFigures(
            at=now,
            waiting=waiting,
            serving=int(counts.get(CALLED, 0)),
            served=int(counts.get(DONE, 0)),
            no_shows=int(counts.get(NO_SHOW, 0)),
            longest_wait=(now - oldest) if oldest is not None else None,
            new_ticket_wait=estimate_wait(waiting, seconds, max(1, opened)),
            counters_open=opened,
            counters_total=int(counters_total or 0),
            dossiers_received=int(received or 0),
            dossiers_due_today=int(due_today or 0),
            dossiers_overdue=int(overdue or 0),
            ratings=rated.total,
            satisfaction=rated.rate,
        )
