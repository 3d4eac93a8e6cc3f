"""Power cuts at a station: the work process SIGKILLed mid-operation, then started again.

Each test runs tests/reliability/worker_process.py against one office database, cuts it at a
named crash point inside a transaction (MOTCUA_CRASH_AT) and at random moments (a few reported
operations, then a few milliseconds), restarts it on the same database each time, and then
checks (tests/reliability/invariants.py): every reported record is there and whole, nothing
half-written is visible, numbering goes on with neither gaps nor duplicates, what waited
(sync operations, unrecorded prints, journalled ratings) is picked up, and the SQLite file
passes its integrity check, with the safety settings in force in every run.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys

import pytest
from crash_runner import REPO, Station
from dossier_fixtures import AGENCY, make_counter
from invariants import (
    assert_database_sound,
    assert_dossiers_whole,
    assert_ratings_once,
    assert_sqlite_settings,
    assert_tickets_whole,
    count,
    store_files,
)
from queue_fixtures import make_hall
from sqlalchemy import func, select
from sync_invariants import assert_synced
from worker_process import DAY_AT

from counter_app.services.queue import QueueService
from counter_app.services.rating_journal import RatingJournal
from counter_app.services.ticket_printing import INTERRUPTED
from counter_app.ui.calling.snapshot import print_failure_text
from db import engine
from db.engine import Database
from db.migrate import migrate
from db.models import Attachment, Dossier, SequenceCounter, ServiceRating, Ticket

SENDER = REPO / "tests" / "sync" / "sender_process.py"


@pytest.fixture
def office_db(db_url):
    """A migrated office database (SQLite or PostgreSQL) with its handle for the checks."""
    db = Database(db_url)
    migrate(db)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_office(sqlite_url):
    db = Database(sqlite_url)
    migrate(db)
    yield db
    db.dispose()


def counter_at(db: Database, name: str) -> int:
    query = select(SequenceCounter.last_value).where(SequenceCounter.name.startswith(name))
    return count(db, query)


def test_intake_cut_mid_save_keeps_every_dossier_whole(office_db, start_provincial, tmp_path):
    counter = make_counter(office_db, DAY_AT)
    files = counter.attachments.store.root
    station = Station(office_db.url, "intake", ["--files", str(files)])
    try:
        # Cut inside the third save: scan stored, every row flushed, nothing committed.
        station.run(12, crash="intake_before_commit", skip=2)
        assert count(office_db, select(func.count(Dossier.id))) == len(station.done) == 2
        assert counter_at(office_db, "dossier:") == counter_at(office_db, "book:") == 2
        named, _ = store_files(files)
        with office_db.read() as session:
            orphans = set(named) - set(session.scalars(select(Attachment.sha256)))
        assert len(orphans) == 1  # the cut save's scan: whole, but no row names it yet
        rng = random.Random(20261116)
        for _ in range(2):
            station.kill_at_random(12, rng)
        station.run(12)
        assert len(station.done) == 12 and station.kills == 3
        assert_sqlite_settings(station.starts, office_db.url)
        assert_database_sound(office_db)
        # The redone saves named the orphaned scans: none is left; the outbox holds one
        # operation per committed dossier, ready for the sender.
        assert_dossiers_whole(office_db, files, station.done, station.kills)
        # And they resume: the sender delivers each dossier once, with its scan.
        province = start_provincial(f"sqlite:///{tmp_path / 'province.sqlite3'}")
        token = province.token(AGENCY)
        sender = [sys.executable, str(SENDER), "--db", office_db.url, "--files", str(files)]
        sent = subprocess.run(
            [*sender, "--url", province.base_url, f"--token={token}"],  # it may start with "-"
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert sent.returncode == 0, (sent.stdout.decode()[-2000:], sent.stderr.decode()[-3000:])
        assert_synced(office_db, province, token)
    finally:
        shutil.rmtree(files, ignore_errors=True)


def test_ticket_numbers_go_on_without_gaps_after_cuts(office_db):
    make_hall(office_db, DAY_AT)
    station = Station(office_db.url, "ticket")
    station.run(14, crash="ticket_number_taken", skip=3)  # the fourth number taken, then cut
    assert count(office_db, select(func.count(Ticket.id))) == 3
    assert counter_at(office_db, "ticket:") == 3  # the cut transaction gave its number back
    rng = random.Random(7)
    for _ in range(2):
        station.kill_at_random(14, rng)
    station.run(14)
    assert len(station.done) == 14 and station.kills == 3
    assert_sqlite_settings(station.starts, office_db.url)
    assert_database_sound(office_db)
    tickets = assert_tickets_whole(office_db, station.done, station.kills)
    # Issued in order: the numbers follow the ids (a restart went on from the last one).
    assert [t.number for t in tickets] == list(range(1, len(tickets) + 1))


def test_kiosk_cut_while_printing_alerts_the_clerks_at_restart(sqlite_office, tmp_path):
    make_hall(sqlite_office, DAY_AT)
    paper = tmp_path / "may-in-ve.bin"
    station = Station(sqlite_office.url, "print", ["--printer", paper.as_uri()])
    # Cut after the second ticket came out of the printer, before the kiosk recorded it.
    station.run(10, crash="print_before_record", skip=1)
    with sqlite_office.read() as session:
        statuses = list(session.scalars(select(Ticket.print_status).order_by(Ticket.id)))
    assert statuses == ["printed", "pending"] and paper.stat().st_size > 0
    cut_label = "A002"
    rng = random.Random(3)
    station.kill_at_random(10, rng)
    assert station.starts[1]["settled"] == [cut_label]  # the restart settled it, once
    station.kill_at_random(10, rng)
    station.run(10)
    assert len(station.done) == 10
    assert_sqlite_settings(station.starts, sqlite_office.url)
    assert_database_sound(sqlite_office)
    tickets = assert_tickets_whole(sqlite_office, station.done, station.kills)
    settled = [label for start in station.starts for label in start["settled"]]
    by_label = {t.label: t for t in tickets}
    # Nothing stays "pending": printed, or failed because a cut left it unknown.
    assert {t.print_status for t in tickets} <= {"printed", "failed"}
    assert sorted(t.label for t in tickets if t.print_status == "failed") == sorted(settled)
    assert all(by_label[line["label"]].print_status == "printed" for line in station.done)
    assert len(settled) == len(set(settled)) <= station.kills
    # Each reaches the clerks' alert once, naming the number and the kiosk.
    events = QueueService(sqlite_office).events_after(0)
    failed = [e for e in events if e.kind == "print_failed"]
    assert sorted(e.label for e in failed) == sorted(settled)
    assert all(e.details["error"] == INTERRUPTED for e in failed)
    alert = print_failure_text(next(e for e in failed if e.label == cut_label))
    assert cut_label in alert and "KIOSK-1" in alert and "tắt đột ngột" in alert


def serve(hall, tickets: int) -> None:
    """Tickets issued at the kiosk, called and served at counter 1 (ready to be rated)."""
    area = next(iter(hall.areas.values())).id
    for _ in range(tickets):
        hall.queue.issue(hall.kiosk, area)
        hall.queue.call_next(hall.clerk, 1)
        hall.queue.finish(hall.clerk, 1)


def test_rating_screen_cut_loses_no_answer_and_saves_none_twice(sqlite_office, tmp_path):
    hall = make_hall(sqlite_office, DAY_AT)
    serve(hall, 12)
    journal = RatingJournal(tmp_path / "ratings-pending-counter-1.jsonl")
    station = Station(sqlite_office.url, "rating", ["--journal", str(journal.path)])
    ratings = select(func.count(ServiceRating.id))
    # Cut inside the database save of the second answer: on the screen's disk only.
    station.run(12, crash="rating_before_commit", skip=1)
    assert count(sqlite_office, ratings) == 1
    assert [r.client_key for r in journal.pending()] == ["tra-loi-1"]
    # The restart replays it; then a cut right after the fourth answer's commit, before the
    # journal let it go: in both places.
    station.run(12, crash="rating_after_commit", skip=1)
    assert station.starts[1]["replayed"] == [1, 0]
    assert count(sqlite_office, ratings) == 4
    assert [r.client_key for r in journal.pending()] == ["tra-loi-3"]
    rng = random.Random(11)
    station.kill_at_random(12, rng)
    assert station.starts[2]["replayed"] == [1, 0]  # saved again: "already saved", once
    station.run(12)
    assert len(station.done) == 12
    assert journal.pending() == []
    assert_sqlite_settings(station.starts, sqlite_office.url)
    assert_database_sound(sqlite_office)
    assert_ratings_once(sqlite_office, [line["kept"] for line in station.done])


def test_a_connection_without_its_safety_settings_is_refused(sqlite_url, monkeypatch):
    """Every connection checks its settings took effect (here one cannot): it is refused."""
    monkeypatch.setitem(engine.EXPECTED_SQLITE_PRAGMAS, "synchronous", 3)  # EXTRA: not set
    db = Database(sqlite_url)
    with pytest.raises(engine.DatabaseSetupError), db.read() as session:
        session.execute(select(1))
    db.dispose()
