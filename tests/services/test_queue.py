"""The queue: numbering, calling order, recall/skip/transfer/finish, board and event stream."""

from __future__ import annotations

from datetime import datetime

import pytest
from queue_fixtures import make_hall

from counter_app.domain.queue import CALLED, DONE, NO_SHOW, WAITING
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.queue_models import AreaInput


@pytest.fixture
def hall(migrated_db):
    return make_hall(migrated_db)


def issue(hall, prefix="A", priority="", key=None):
    return hall.queue.issue(hall.kiosk, hall.areas[prefix].id, priority, key)


def test_numbers_per_prefix_restart_each_day(hall):
    assert [issue(hall).label for _ in range(3)] == ["A001", "A002", "A003"]
    assert issue(hall, "B").label == "B001"
    hall.clock.at = datetime(2026, 11, 17, 7, 30)
    assert issue(hall).label == "A001"


def test_ahead_and_wait_estimate(hall):
    first = issue(hall)
    assert first.ahead == 0 and first.wait.total_seconds() == 0
    second = issue(hall)
    assert second.ahead == 1 and second.wait.total_seconds() == 100  # 300 s / 3 counters
    urgent = issue(hall, priority="elderly")
    assert urgent.ahead == 0  # priority tickets go before the others
    assert urgent.priority_label == "Người cao tuổi"


def test_double_tap_gives_one_ticket(hall):
    one = issue(hall, key="tap-123")
    again = issue(hall, key="tap-123")
    assert one.id == again.id and one.label == again.label
    assert len(hall.queue.waiting()) == 1


def test_calling_order_transfer_priority_then_first_come(hall):
    a1, a2 = issue(hall), issue(hall)
    urgent = issue(hall, "B", priority="pregnant")
    called = hall.queue.call_next(hall.clerk, 1)
    assert called.label == urgent.label and called.status == CALLED and called.counter == 1
    called = hall.queue.call_next(hall.clerk, 2)
    assert called.label == a1.label
    moved = hall.queue.transfer(hall.clerk, 2, to_counter=3)
    assert moved.label == a1.label and moved.status == WAITING  # same number kept
    assert hall.queue.call_next(hall.clerk, 1).label == a2.label  # not sent to counter 1
    assert hall.queue.call_next(hall.clerk, 3).label == a1.label  # waiting for counter 3


def test_call_next_finishes_the_current_ticket(hall):
    first, second = issue(hall), issue(hall)
    hall.queue.call_next(hall.clerk, 1)
    hall.clock.advance(minutes=4)
    assert hall.queue.call_next(hall.clerk, 1).label == second.label
    done = [t for t in hall.queue.waiting()]
    assert done == []
    assert hall.queue.service_seconds_today() == [240.0]
    assert hall.queue.current(1).label == second.label
    assert first.status == WAITING


def test_recall_skip_finish_and_call_by_number(hall):
    ticket = issue(hall)
    hall.queue.call_next(hall.clerk, 1)
    assert hall.queue.recall(hall.clerk, 1).call_count == 2
    skipped = hall.queue.skip(hall.clerk, 1)
    assert skipped.status == NO_SHOW and hall.queue.current(1) is None
    again = hall.queue.call_number(hall.clerk, 2, ticket.label.lower())
    assert again.status == CALLED and again.counter == 2
    done = hall.queue.finish(hall.clerk, 2)
    assert done.status == DONE
    with pytest.raises(ValidationError, match="chưa gọi số nào"):
        hall.queue.recall(hall.clerk, 2)
    with pytest.raises(NotFound, match="Hôm nay chưa có số A999"):
        hall.queue.call_number(hall.clerk, 2, "A999")
    with pytest.raises(ValidationError, match="Đã phục vụ xong"):
        hall.queue.call_number(hall.clerk, 2, ticket.label)


def test_transfer_to_another_service_keeps_the_number(hall):
    ticket = issue(hall)
    hall.queue.call_next(hall.clerk, 1)
    moved = hall.queue.transfer(hall.clerk, 1, to_area_id=hall.areas["C"].id)
    assert moved.label == ticket.label and moved.area_name == "Đất đai, xây dựng"
    with pytest.raises(ValidationError):
        hall.queue.transfer(hall.clerk, 1, to_counter=2)  # nothing served at counter 1 now
    hall.queue.call_next(hall.clerk, 2)
    with pytest.raises(ValidationError, match="một quầy hoặc một khu vực"):
        hall.queue.transfer(hall.clerk, 2)
    with pytest.raises(ValidationError, match="Không có quầy số 9"):
        hall.queue.transfer(hall.clerk, 2, to_counter=9)


