"""Taking ratings: prompts from queue events, one rating per service, who may rate."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from dossier_fixtures import complete_intake, make_counter
from sqlalchemy import select

from counter_app.domain.rating import AT_KIOSK, DISSATISFIED, NEUTRAL, SATISFIED, VERY_SATISFIED
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.queue import QueueService
from counter_app.services.rating import AlreadyRated, RatingInput, RatingService
from counter_app.settings import RatingSettings, SecuritySettings
from db.models import ServiceRating

REASONS = ("Thời gian chờ đợi lâu", "Thủ tục giấy tờ phức tạp")


@pytest.fixture
def office(migrated_db):
    """A dossier office with a queue, a rating screen's device account and a second clerk."""
    counter = make_counter(migrated_db)
    queue = QueueService(migrated_db, counter.clock)
    queue.ensure_default_areas(counter.admin)
    accounts = AccountService(migrated_db, SecuritySettings(), "QUAY-1", counter.clock)
    accounts.create_user(counter.admin, "danhgia1", "Màn hình quầy 1", Role.DEVICE, "thietbi123")
    accounts.create_user(counter.admin, "canbo2", "Trần Văn Bình", Role.CLERK, "canbo2345")
    counter.queue = queue
    counter.screen = accounts.sign_in("danhgia1", "thietbi123")
    counter.other_clerk = accounts.sign_in("canbo2", "canbo2345")
    counter.ratings = RatingService(migrated_db, RatingSettings(reasons=REASONS), counter.clock)
    return counter


def answer(key: str, level: str = SATISFIED, **changes) -> RatingInput:
    return replace(RatingInput(key, level, uuid.uuid4().hex), **changes)


def serve_ticket(office, counter_no: int = 1):
    area = office.queue.areas()[0]
    ticket = office.queue.issue(office.screen, area.id)
    office.queue.call_next(office.clerk, counter_no)
    office.clock.advance(minutes=4)
    return office.queue.finish(office.clerk, counter_no), ticket


def test_served_ticket_prompts_its_counter_only(office):
    done, _ = serve_ticket(office, 1)
    events = [e for e in office.queue.events_after(0) if e.kind == "done"]
    assert len(events) == 1
    prompt = office.ratings.prompt_for_event(events[0], 1)
    assert prompt is not None and prompt.event_key == f"ticket:{done.id}"
    assert prompt.counter == 1 and prompt.clerk_name == "Lê Thị Hồng"
    assert prompt.ticket_label == done.label
    assert office.ratings.prompt_for_event(events[0], 2) is None
    issue_event = office.queue.events_after(0)[0]
    assert office.ratings.prompt_for_event(issue_event, 1) is None


def test_rating_saved_with_context_and_without_citizen(office):
    received = office.intake.accept(office.clerk, complete_intake(office))
    area = office.queue.areas()[0]
    office.queue.issue(office.screen, area.id)
    office.queue.call_next(office.clerk, 2)
    done = office.queue.finish(office.clerk, 2, dossier_id=received.id)
    saved = office.ratings.submit(
        office.screen,
        answer(f"ticket:{done.id}", DISSATISFIED, reasons=REASONS[:1], comment="Chờ  lâu quá"),
    )
    assert saved.level == DISSATISFIED and not saved.repeated
    with office.db.read() as session:
        row = session.scalars(select(ServiceRating)).one()
        assert (row.counter, row.clerk_name, row.area_name) == (2, "Lê Thị Hồng", area.name)
        assert row.dossier_id == received.id and row.procedure_code == received.row.procedure_code
        assert (row.score, row.satisfied, row.reasons) == (2, False, [REASONS[0]])
        assert row.comment == "Chờ lâu quá" and row.station == office.screen.station
        stored = " ".join(str(v) for v in vars(row).values())
    assert "Nguyễn Văn An" not in stored and "001090012345" not in stored


def test_one_rating_per_service_event(office):
    done, _ = serve_ticket(office)
    key = f"ticket:{done.id}"
    first = answer(key, VERY_SATISFIED)
    office.ratings.submit(office.screen, first)
    again = office.ratings.submit(office.screen, first)  # the same answer resent
    assert again.repeated and again.level == VERY_SATISFIED
    with pytest.raises(AlreadyRated, match="đã được đánh giá"):
        office.ratings.submit(office.screen, answer(key, DISSATISFIED))  # a second tap
    assert office.ratings.prompt_for(key) is None
    with office.db.read() as session:
        assert len(session.scalars(select(ServiceRating)).all()) == 1


def test_clerk_cannot_rate_own_service_nor_anyone_else_for_the_citizen(office):
    done, _ = serve_ticket(office)
    key = f"ticket:{done.id}"
    with pytest.raises(PermissionDenied, match="tự đánh giá"):
        office.ratings.submit(office.clerk, answer(key))
    with pytest.raises(PermissionDenied, match="màn hình đánh giá"):
        office.ratings.submit(office.other_clerk, answer(key))
    with pytest.raises(PermissionDenied):
        office.ratings.submit(office.admin, answer(key))
    assert office.ratings.prompt_for(key) is not None  # still open for the citizen


def test_unserved_or_skipped_ticket_cannot_be_rated(office):
    area = office.queue.areas()[0]
    waiting = office.queue.issue(office.screen, area.id)
    with pytest.raises(ValidationError, match="chưa được phục vụ xong"):
        office.ratings.submit(office.screen, answer(f"ticket:{waiting.id}"))
    office.queue.call_next(office.clerk, 1)
    office.queue.skip(office.clerk, 1)
    assert office.ratings.prompt_for(f"ticket:{waiting.id}") is None
    with pytest.raises(NotFound):
        office.ratings.submit(office.screen, answer("ticket:9999"))


