"""One station's work as a program of its own, for the power-cut tests (tests/reliability).

    python tests/reliability/worker_process.py --db URL --kind KIND --first I --last J
        [--files DIR] [--printer URL] [--journal PATH] [--crash-skip K]

It does operations I..J-1 of one kind on an office already set up by the parent test, and
prints one JSON line per operation, flushed, only once its transaction has committed:

- ``intake``: receive a varied dossier with one scanned PNG (``{"op", "id", "code", "sha256"}``);
- ``ticket``: issue a ticket at the kiosk (``{"op", "id", "label"}``);
- ``print``: issue a ticket and print it to a file printer (``{"op", "id", "label", "printed"}``),
  after settling, as the kiosk does at start, the tickets an earlier run left unprinted;
- ``rating``: a citizen rates the I-th served ticket; the answer goes to the screen's journal
  first (``{"op", "kept"}``), then to the database (``{"op", "saved"}``), after replaying what
  an earlier run left in the journal, as the rating screen does at start.

Operation i always has the same input (seeded by i), so a restarted run redoing it brings the
same scan. The first line reports the run's start: the SQLite settings its connection has,
and what it replayed or settled. With ``MOTCUA_CRASH_AT=<point>`` (counter_app.services.
crash_points) the point is armed only after ``--crash-skip`` operations of this run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (ROOT, ROOT / "tests", ROOT / "tests" / "sync"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from sqlalchemy import select  # noqa: E402

from counter_app.clock import FrozenClock  # noqa: E402
from counter_app.domain.rating import (  # noqa: E402
    AT_COUNTER,
    NEUTRAL,
    SATISFIED,
    TICKET,
    VERY_SATISFIED,
    event_key,
)
from counter_app.domain.roles import Role  # noqa: E402
from counter_app.services.crash_points import CRASH_ENV  # noqa: E402
from counter_app.services.principal import Principal  # noqa: E402
from counter_app.services.queue import QueueService  # noqa: E402
from counter_app.services.rating import RatingInput, RatingService  # noqa: E402
from counter_app.services.rating_journal import RatingJournal  # noqa: E402
from counter_app.services.ticket_printing import (  # noqa: E402
    print_ticket,
    settle_interrupted_prints,
)
from counter_app.settings import KioskSettings, RatingSettings  # noqa: E402
from db.engine import EXPECTED_SQLITE_PRAGMAS, Database  # noqa: E402
from db.models import Office, ServiceArea, Ticket, User  # noqa: E402

#: The office's day in every run (the parent's fixtures use it too): one numbering period.
DAY_AT = datetime(2026, 11, 16, 8, 30)
KIOSK_USER = "kiosk"
KIOSK_STATION = "KIOSK-1"
#: Levels that need no reason, so every answer is valid.
LEVELS = (VERY_SATISFIED, SATISFIED, NEUTRAL)


def emit(**line: object) -> None:
    """One line of the run's report, on stdout at once (the parent may kill us next)."""
    print(json.dumps(line, ensure_ascii=False), flush=True)


def sqlite_settings(db: Database) -> dict[str, object]:
    """What this process's connection really runs with (empty on PostgreSQL)."""
    if not db.is_sqlite:
        return {}
    with db.engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in EXPECTED_SQLITE_PRAGMAS
        }


def kiosk(db: Database) -> Principal:
    """The kiosk's device account, as the kiosk signs in with it."""
    with db.read() as session:
        user = session.scalars(select(User).where(User.username == KIOSK_USER)).one()
        return Principal(user.id, user.username, user.full_name, Role.DEVICE, KIOSK_STATION)


def first_area(db: Database) -> int:
    with db.read() as session:
        return session.scalars(select(ServiceArea.id).order_by(ServiceArea.id)).first() or 0