def test_counters_only_call_the_areas_they_serve(hall):
    hall.queue.save_area(hall.admin, AreaInput("Hộ tịch", "A", (1,), 0, True, hall.areas["A"].id))
    issue(hall)
    assert hall.queue.call_next(hall.clerk, 2) is None
    assert hall.queue.call_next(hall.clerk, 1).label == "A001"


def test_area_editing_rules(hall):
    with pytest.raises(ValidationError) as caught:
        hall.queue.save_area(hall.admin, AreaInput("", "ab", (7,)))
    text = str(caught.value)
    assert "chữ cái in hoa" in text and "tên khu vực" in text and "quầy số 7" in text
    with pytest.raises(ValidationError, match="đã dùng"):
        hall.queue.save_area(hall.admin, AreaInput("Trùng", "A", (1,)))
    with pytest.raises(PermissionDenied):
        hall.queue.save_area(hall.clerk, AreaInput("Mới", "G", (1,)))


def test_roles(hall):
    with pytest.raises(PermissionDenied):
        hall.queue.call_next(hall.kiosk, 1)
    with pytest.raises(PermissionDenied):
        hall.queue.issue(None, hall.areas["A"].id)  # type: ignore[arg-type]


def test_board_state_and_event_stream(hall):
    start = hall.queue.last_event_id()
    issue(hall)
    issue(hall, "B")
    hall.queue.call_next(hall.clerk, 2)
    hall.queue.set_notice(hall.admin, "Sáng thứ Bảy làm việc đến 11 giờ")
    board = hall.queue.board()
    assert [(c.counter, c.label) for c in board.serving] == [(2, "A001")]
    assert board.recent_calls[0].label == "A001" and board.recent_calls[0].counter == 2
    assert board.waiting_by_area == {"Chứng thực": 1}
    assert board.notice == "Sáng thứ Bảy làm việc đến 11 giờ"
    events = hall.queue.events_after(start)
    assert [e.kind for e in events] == ["issue", "issue", "call", "notice"]
    assert all(e.ticket_id for e in events[:3]) and events[0].label == "A001"
    assert board.last_event_id == hall.queue.last_event_id()


def test_print_failure_is_announced_and_scanned_ticket_found(hall):
    ticket = issue(hall)
    hall.queue.mark_printed(hall.kiosk, ticket.id, ok=False, error="Máy in vé hết giấy")
    last = hall.queue.events_after(0)[-1]
    assert last.kind == "print_failed" and last.details == {"error": "Máy in vé hết giấy"}
    assert hall.queue.find_scanned(ticket.qr_data + "\r").label == ticket.label
    with pytest.raises(NotFound):
        hall.queue.find_scanned("000.00.06.H56-261116-0001")


def test_the_served_ticket_links_to_the_dossier_taken_in(hall):
    from dossier_fixtures import complete_intake

    from counter_app.domain.calendar import WorkCalendar
    from counter_app.services.catalog import CatalogService
    from counter_app.services.intake import IntakeService
    from counter_app.services.principal import Principal

    catalog = CatalogService(hall.db, hall.clock)
    catalog.load_shipped(Principal.system("T"))
    issue(hall)
    hall.queue.call_next(hall.clerk, 1)
    intake = IntakeService(hall.db, WorkCalendar(), hall.clock)
    dossier = intake.accept(hall.clerk, complete_intake(type("C", (), {"catalog": catalog})()))
    done = hall.queue.finish(hall.clerk, 1, dossier_id=dossier.id)
    assert done.dossier_id == dossier.id
    assert hall.queue.events_after(0)[-1].details == {"dossier_id": dossier.id}


def test_kiosk_exit_pin(hall):
    from counter_app.services.kiosk_lock import KioskLock

    lock = KioskLock(hall.db, hall.clock)
    assert not lock.has_pin() and not lock.check("1234")
    with pytest.raises(ValidationError, match="4 đến 8 chữ số"):
        lock.set_pin(hall.admin, "12a4")
    with pytest.raises(PermissionDenied):
        lock.set_pin(hall.clerk, "1234")
    lock.set_pin(hall.admin, "2468")
    assert lock.check("2468") and not lock.check("2469") and lock.has_pin()