@pytest.mark.parametrize(
    "changes, message",
    [
        (dict(level="great"), "không có trên thang"),
        (dict(level=SATISFIED, reasons=REASONS[:1]), "chưa hài lòng"),
        (dict(level=DISSATISFIED, reasons=("Tự nghĩ ra",)), "không có trong danh sách"),
        (dict(level=DISSATISFIED, comment="x" * 501), "quá dài"),
        (dict(channel="web"), "Kênh"),
        (dict(client_key=""), "mã lần đánh giá"),
        (dict(event_key="vé:1"), "không hợp lệ"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(office, changes, message):
    done, _ = serve_ticket(office)
    with pytest.raises(ValidationError, match=message):
        office.ratings.submit(office.screen, answer(f"ticket:{done.id}", **changes))
    with office.db.read() as session:
        assert session.scalars(select(ServiceRating)).all() == []


def test_three_level_scale_refuses_neutral(office):
    three = RatingService(office.db, RatingSettings(scale="three"), office.clock)
    assert [lv.label for lv in three.scale.levels] == [
        "Rất hài lòng",
        "Hài lòng",
        "Không hài lòng",
    ]
    done, _ = serve_ticket(office)
    with pytest.raises(ValidationError):
        three.submit(office.screen, answer(f"ticket:{done.id}", NEUTRAL))
    saved = three.submit(office.screen, answer(f"ticket:{done.id}", DISSATISFIED))
    assert saved.level == DISSATISFIED


def test_returned_result_prompts_counter_and_names_the_returning_clerk(office):
    received = office.intake.accept(office.clerk, complete_intake(office))
    office.lifecycle.transfer(office.clerk, received.id, "UBND Phường Ba Đình")
    office.lifecycle.record_result(office.clerk, received.id)
    office.clock.advance(days=2)
    office.lifecycle.return_result(
        office.other_clerk, received.id, ReturnInput(receiver_name="Nguyễn Văn An", counter=2)
    )
    returned = [e for e in office.queue.events_after(0) if e.kind == "returned"]
    assert len(returned) == 1 and returned[0].details["dossier_id"] == received.id
    prompt = office.ratings.prompt_for_event(returned[0], 2)
    assert prompt is not None and prompt.event_key == f"dossier:{received.id}"
    assert prompt.clerk_name == "Trần Văn Bình" and prompt.dossier_code == received.code
    with pytest.raises(PermissionDenied, match="tự đánh giá"):
        office.ratings.submit(office.other_clerk, answer(prompt.event_key))
    office.ratings.submit(office.screen, answer(prompt.event_key, VERY_SATISFIED))
    with office.db.read() as session:
        row = session.scalars(select(ServiceRating)).one()
        assert (row.counter, row.clerk_name) == (2, "Trần Văn Bình")


def test_result_by_post_wakes_no_screen(office):
    received = office.intake.accept(office.clerk, complete_intake(office))
    office.lifecycle.transfer(office.clerk, received.id, "UBND Phường Ba Đình")
    office.lifecycle.record_result(office.clerk, received.id)
    office.lifecycle.return_result(
        office.clerk,
        received.id,
        ReturnInput(by_post=True, tracking_number="EV123456789VN", counter=1),
    )
    assert not [e for e in office.queue.events_after(0) if e.kind == "returned"]


def test_receipt_scan_rates_the_dossier_once(office):
    received = office.intake.accept(office.clerk, complete_intake(office))
    scanned = f"https://dichvucong.gov.vn/tra-cuu?ma={received.code}\n"
    prompt = office.ratings.prompt_for_scan(scanned, office.queries)
    assert prompt.event_key == f"dossier:{received.id}" and prompt.clerk_name == "Lê Thị Hồng"
    office.ratings.submit(office.screen, answer(prompt.event_key, SATISFIED, channel=AT_KIOSK))
    with pytest.raises(AlreadyRated):
        office.ratings.prompt_for_scan(scanned, office.queries)
    with pytest.raises(NotFound, match="không phải mã hồ sơ"):
        office.ratings.prompt_for_scan("xin chào", office.queries)


def test_rating_time_is_when_the_citizen_answered(office):
    done, _ = serve_ticket(office)
    answered = office.clock() - timedelta(hours=2)  # kept on the screen through an outage
    saved = office.ratings.submit(office.screen, answer(f"ticket:{done.id}", rated_at=answered))
    assert saved.rated_at == answered
    done2, _ = serve_ticket(office)
    future = office.clock() + timedelta(days=1)  # a screen whose clock runs ahead
    assert (
        office.ratings.submit(office.screen, answer(f"ticket:{done2.id}", rated_at=future)).rated_at
        == office.clock()
    )


def test_active_counters(office):
    assert office.ratings.active_counters() == [1, 2]


def test_concurrent_second_rating_loses_cleanly(office, monkeypatch):
    done, _ = serve_ticket(office)
    key = f"ticket:{done.id}"
    office.ratings.submit(office.screen, answer(key))
    # The check before the insert sees nothing (as if the other screen had not committed yet):
    # the unique key must still refuse it.
    monkeypatch.setattr(RatingService, "_rated", staticmethod(lambda session, k: False))
    with pytest.raises(AlreadyRated):
        office.ratings.submit(office.screen, answer(key, DISSATISFIED))