class Crash:
    """Arms the crash point named in the environment after `skip` operations of this run."""

    def __init__(self, skip: int) -> None:
        self.point = os.environ.pop(CRASH_ENV, None)
        self.skip = skip
        self.done = 0

    def before_op(self) -> None:
        if self.point is not None and self.done >= self.skip:
            os.environ[CRASH_ENV] = self.point

    def after_op(self) -> None:
        self.done += 1


def run_intake(db: Database, args: argparse.Namespace, crash: Crash) -> None:
    from sender_process import noise_png, office_on, varied_intake  # slow: intake only

    counter = office_on(db, args.files, FrozenClock(DAY_AT))
    scans = Path(tempfile.mkdtemp(prefix="motcua-scans-"))
    emit(start="intake", sqlite=sqlite_settings(db))
    for op in range(args.first, args.last):
        rng = random.Random(op)
        scan = noise_png(scans / f"giay-to-{op}.png", rng, 40)
        intake = varied_intake(counter, rng, (scan,))
        crash.before_op()
        detail = counter.intake.accept(counter.clerk, intake)
        sha = hashlib.sha256(scan.read_bytes()).hexdigest()
        emit(op=op, id=detail.id, code=detail.code, sha256=sha)
        crash.after_op()


def run_tickets(db: Database, args: argparse.Namespace, crash: Crash, printing: bool) -> None:
    clock = FrozenClock(DAY_AT)
    queue, principal, area = QueueService(db, clock), kiosk(db), first_area(db)
    settings = KioskSettings(printer=args.printer or "")
    settled = settle_interrupted_prints(queue, principal) if printing else []
    with db.read() as session:
        office = session.scalars(select(Office.name)).one()
    emit(start="print" if printing else "ticket", sqlite=sqlite_settings(db), settled=settled)
    for op in range(args.first, args.last):
        crash.before_op()
        ticket = queue.issue(principal, area)
        if not printing:
            emit(op=op, id=ticket.id, label=ticket.label)
        else:
            outcome = print_ticket(queue, principal, settings, office, ticket)
            emit(op=op, id=ticket.id, label=ticket.label, printed=outcome.ok)
        crash.after_op()


def run_ratings(db: Database, args: argparse.Namespace, crash: Crash) -> None:
    clock = FrozenClock(DAY_AT)
    service, principal = RatingService(db, RatingSettings(), clock), kiosk(db)
    journal = RatingJournal(args.journal)
    replayed = journal.save_all(service, principal)  # what the screen does when it starts
    emit(start="rating", sqlite=sqlite_settings(db), replayed=list(replayed))
    with db.read() as session:
        served = list(session.scalars(select(Ticket.id).where(Ticket.status == "done")))
    for op in range(args.first, args.last):
        answer = RatingInput(
            event_key=event_key(TICKET, sorted(served)[op]),
            level=LEVELS[op % len(LEVELS)],
            client_key=f"tra-loi-{op}",
            channel=AT_COUNTER,
            rated_at=DAY_AT,
        )
        crash.before_op()
        journal.keep(answer)  # the citizen has answered and gone
        emit(op=op, kept=answer.client_key)
        journal.save_all(service, principal)
        emit(op=op, saved=answer.client_key)
        crash.after_op()


def main(argv: list[str] | None = None) -> int:
    """Run operations --first..--last of one kind against the office database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the office database URL")
    parser.add_argument("--kind", required=True, choices=("intake", "ticket", "print", "rating"))
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--last", type=int, required=True)
    parser.add_argument("--files", type=Path, help="the attachment store (intake)")
    parser.add_argument("--printer", help="the kiosk's printer URL (print)")
    parser.add_argument("--journal", type=Path, help="the rating screen's journal (rating)")
    parser.add_argument("--crash-skip", type=int, default=0, help="operations before the crash")
    args = parser.parse_args(argv)
    crash = Crash(args.crash_skip)
    db = Database(args.db)
    try:
        if args.kind == "intake":
            run_intake(db, args, crash)
        elif args.kind == "rating":
            run_ratings(db, args, crash)
        else:
            run_tickets(db, args, crash, printing=args.kind == "print")
        return 0
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