def test_a_clock_moved_back_never_repeats_a_number(hall):
    first = issue(hall)
    hall.clock.advance(hours=-3)  # someone sets the PC's clock back during the morning
    second = issue(hall)
    assert (first.label, second.label) == ("A001", "A002")
    hall.clock.advance(hours=6)
    assert issue(hall).label == "A003"


def test_waiting_for_lists_what_call_next_would_call_in_order(hall):
    hall.queue.save_area(hall.admin, AreaInput("Hộ tịch", "A", (1,), 0, True, hall.areas["A"].id))
    a1 = issue(hall)
    b1 = issue(hall, "B")
    urgent = issue(hall, "C", priority="elderly")
    a2 = issue(hall)
    hall.queue.call_next(hall.clerk, 3)  # C001★ first at counter 3
    hall.queue.transfer(hall.clerk, 3, to_counter=2)  # …then sent on to counter 2
    assert [t.label for t in hall.queue.waiting_for(1)] == [a1.label, b1.label, a2.label]
    assert [t.label for t in hall.queue.waiting_for(2)] == [urgent.label, b1.label]
    assert [t.label for t in hall.queue.waiting_for(3)] == [b1.label]  # A is counter 1's only
    for counter in (2, 1, 1, 1):
        expected = hall.queue.waiting_for(counter)
        assert hall.queue.call_next(hall.clerk, counter).label == expected[0].label
    assert hall.queue.waiting_for(1) == [] and hall.queue.call_next(hall.clerk, 1) is None
    hall.clock.at = datetime(2026, 11, 17, 7, 30)
    issue(hall)
    assert [t.label for t in hall.queue.waiting_for(1)] == ["A001"]  # today's only


def test_board_shows_the_asked_number_of_recent_calls_one_per_number(hall):
    for _ in range(4):
        issue(hall)
    for counter in (1, 2, 3):
        hall.queue.call_next(hall.clerk, counter)
    hall.queue.recall(hall.clerk, 1)  # A001 again: still one line
    hall.queue.call_next(hall.clerk, 2)
    labels = [(c.label, c.counter) for c in hall.queue.board(recent=3).recent_calls]
    assert labels == [("A004", 2), ("A001", 1), ("A003", 3)]
    assert len(hall.queue.board().recent_calls) == 4  # default: RECENT_CALLS (8) at most
    assert [c.kind for c in hall.queue.board(recent=2).recent_calls] == ["call", "recall"]


def test_link_dossier_to_a_missing_dossier_is_not_found(hall):
    ticket = issue(hall)
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ số 999"):
        hall.queue.link_dossier(hall.clerk, ticket.id, 999)
    assert hall.queue.find_scanned(ticket.qr_data).dossier_id is None


def test_mark_printed_and_default_areas_need_their_roles(hall):
    from counter_app.services.principal import Principal

    ticket = issue(hall)
    with pytest.raises(PermissionDenied):
        hall.queue.mark_printed(None, ticket.id, ok=True)  # type: ignore[arg-type]
    hall.queue.mark_printed(hall.clerk, ticket.id, ok=True)  # a clerk reprinting is fine
    for principal in (hall.clerk, hall.kiosk):
        with pytest.raises(PermissionDenied):
            hall.queue.ensure_default_areas(principal)
    system = Principal.system("MAY-1")
    assert [a.prefix for a in hall.queue.ensure_default_areas(system)] == list("ABCDEF")


def test_kiosk_exit_pin_attempts_are_audited(hall):
    from counter_app.services import audit
    from counter_app.services.kiosk_lock import KioskLock

    lock = KioskLock(hall.db, hall.clock)
    lock.exit_checked("KIOSK-1", False)
    lock.exit_checked("KIOSK-1", True)
    lines = audit.recent(hall.db, 2)
    assert [(a.action, a.station, a.details) for a in lines] == [
        ("kiosk.exit", "KIOSK-1", {"ok": True}),
        ("kiosk.exit_pin_wrong", "KIOSK-1", {"ok": False}),
    ]
    assert {a.username for a in lines} == {"kiosk_pin"}
