"""Answers kept on the rating screen while the database is locked or away, saved later."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from dossier_fixtures import make_counter
from sqlalchemy import select

from counter_app.domain.rating import DISSATISFIED, SATISFIED
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.queue import QueueService
from counter_app.services.rating import RatingInput, RatingService
from counter_app.services.rating_journal import RatingJournal
from counter_app.settings import RatingSettings, SecuritySettings
from db.engine import Database
from db.migrate import migrate
from db.models import ServiceRating


@pytest.fixture
def hall(sqlite_url, tmp_path):
    db = Database(sqlite_url, busy_timeout_ms=200)
    migrate(db)
    counter = make_counter(db)
    queue = QueueService(db, counter.clock)
    area = queue.ensure_default_areas(counter.admin)[0]
    accounts = AccountService(db, SecuritySettings(), "QUAY-1", counter.clock)
    accounts.create_user(counter.admin, "danhgia1", "Màn hình quầy 1", Role.DEVICE, "thietbi123")
    screen = accounts.sign_in("danhgia1", "thietbi123")
    keys = []
    for _ in range(3):
        queue.issue(screen, area.id)
        queue.call_next(counter.clerk, 1)
        keys.append(f"ticket:{queue.finish(counter.clerk, 1).id}")
    ratings = RatingService(db, RatingSettings(), counter.clock)
    yield db, ratings, screen, keys, RatingJournal(tmp_path / "ratings-pending.jsonl")
    db.dispose()


def stored(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(r.event_key, r.level) for r in session.scalars(select(ServiceRating))]


def test_answers_survive_a_locked_database_and_are_saved_once_later(hall, sqlite_url):
    db, ratings, screen, keys, journal = hall
    answers = [
        RatingInput(keys[0], SATISFIED, uuid.uuid4().hex),
        RatingInput(keys[1], DISSATISFIED, uuid.uuid4().hex, reasons=("Thời gian chờ đợi lâu",)),
    ]
    for item in answers:
        journal.keep(item)
    blocker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the database
    try:
        assert journal.save_all(ratings, screen) == (0, 2)
        assert len(journal.pending()) == 2
    finally:
        blocker.rollback()
        blocker.close()
    # A fresh journal object reads the same file: a restart of the screen loses nothing.
    reopened = RatingJournal(journal.path)
    assert [r.event_key for r in reopened.pending()] == keys[:2]
    assert reopened.pending()[1].reasons == ("Thời gian chờ đợi lâu",)
    assert reopened.save_all(ratings, screen) == (2, 0)
    assert reopened.pending() == []
    assert sorted(stored(db)) == sorted([(keys[0], SATISFIED), (keys[1], DISSATISFIED)])


def test_saved_answer_resent_is_not_a_second_rating(hall):
    db, ratings, screen, keys, journal = hall
    item = RatingInput(keys[0], SATISFIED, uuid.uuid4().hex)
    ratings.submit(screen, item)  # saved, but the screen crashed before forgetting it
    journal.keep(item)
    assert journal.save_all(ratings, screen) == (1, 0)
    assert stored(db) == [(keys[0], SATISFIED)]


def test_refused_answer_is_dropped_and_does_not_block_the_rest(hall, caplog):
    db, ratings, screen, keys, journal = hall
    ratings.submit(screen, RatingInput(keys[0], SATISFIED, uuid.uuid4().hex))
    journal.keep(RatingInput(keys[0], DISSATISFIED, uuid.uuid4().hex))  # rated meanwhile
    journal.keep(RatingInput(keys[2], SATISFIED, uuid.uuid4().hex))
    assert journal.save_all(ratings, screen) == (1, 0)
    assert journal.pending() == []
    assert sorted(stored(db)) == sorted([(keys[0], SATISFIED), (keys[2], SATISFIED)])
    assert "dropped from the journal" in caplog.text


def test_damaged_line_is_skipped_and_logged(tmp_path, caplog):
    journal = RatingJournal(tmp_path / "j.jsonl")
    good = RatingInput("ticket:1", SATISFIED, "abc")
    journal.keep(good)
    with journal.path.open("a", encoding="utf-8") as handle:
        handle.write('{"event_key": "ticket:2", "lev\n')  # cut by a power failure
    assert journal.pending() == [good]
    assert "unreadable" in caplog.text
    journal.keep(good)  # replacing by client key, not duplicating
    assert journal.pending() == [good]
